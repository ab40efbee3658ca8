/** How a sync run is carried out: in a worker thread (the app) or in-process (unit tests). */
import type { SyncProgress } from '../../src-shared/domain/sync';
import type { RunSummary } from './sync-engine';
import type { SyncConfig } from './sync-config';

export interface RunCallbacks {
  progress: (progress: SyncProgress) => void;
  changed: (resourceTypes: string[]) => void;
}

export type RunResult = { ok: true; summary: RunSummary } | { ok: false; offline: boolean; message: string };

export interface SyncRunner {
  run(config: SyncConfig, callbacks: RunCallbacks): Promise<RunResult>;
  /** Stops a run at the next safe point (between pages or uploads). */
  abort(): void;
  close(): Promise<void>;
}

/** Messages between the controller and the worker thread. */
export type ToWorker =
  { type: 'run'; config: SyncConfig; options: { pageSize?: number; reconcileEveryMs?: number } } | { type: 'abort' };
export type FromWorker =
  | { type: 'progress'; progress: SyncProgress }
  | { type: 'changed'; resourceTypes: string[] }
  | { type: 'done'; result: RunResult };
