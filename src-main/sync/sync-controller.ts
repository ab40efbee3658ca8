/**
 * When sync runs, and what the portal shows about it. Runs happen after local writes
 * (debounced), every few minutes, sooner while offline so a returning connection is noticed,
 * and on "Sync now"; never two at a time.
 */
import type { SyncProgress, SyncStatus } from '../../src-shared/domain/sync';
import type { Sqlite } from '../store/client';
import { readSetting, writeSetting } from '../store/settings-repo';
import type { Logger } from '../log/logger';
import { stmt } from '../store/statements';
import type { SyncRunner } from './runner';
import { isConfigured, readSyncConfig } from './sync-config';
import type { RunSummary } from './sync-engine';

export interface ControllerOptions {
  sqlite: Sqlite;
  runner: SyncRunner;
  now: () => Date;
  log: Logger;
  onStatus: (status: SyncStatus) => void;
  onChanged: (resourceTypes: string[]) => void;
  /** After a local write, wait this long for more before syncing. */
  debounceMs?: number;
  /** While offline, look for the connection this often. */
  offlineRetryMs?: number;
  /** False in tests that drive runs themselves. */
  schedule?: boolean;
}

const LAST_SUCCESS = 'sync.last-success';
const LAST_ERROR = 'sync.last-error';

export class SyncController {
  private running: Promise<void> | null = null;
  private again = false;
  private state: SyncStatus['state'] = 'idle';
  private progress: SyncProgress | null = null;
  private lastRun: SyncStatus['lastRun'] = null;
  private lastAttemptAt: string | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private publishSoon: NodeJS.Timeout | null = null;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly options: ControllerOptions) {
    const lastError = readSetting<{ offline: boolean; message: string } | null>(options.sqlite, LAST_ERROR);
    if (lastError) this.state = lastError.offline ? 'offline' : 'error';
  }

  start(): void {
    if (this.options.schedule === false) return;
    this.scheduleNext(5_000);
  }

  status(): SyncStatus {
    const { sqlite } = this.options;
    // Records, not rows: three edits of one patient are one thing waiting. The GROUP BY walks
    // the (state, type, id) index without touching the rows.
    const counts = stmt(
      sqlite,
      `SELECT
         (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE state = 'pending' GROUP BY resource_type, resource_id)) AS waiting,
         (SELECT count(*) FROM (SELECT 1 FROM outbox WHERE state = 'rejected' GROUP BY resource_type, resource_id)) AS rejected,
         (SELECT count(*) FROM sync_conflicts) AS conflicts`,
    ).get() as { waiting: number; rejected: number; conflicts: number };
    const configured = isConfigured(readSyncConfig(sqlite));
    const lastError = readSetting<{ offline: boolean; message: string } | null>(sqlite, LAST_ERROR) ?? null;
    return {
      state: configured ? this.state : 'not-configured',
      lastSuccessAt: readSetting<string>(sqlite, LAST_SUCCESS) ?? null,
      lastAttemptAt: this.lastAttemptAt,
      lastError: configured && this.state !== 'syncing' ? (lastError?.message ?? null) : null,
      waitingToSend: counts.waiting,
      rejected: counts.rejected,
      conflicts: counts.conflicts,
      progress: this.state === 'syncing' ? this.progress : null,
      lastRun: this.lastRun,
    };
  }

  private publish(): void {
    this.options.onStatus(this.status());
  }

  /**
   * A local change was saved: sync soon, once the nurse pauses. The new count of waiting
   * records is published after the save has answered, at most once a second, so a save
   * never waits for it.
   */
  localWrite(): void {
    if (!this.publishSoon) {
      this.publishSoon = setTimeout(() => {
        this.publishSoon = null;
        if (!this.closed) this.publish();
      }, 1000);
      this.publishSoon.unref();
    }
    if (this.options.schedule === false || this.closed) return;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.runNow(), this.options.debounceMs ?? 5_000);
    this.debounce.unref();
  }

  /** Starts a run, or asks the one under way to run once more; resolves when done. */
  runNow(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.cycle().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async cycle(): Promise<void> {
    do {
      this.again = false;
      await this.once();
    } while (this.again && !this.closed);
  }

  private async once(): Promise<void> {
    const { sqlite, runner, now, log } = this.options;
    const config = readSyncConfig(sqlite);
    if (!isConfigured(config)) {
      this.publish();
      return;
    }
    this.state = 'syncing';
    this.progress = null;
    this.lastAttemptAt = now().toISOString();
    this.publish();
    const started = performance.now();
    const result = await runner.run(config, {
      progress: (progress) => {
        if (this.closed) return;
        this.progress = progress;
        this.publish();
      },
      changed: (types) => this.options.onChanged(types),
    });
    // Closed meanwhile: the database is gone; the next start picks up where this run stopped.
    if (this.closed) return;
    if (result.ok) {
      const s: RunSummary = result.summary;
      this.lastRun = { received: s.received, sent: s.sent, merged: s.merged, deleted: s.deleted, skipped: s.skipped };
      this.state = 'idle';
      writeSetting(sqlite, LAST_SUCCESS, now().toISOString());
      writeSetting(sqlite, LAST_ERROR, null);
      log.info('sync.done', { ms: Math.round(performance.now() - started), ...s });
    } else {
      this.state = result.offline ? 'offline' : 'error';
      writeSetting(sqlite, LAST_ERROR, { offline: result.offline, message: result.message });
      log.warn('sync.failed', { ms: Math.round(performance.now() - started), offline: result.offline });
    }
    this.progress = null;
    this.publish();
    this.scheduleNext();
  }

  private scheduleNext(delayMs?: number): void {
    if (this.options.schedule === false || this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    const config = readSyncConfig(this.options.sqlite);
    const wait =
      delayMs ??
      (this.state === 'offline' || this.state === 'error'
        ? (this.options.offlineRetryMs ?? 60_000)
        : config.intervalMinutes * 60_000);
    // A periodic tick finding a run under way has nothing to add: it does not ask for another.
    this.timer = setTimeout(() => {
      if (!this.running) void this.runNow();
    }, wait);
    this.timer.unref();
  }

  /** Settings changed: forget the old error and try the new connection. */
  reconfigured(): void {
    writeSetting(this.options.sqlite, LAST_ERROR, null);
    this.state = 'idle';
    this.publish();
    if (this.options.schedule !== false) void this.runNow();
  }

  close(): void {
    this.closed = true;
    if (this.debounce) clearTimeout(this.debounce);
    if (this.publishSoon) clearTimeout(this.publishSoon);
    if (this.timer) clearTimeout(this.timer);
    this.options.runner.abort();
    void this.options.runner.close();
  }

  /** Resolves when the run under way (if any) has finished. */
  async idle(): Promise<void> {
    await this.running;
  }
}
