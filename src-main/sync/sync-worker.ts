/**
 * The sync worker thread: network, parsing and bulk writes happen here, on a database
 * connection of its own, so the portal keeps answering during a large pull.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/client';
import { describeFailure, runSync } from './sync-engine';
import type { FromWorker, ToWorker } from './runner';

interface WorkerData {
  dbPath: string;
  keyHex: string;
  migrationsFolder?: string;
}

const data = workerData as WorkerData;
const port = parentPort!;
const store = openStore({
  path: data.dbPath,
  key: Buffer.from(data.keyHex, 'hex'),
  migrationsFolder: data.migrationsFolder,
});
// Bulk pulls write a lot: checkpoint the WAL every ~40 MB rather than every 4 MB, and give the
// worker a larger page cache. Readers are unaffected; a crash still replays the WAL.
store.sqlite.pragma('wal_autocheckpoint = 10000');
store.sqlite.pragma('cache_size = -65536');
let controller: AbortController | null = null;

const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') {
    controller?.abort();
    return;
  }
  controller = new AbortController();
  const signal = controller.signal;
  runSync(store.sqlite, message.config, {
    now: () => new Date(),
    signal,
    ...message.options,
    progress: (progress) => send({ type: 'progress', progress }),
    changed: (resourceTypes) => send({ type: 'changed', resourceTypes }),
  })
    .then((summary) => send({ type: 'done', result: { ok: true, summary } }))
    .catch((error: unknown) => send({ type: 'done', result: { ok: false, ...describeFailure(error) } }));
});
