/**
 * The only thing the page gets from Electron: `window.kliniki` with `invoke` and `on`. Runs in a
 * sandboxed preload, so it is bundled to one CommonJS file that requires nothing but 'electron'.
 * It holds no logic beyond refusing names the contract does not know; main validates the rest.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Result } from '../../src-shared/errors';
import { isChannel, isEventName } from '../../src-shared/ipc/names';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-names';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// One IPC listener for all subscriptions: the page never sees the IpcRendererEvent (it carries
// `sender`, a handle back into ipcRenderer).
ipcRenderer.on(EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const api = {
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>> {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'VALIDATION', message: `Unknown request: ${String(channel).slice(0, 64)}` },
      });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<Result<unknown>>;
  },
  on(event: unknown, cb: unknown): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 64)}`);
    if (typeof cb !== 'function') throw new Error('on() needs a function to call');
    const listener = cb as Listener;
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('kliniki', api);
