/**
 * Fills a benchmark database with generated patients through the core's own registerPatient
 * (validation, clinic number, indexes, outbox, audit), 1000 to a transaction so that the
 * million-patient size is reachable; population speed is reported, not judged.
 */
import type { Sqlite } from '../src-main/store/client';
import { registerPatient } from '../src-main/patients/patient-records';
import { generatePatients, type GenerateOptions } from '../src-main/demo/generate-patients';
import type { PatientDraft } from '../src-shared/domain/patient';

export const BATCH = 1000;
/** The core's own page cache (client.ts); restored after populating so searches see it. */
const CORE_CACHE_KIB = 32_000;
/** A larger page cache while inserting: index pages stay hot, population is not what is measured. */
const POPULATE_CACHE_KIB = 512_000;

export function patientCount(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM patient_index').get() as { n: number }).n;
}

export interface PopulateResult {
  added: number;
  seconds: number;
  usPerPatient: number;
}

export function populate(
  sqlite: Sqlite,
  target: number,
  options: { userId: string | null; seed: number; now: Date; log: (line: string) => void },
): PopulateResult {
  const have = patientCount(sqlite);
  const toAdd = Math.max(0, target - have);
  const started = performance.now();
  sqlite.pragma(`cache_size = -${POPULATE_CACHE_KIB}`);
  try {
    // The seed varies with the starting count, so growing 10k → 100k adds new people, and the
    // start index keeps national IDs unique across batches.
    const generate: GenerateOptions = { seed: options.seed + have, now: options.now, startIndex: have };
    const ctx = { userId: options.userId, now: options.now };
    const insertBatch = sqlite.transaction((drafts: PatientDraft[]) => {
      for (const draft of drafts) registerPatient(sqlite, draft, ctx);
    });
    let batch: PatientDraft[] = [];
    let done = 0;
    let lastReport = performance.now();
    for (const draft of generatePatients(toAdd, generate)) {
      batch.push(draft);
      if (batch.length < BATCH) continue;
      insertBatch(batch);
      done += batch.length;
      batch = [];
      if (performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        const rate = done / ((lastReport - started) / 1000);
        options.log(
          `  … ${(have + done).toLocaleString('en')} patients (${Math.round(rate)}/s, about ${Math.round((toAdd - done) / rate)} s to go)`,
        );
      }
    }
    if (batch.length > 0) insertBatch(batch);
  } finally {
    sqlite.pragma(`cache_size = -${CORE_CACHE_KIB}`);
  }
  const seconds = (performance.now() - started) / 1000;
  return { added: toAdd, seconds, usPerPatient: toAdd > 0 ? (seconds * 1e6) / toAdd : 0 };
}
