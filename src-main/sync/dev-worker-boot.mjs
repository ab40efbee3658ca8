// Development and tests only: lets the worker thread load TypeScript sources through tsx.
// The packaged app runs the bundled sync-worker.js directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
