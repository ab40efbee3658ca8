/**
 * The clinic overview (`overview:get`) at 10,000 and 100,000 patients with visits and
 * immunizations, on a real encrypted SQLite file. Run alone: `npx tsx bench/overview-bench.ts`
 * (BENCH_OVERVIEW_SIZES=10000,100000 by default; BENCH_OVERVIEW_RUNS=20 timed runs per part).
 *
 * Two states of the same database are measured:
 *  - "steady": every Encounter and Immunization was written when it happened (a clinic that has
 *    used Kliniki for two years), so the (type, updated_at) index bounds what is read;
 *  - "after a full pull": every row was just written (a new laptop's first sync, or a rebuild),
 *    so that bound selects everything: the worst case.
 * Beside them, a baseline (`SELECT json FROM resources WHERE pk = ?` on random rows) so numbers
 * can be compared across machines, and the naive alternative (JSON.parse of every Encounter).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src-main/core';
import { silentLogger } from '../src-main/log/logger';
import { createRng, type Rng } from '../src-main/demo/random';
import { createLocalResource } from '../src-main/store/resource-repo';
import type { Sqlite } from '../src-main/store/client';
import type { FhirResource } from '../src-shared/fhir/types';
import { clinicCoverage } from '../src-main/overview/coverage';
import { localDate, localMonth } from '../src-main/overview/local-days';
import { vaccinationsOfMonth } from '../src-main/overview/vaccination-counts';
import { visitsPerDay } from '../src-main/overview/visit-counts';
import { ScheduleSource } from '../src-main/immunization/active-schedule';
import { populate } from './populate';
import { formatTable, ms, summarize, timeAsync, timeSync, type Summary } from './stats';

const SIZES = (process.env.BENCH_OVERVIEW_SIZES ?? '10000,100000').split(',').map((s) => Number(s.trim()));
const RUNS = Number(process.env.BENCH_OVERVIEW_RUNS ?? 20);
const DAY_MS = 86_400_000;
const CVX = 'http://hl7.org/fhir/sid/cvx';
const CREDENTIALS = { username: 'bench', password: 'bench-password' };
/** Visits per patient over the last two years. */
const VISITS_PER_PATIENT = 3;
/** (CVX code, age in days) of the doses a child under five is offered, roughly WHO EPI. */
const CHILD_DOSES: [string, number][] = [
  ['19', 0],
  ['178', 0],
  ['178', 42],
  ['198', 42],
  ['133', 42],
  ['119', 42],
  ['178', 70],
  ['198', 70],
  ['133', 70],
  ['119', 70],
  ['178', 98],
  ['198', 98],
  ['133', 98],
  ['10', 98],
  ['04', 270],
  ['04', 540],
];

function encounter(patientId: string, start: Date): FhirResource {
  return {
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ text: 'Sick visit' }],
    subject: { reference: `Patient/${patientId}` },
    period: { start: start.toISOString(), end: new Date(start.getTime() + 20 * 60_000).toISOString() },
  };
}

function immunization(patientId: string, code: string, at: Date, given: boolean): FhirResource {
  const resource: FhirResource = {
    resourceType: 'Immunization',
    status: given ? 'completed' : 'not-done',
    vaccineCode: { coding: [{ system: CVX, code }] },
    patient: { reference: `Patient/${patientId}` },
    occurrenceDateTime: localDate(at),
    primarySource: true,
  };
  if (!given) resource.statusReason = { text: 'Vaccine out of stock' };
  return resource;
}

/** Visits and doses for the patients after `afterPk`, each written at the time it happened. */
function addClinicalRecords(sqlite: Sqlite, afterPk: number, now: Date, rng: Rng): { visits: number; doses: number } {
  const patients = sqlite
    .prepare(
      `SELECT r.id AS id, pi.birth_date AS birthDate FROM patient_index pi JOIN resources r ON r.pk = pi.resource_pk
       WHERE pi.resource_pk > ?`,
    )
    .all(afterPk) as { id: string; birthDate: string | null }[];
  // Collected first and written in time order, as a clinic writes them: the records of the last
  // weeks then sit together at the end of the table, as they do on a laptop in use.
  const records: { at: number; resource: FhirResource }[] = [];
  for (const p of patients) {
    for (let i = 0; i < VISITS_PER_PATIENT; i++) {
      const at = now.getTime() - rng.int(0, 730) * DAY_MS - rng.int(0, 9) * 3_600_000;
      records.push({ at, resource: encounter(p.id, new Date(at)) });
    }
    const birth = p.birthDate ? Date.parse(`${p.birthDate}T08:00:00`) : NaN;
    const ageDays = (now.getTime() - birth) / DAY_MS;
    if (!Number.isNaN(birth) && ageDays < 5 * 365) {
      for (const [code, age] of CHILD_DOSES) {
        const at = birth + (age + rng.int(0, 20)) * DAY_MS;
        if (at > now.getTime() || !rng.chance(0.9)) continue;
        records.push({ at, resource: immunization(p.id, code, new Date(at), !rng.chance(0.03)) });
      }
    } else if (rng.chance(0.05)) {
      const at = now.getTime() - rng.int(0, 365) * DAY_MS;
      records.push({ at, resource: immunization(p.id, '140', new Date(at), true) });
    }
  }
  records.sort((a, b) => a.at - b.at);
  const write = sqlite.transaction((batch: typeof records) => {
    for (const r of batch) createLocalResource(sqlite, r.resource, { userId: null, now: new Date(r.at) });
  });
  for (let i = 0; i < records.length; i += 2000) write(records.slice(i, i + 2000));
  const visits = records.filter((r) => r.resource.resourceType === 'Encounter').length;
  const doses = records.length - visits;
  return { visits, doses };
}

function times(action: () => unknown, runs = RUNS): Summary {
  action(); // warm the statement cache and the pages once, as a nurse's second look would be
  return summarize(Array.from({ length: runs }, () => timeSync(action)));
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kliniki-overview-bench-'));
  const core = await createCore({ dataDir, logger: silentLogger, sync: { schedule: false } });
  const first = await core.invoke('auth:create-first-user', { fullName: 'Bench', role: 'admin', ...CREDENTIALS });
  if (!first.ok) throw new Error(first.error.message);
  await core.invoke('settings:update', { idleLockMinutes: 240 });
  const { sqlite } = core.store;
  const schedule = new ScheduleSource(sqlite, join(process.cwd(), 'resources')).current().schedule;
  const now = new Date();
  const today = localDate(now);
  const month = localMonth(now);
  const rng = createRng(77);
  const rows: string[][] = [];
  try {
    for (const size of SIZES) {
      const lastPk = (
        sqlite.prepare('SELECT coalesce(max(resource_pk), 0) AS n FROM patient_index').get() as {
          n: number;
        }
      ).n;
      const started = performance.now();
      populate(sqlite, size, { userId: null, seed: 4242, now, log: console.log });
      const added = addClinicalRecords(sqlite, lastPk, now, rng);
      const count = (type: string) =>
        (sqlite.prepare('SELECT count(*) AS n FROM resources WHERE type = ?').get(type) as { n: number }).n;
      console.log(
        `${size.toLocaleString('en')} patients: ${count('Encounter').toLocaleString('en')} visits, ${count('Immunization').toLocaleString('en')} immunizations ` +
          `(+${added.visits} / +${added.doses} in ${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const maxPk = (sqlite.prepare('SELECT max(pk) AS n FROM resources').get() as { n: number }).n;
      const read = sqlite.prepare('SELECT json FROM resources WHERE pk = ?');
      const baseline = summarize(Array.from({ length: 500 }, () => timeSync(() => read.get(rng.int(1, maxPk)))));
      const measure = async (state: string) => {
        const parts: [string, Summary][] = [
          ['visits per day (30 days)', times(() => visitsPerDay(sqlite, now, 30))],
          ['vaccinations this month', times(() => vaccinationsOfMonth(sqlite, schedule, month))],
          ['coverage (summarizeClinicDue)', times(() => clinicCoverage(sqlite, schedule, today))],
        ];
        await core.invoke('auth:unlock', CREDENTIALS);
        // The handler keeps coverage until a Patient or Immunization changes: measured both ways.
        const patientId = (
          sqlite.prepare("SELECT id FROM resources WHERE type = 'Patient' LIMIT 1").get() as {
            id: string;
          }
        ).id;
        for (const [name, write] of [
          ['invoke after a new dose (coverage recomputed)', () => immunization(patientId, '140', new Date(), true)],
          ['invoke after a new visit (coverage kept)', () => encounter(patientId, new Date())],
        ] as const) {
          const invoke: number[] = [];
          for (let i = 0; i <= RUNS; i++) {
            createLocalResource(sqlite, write(), { userId: null, now: new Date() });
            const ms = await timeAsync(async () => {
              const result = await core.invoke('overview:get', {});
              if (!result.ok) throw new Error(result.error.message);
            });
            if (i > 0) invoke.push(ms);
          }
          parts.push([name, summarize(invoke)]);
        }
        for (const [name, s] of parts) {
          rows.push([
            size.toLocaleString('en'),
            state,
            name,
            ms(s.p50),
            ms(s.p95),
            ms(s.max),
            `×${Math.round(s.p50 / Math.max(baseline.p50, 0.001))}`,
          ]);
        }
      };
      await measure('steady');
      // Naive: every Encounter parsed in JavaScript, what the SQL extraction avoids.
      const naive = times(() => {
        for (const row of sqlite
          .prepare("SELECT json FROM resources WHERE type = 'Encounter' AND deleted = 0")
          .iterate())
          JSON.parse((row as { json: string }).json);
      }, 3);
      rows.push([
        size.toLocaleString('en'),
        'steady',
        'naive: JSON.parse every Encounter',
        ms(naive.p50),
        ms(naive.p95),
        ms(naive.max),
        `×${Math.round(naive.p50 / Math.max(baseline.p50, 0.001))}`,
      ]);
      // As after a first sync: every row written just now. Restored afterwards for the next size.
      sqlite.exec(
        `CREATE TEMP TABLE saved (pk INTEGER PRIMARY KEY, updated_at TEXT);
         INSERT INTO saved SELECT pk, updated_at FROM resources WHERE type IN ('Encounter', 'Immunization')`,
      );
      sqlite
        .prepare("UPDATE resources SET updated_at = ? WHERE type IN ('Encounter', 'Immunization')")
        .run(now.toISOString());
      await measure('after a full pull');
      sqlite.exec(
        'UPDATE resources SET updated_at = (SELECT updated_at FROM saved WHERE saved.pk = resources.pk) WHERE pk IN (SELECT pk FROM saved); DROP TABLE saved',
      );
      rows.push([
        size.toLocaleString('en'),
        'baseline',
        'SELECT json … WHERE pk = ?',
        ms(baseline.p50),
        ms(baseline.p95),
        ms(baseline.max),
        '×1',
      ]);
      // Printed as each size ends: the 100k population takes minutes.
      console.log(formatTable(['patients', 'state', 'part (ms)', 'p50', 'p95', 'max', 'p50/base'], rows.splice(0)));
    }
  } finally {
    core.close();
    if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
