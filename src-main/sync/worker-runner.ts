import { Worker } from 'node:worker_threads';
import type { FromWorker, RunCallbacks, RunResult, SyncRunner, ToWorker } from './runner';
import type { SyncConfig } from './sync-config';

export interface WorkerRunnerOptions {
  dbPath: string;
  key: Buffer;
  migrationsFolder?: string;
  pageSize?: number;
  reconcileEveryMs?: number;
}

function spawn(options: WorkerRunnerOptions): Worker {
  const data = {
    dbPath: options.dbPath,
    keyHex: options.key.toString('hex'),
    migrationsFolder: options.migrationsFolder,
  };
  // From sources (tests, `npm run web`) the worker is TypeScript; bundled, it is plain JS.
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./dev-worker-boot.mjs', import.meta.url), {
      workerData: { ...data, entry: new URL('./sync-worker.ts', import.meta.url).href },
    });
  }
  return new Worker(new URL('./sync-worker.js', import.meta.url), { workerData: data });
}

/** Runs sync in a worker thread, started on first use and restarted if it ever dies. */
export class WorkerRunner implements SyncRunner {
  private worker: Worker | null = null;
  private pending: { callbacks: RunCallbacks; resolve: (r: RunResult) => void } | null = null;

  constructor(private readonly options: WorkerRunnerOptions) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = spawn(this.options);
    worker.on('message', (message: FromWorker) => {
      const run = this.pending;
      if (!run) return;
      if (message.type === 'progress') run.callbacks.progress(message.progress);
      else if (message.type === 'changed') run.callbacks.changed(message.resourceTypes);
      else {
        this.pending = null;
        run.resolve(message.result);
      }
    });
    const fail = (why: string) => {
      this.worker = null;
      const run = this.pending;
      this.pending = null;
      run?.resolve({
        ok: false,
        offline: false,
        message: `Sync stopped unexpectedly (${why}). Your data here is safe; it will try again.`,
      });
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`worker exit ${code}`));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  run(config: SyncConfig, callbacks: RunCallbacks): Promise<RunResult> {
    const worker = this.ensure();
    return new Promise((resolve) => {
      this.pending = { callbacks, resolve };
      const message: ToWorker = {
        type: 'run',
        config,
        options: { pageSize: this.options.pageSize, reconcileEveryMs: this.options.reconcileEveryMs },
      };
      worker.postMessage(message);
    });
  }

  abort(): void {
    this.worker?.postMessage({ type: 'abort' } satisfies ToWorker);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) {
      worker.removeAllListeners('exit');
      await worker.terminate();
    }
  }
}
