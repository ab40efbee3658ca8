/** Registering patients and cold start: the core's other latencies a nurse feels. */
import { createCore, type Core } from '../src-main/core';
import { silentLogger } from '../src-main/log/logger';
import { registerPatient } from '../src-main/patients/patient-records';
import { generatePatients } from '../src-main/demo/generate-patients';
import { summarize, type Summary } from './stats';
import { ensureSession } from './search-bench';

export interface Credentials {
  username: string;
  password: string;
}

export interface RegistrationResult {
  scenario: string;
  /** Local changes waiting for the iCDR when the run started. */
  pendingChanges: number;
  direct: Summary;
  invoke: Summary;
}

export function pendingChanges(core: Core): number {
  return (core.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
}

/** Each registration is its own transaction, as when a nurse presses Save. */
export async function benchRegistration(
  core: Core,
  count: number,
  options: { userId: string; credentials: Credentials; scenario: string; round: number },
): Promise<RegistrationResult> {
  const { userId, credentials } = options;
  const now = new Date();
  const pending = pendingChanges(core);
  // Far from the populated range: no national ID repeats one already stored.
  const drafts = [
    ...generatePatients(count * 2, {
      seed: 777 + options.round,
      now,
      startIndex: 90_000_000 + options.round * 1_000_000,
    }),
  ];
  const direct: number[] = [];
  for (const draft of drafts.slice(0, count)) {
    const start = performance.now();
    registerPatient(core.store.sqlite, draft, { userId, now: new Date() });
    direct.push(performance.now() - start);
  }
  await ensureSession(core, credentials);
  const viaInvoke: number[] = [];
  for (const draft of drafts.slice(count)) {
    const start = performance.now();
    const result = await core.invoke('patients:register', { draft });
    viaInvoke.push(performance.now() - start);
    if (!result.ok)
      throw new Error(`patients:register failed during the benchmark: ${result.error.code} ${result.error.message}`);
  }
  return {
    scenario: options.scenario,
    pendingChanges: pending,
    direct: summarize(direct),
    invoke: summarize(viaInvoke),
  };
}

export interface ColdStartRun {
  openMs: number;
  unlockMs: number;
  firstSearchMs: number;
  /** The target's measure: open + first search answered, unlock excluded. */
  openAndSearchMs: number;
  totalWithUnlockMs: number;
}

export interface ColdStartResult {
  runs: ColdStartRun[];
  openAndSearch: Summary;
  withUnlock: Summary;
}

/**
 * Opens the closed database as the app does at launch (key, cipher, migration check), signs
 * in, and answers one search. The OS page cache stays warm between runs: this measures the
 * app's own start cost, not the disk's (a first launch after boot reads the file from disk).
 */
export async function benchColdStart(
  dataDir: string,
  credentials: Credentials,
  queries: string[],
): Promise<ColdStartResult> {
  const runs: ColdStartRun[] = [];
  for (const text of queries) {
    const t0 = performance.now();
    const core = await createCore({ dataDir, logger: silentLogger });
    const t1 = performance.now();
    const unlocked = await core.invoke('auth:unlock', credentials);
    const t2 = performance.now();
    const found = await core.invoke('patients:search', { text });
    const t3 = performance.now();
    core.close();
    if (!unlocked.ok || !found.ok) throw new Error('The cold-start run could not unlock or search.');
    runs.push({
      openMs: t1 - t0,
      unlockMs: t2 - t1,
      firstSearchMs: t3 - t2,
      openAndSearchMs: t1 - t0 + (t3 - t2),
      totalWithUnlockMs: t3 - t0,
    });
  }
  return {
    runs,
    openAndSearch: summarize(runs.map((r) => r.openAndSearchMs)),
    withUnlock: summarize(runs.map((r) => r.totalWithUnlockMs)),
  };
}
