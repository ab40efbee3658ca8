/**
 * createCore: the whole of Kliniki's main-process logic, free of Electron. The Electron shell,
 * the loopback bridge and the tests all bind the same `invoke` and events.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventName, EventPayload } from '../src-shared/ipc/contract';
import { SessionManager } from './auth/session-manager';
import { openStore, type Store } from './store/client';
import { keyFileStore, newDatabaseKey, type KeyStore } from './store/key-file';
import { StartupError } from './store/startup-error';
import { makeInvoke, type Invoke } from './ipc/invoke';
import type { CoreDeps, Handlers } from './ipc/handler-types';
import { fileLogger, type Logger } from './log/logger';
import { authHandlers } from './handlers/auth';
import { patientHandlers } from './handlers/patients';
import { readSettings, settingsHandlers } from './handlers/settings';
import { userHandlers } from './handlers/users';
import { syncHandlers } from './handlers/sync';
import { visitHandlers } from './handlers/visits';
import { growthHandlers } from './handlers/growth';
import { dueListHandlers } from './handlers/due-list';
import { immunizationHandlers } from './handlers/immunizations';
import { overviewHandlers } from './handlers/overview';
import { ruleHandlers } from './handlers/rules';
import { RuleEngine } from './rules/rule-engine';
import { ScheduleSource } from './immunization/active-schedule';
import { SyncController } from './sync/sync-controller';
import { WorkerRunner } from './sync/worker-runner';
import { InProcessRunner } from './sync/in-process-runner';
import type { SyncRunner } from './sync/runner';

export const DB_FILE = 'kliniki.db';

function coalesce(ms: number, flush: (items: Set<string>) => void) {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  return {
    add(items: string[]) {
      for (const item of items) pending.add(item);
      timer ??= setTimeout(() => {
        timer = null;
        const batch = pending;
        pending = new Set();
        flush(batch);
      }, ms);
    },
    cancel() {
      if (timer) clearTimeout(timer);
    },
  };
}

export interface CoreOptions {
  /** Folder for the database, its key file (outside Electron) and logs. */
  dataDir: string;
  /**
   * The shipped data files (default schedule, rule pack, growth tables). Defaults to ./resources
   * of the working folder, which is the repository in development and tests; Electron passes the
   * folder inside the installed app.
   */
  resourcesDir?: string;
  /** Where the database key is kept; defaults to an owner-only key file in dataDir. */
  keyStore?: KeyStore;
  appVersion?: string;
  now?: () => Date;
  logger?: Logger;
  /** How often the idle lock is checked; tests shorten it. */
  idleCheckMs?: number;
  sync?: {
    /** 'worker' (default): off the main thread. 'in-process': for tests stepping through runs. */
    runner?: 'worker' | 'in-process';
    /** False: no automatic runs; tests call sync:run-now. */
    schedule?: boolean;
    pageSize?: number;
    reconcileEveryMs?: number;
    debounceMs?: number;
    offlineRetryMs?: number;
  };
}

export interface Core {
  invoke: Invoke;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** For benchmarks, imports and tests that work below the IPC layer. */
  store: Store;
  /**
   * Stops sync (a run cut short is like a crash: every page and upload is its own
   * transaction) and closes the database.
   */
  close(): void;
  sync: SyncController;
}

/**
 * A database that exists without its key must not get a new key: the old data would become
 * unreadable and look lost. That is reported instead.
 */
function databaseKey(dbPath: string, keyStore: KeyStore): Buffer {
  const key = keyStore.load();
  if (key) return key;
  if (existsSync(dbPath)) {
    throw new StartupError(
      'KEY_MISSING',
      `The patient database ${dbPath} exists, but its key (${keyStore.describe()}) is missing, so it cannot be opened. Restore the key from a backup; the database was left as it was.`,
    );
  }
  const fresh = newDatabaseKey();
  keyStore.save(fresh);
  return fresh;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? fileLogger(join(options.dataDir, 'logs'));
  const dbPath = join(options.dataDir, DB_FILE);
  const keyStore = options.keyStore ?? keyFileStore(join(options.dataDir, 'db-key'));
  const started = performance.now();
  const key = databaseKey(dbPath, keyStore);
  const store = openStore({ path: dbPath, key });
  log.info('core.opened', { ms: Math.round(performance.now() - started) });

  const emitter = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => emitter.emit(event, payload);
  const sessions = new SessionManager(
    store,
    now,
    () => readSettings(store.sqlite).idleLockMinutes,
    (reason) => emit('session:locked', { reason }),
  );
  // A large pull changes data page after page: open lists refresh at most once a second.
  const changed = coalesce(1000, (types: Set<string>) => {
    for (const resourceType of types) emit('db:changed', { resourceType, ids: [] });
  });
  const syncOptions = options.sync ?? {};
  const runner: SyncRunner =
    syncOptions.runner === 'in-process'
      ? new InProcessRunner(store.sqlite, {
          now,
          pageSize: syncOptions.pageSize,
          reconcileEveryMs: syncOptions.reconcileEveryMs,
        })
      : new WorkerRunner({
          dbPath,
          key,
          pageSize: syncOptions.pageSize,
          reconcileEveryMs: syncOptions.reconcileEveryMs,
        });
  const sync = new SyncController({
    sqlite: store.sqlite,
    runner,
    now,
    log,
    schedule: syncOptions.schedule,
    debounceMs: syncOptions.debounceMs,
    offlineRetryMs: syncOptions.offlineRetryMs,
    onStatus: (status) => emit('sync:status', status),
    onChanged: (types) => changed.add(types),
  });
  const resourcesDir = options.resourcesDir ?? join(process.cwd(), 'resources');
  const deps: CoreDeps = {
    store,
    sessions,
    now,
    appVersion: options.appVersion ?? '0.0.0',
    log,
    emit,
    sync,
    resourcesDir,
    schedule: new ScheduleSource(store.sqlite, resourcesDir),
    rules: new RuleEngine(store.sqlite, resourcesDir, log),
  };
  const handlers: Handlers = {
    ...authHandlers(deps),
    ...patientHandlers(deps),
    ...settingsHandlers(deps),
    ...userHandlers(deps),
    ...syncHandlers(deps),
    ...visitHandlers(deps),
    ...growthHandlers(deps),
    ...dueListHandlers(deps),
    ...immunizationHandlers(deps),
    ...overviewHandlers(deps),
    ...ruleHandlers(deps),
  };
  sync.start();
  // The idle lock must fire even when nobody calls in: a laptop left open in a busy room.
  const idleTimer = setInterval(() => sessions.lockIfIdle(), options.idleCheckMs ?? 15_000);
  idleTimer.unref();

  return {
    invoke: makeInvoke(handlers, log),
    on(event, listener) {
      emitter.on(event, listener);
      return () => emitter.off(event, listener);
    },
    store,
    sync,
    close() {
      clearInterval(idleTimer);
      changed.cancel();
      sync.close();
      deps.rules.close();
      emitter.removeAllListeners();
      store.close();
    },
  };
}
