/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { Result } from '../src-shared/errors';

/** What the Electron preload exposes; the browser build talks to the loopback bridge instead. */
export interface KlinikiBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    kliniki?: KlinikiBridge;
  }
}
