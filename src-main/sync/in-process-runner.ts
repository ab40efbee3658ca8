import type { Sqlite } from '../store/client';
import type { RunCallbacks, RunResult, SyncRunner } from './runner';
import type { SyncConfig } from './sync-config';
import { describeFailure, runSync, type EngineHooks } from './sync-engine';

/** Sync on the calling thread: for tests that need to step through runs deterministically. */
export class InProcessRunner implements SyncRunner {
  private controller: AbortController | null = null;

  constructor(
    private readonly sqlite: Sqlite,
    private readonly hooks: Partial<Pick<EngineHooks, 'now' | 'pageSize' | 'reconcileEveryMs' | 'fetchImpl'>> = {},
  ) {}

  async run(config: SyncConfig, callbacks: RunCallbacks): Promise<RunResult> {
    this.controller = new AbortController();
    try {
      const summary = await runSync(this.sqlite, config, {
        now: () => new Date(),
        ...this.hooks,
        ...callbacks,
        signal: this.controller.signal,
      });
      return { ok: true, summary };
    } catch (error) {
      return { ok: false, ...describeFailure(error) };
    }
  }

  abort(): void {
    this.controller?.abort();
  }

  async close(): Promise<void> {
    this.abort();
  }
}
