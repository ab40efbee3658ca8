/**
 * The clinic due list (issue target: 10,000 children in under 500 ms; 100,000 reported). Every
 * patient is a child of schedule age (0–59 months), the worst case: each one is evaluated
 * against the whole schedule on every call. Histories come from
 * src-main/demo/immunization-histories.ts (on time, late, late starters catching up, dropped
 * out, none) and are stored as pulled from the iCDR (putCentralResource), so every dose goes
 * through the same indexer as a sync.
 * Run alone: `npx tsx bench/due-bench.ts` (BENCH_DUE_SIZES, default 10000,100000; BENCH_DUE_RUNS, 20).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { silentLogger } from '../src-main/log/logger';
import { registerPatient } from '../src-main/patients/patient-records';
import { generatePatients } from '../src-main/demo/generate-patients';
import { generateHistory } from '../src-main/demo/immunization-histories';
import { createRng } from '../src-main/demo/random';
import { putCentralResource } from '../src-main/store/resource-repo';
import { addDays } from '../src-main/immunization/iso-date';
import { localIsoDate, summarizeClinicDue } from '../src-main/immunization/clinic-due';
import { ScheduleSource } from '../src-main/immunization/active-schedule';
import type { ImmunizationSchedule } from '../src-main/immunization/schedule-model';
import type { PatientDraft } from '../src-shared/domain/patient';
import type { DueList, DueQuery } from '../src-shared/domain/due-list';
import { formatTable, ms, summarize, timeAsync, timeSync, type Summary } from './stats';

const SIZES = (process.env.BENCH_DUE_SIZES ?? '10000,100000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_DUE_RUNS ?? 20);
const BATCH = 1000;
const PASSWORD = 'correct horse battery';
const HEADER = ['measure', 'n', 'p50 ms', 'p95 ms', 'max ms', 'cpu p50 ms', 'cpu p95 ms', 'p50/baseline'];

function childCount(core: Core): number {
  return (core.store.sqlite.prepare('SELECT count(*) AS n FROM patient_index').get() as { n: number }).n;
}

/** Adds children until there are `target`, each with a generated history; returns doses added. */
function populateChildren(core: Core, schedule: ImmunizationSchedule, target: number, now: Date, seed: number): number {
  const { sqlite } = core.store;
  const have = childCount(core);
  const today = localIsoDate(now);
  const rng = createRng(seed + have);
  const ctx = { userId: null, now };
  let doses = 0;
  const insert = sqlite.transaction((drafts: PatientDraft[]) => {
    for (const draft of drafts) {
      const { summary } = registerPatient(sqlite, draft, ctx);
      for (const imm of generateHistory(rng, schedule, summary.id, summary.birthDate!, today)) {
        putCentralResource(sqlite, { ...imm, id: randomUUID() }, ctx);
        doses += 1;
      }
    }
  });
  let batch: PatientDraft[] = [];
  for (const draft of generatePatients(target - have, { seed: seed + have, now, startIndex: have })) {
    // Worst case: everybody is of schedule age, born in the last 59 months.
    const guardian = draft.guardian.name !== '' ? draft.guardian : { ...draft.guardian, name: `Grace ${draft.family}` };
    batch.push({ ...draft, guardian, birth: { kind: 'exact', date: addDays(today, -rng.int(0, 1790)) } });
    if (batch.length === BATCH) {
      insert(batch);
      batch = [];
    }
  }
  if (batch.length > 0) insert(batch);
  return doses;
}

/** CPU time of this process in ms: on a shared machine it says what wall time cannot. */
function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

async function timeList(core: Core, query: DueQuery): Promise<{ s: Summary; cpu: Summary; last: DueList }> {
  const samples: number[] = [];
  const cpu: number[] = [];
  let last: DueList | null = null;
  for (let i = 0; i < RUNS; i++) {
    const started = process.cpuUsage();
    samples.push(
      await timeAsync(async () => {
        const result = await core.invoke('due:list', query);
        if (!result.ok) throw new Error(result.error.message);
        last = result.value as DueList;
      }),
    );
    cpu.push(cpuMs(started));
  }
  return { s: summarize(samples), cpu: summarize(cpu), last: last! };
}

function baseline(core: Core): Summary {
  const { sqlite } = core.store;
  const read = sqlite.prepare('SELECT json FROM resources WHERE pk = ?');
  const max = (sqlite.prepare('SELECT max(pk) AS n FROM resources').get() as { n: number }).n;
  const rng = createRng(5);
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) samples.push(timeSync(() => read.get(rng.int(1, max))));
  return summarize(samples);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kliniki-due-bench-'));
  const core = await createCore({ dataDir, logger: silentLogger, sync: { schedule: false } });
  try {
    const signedIn = await core.invoke('auth:create-first-user', {
      fullName: 'Bench Nurse',
      username: 'bench',
      role: 'admin',
      password: PASSWORD,
    });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    const source = new ScheduleSource(core.store.sqlite, join(process.cwd(), 'resources'));
    const schedule = source.current().schedule;
    const now = new Date();
    const table: string[][] = [];
    for (const size of SIZES) {
      const started = performance.now();
      const doses = populateChildren(core, schedule, size, now, 777);
      const fill = (performance.now() - started) / 1000;
      // A long fill outlasts the idle lock: unlock as the nurse would in the morning.
      const unlocked = await core.invoke('auth:unlock', { username: 'bench', password: PASSWORD });
      if (!unlocked.ok) throw new Error(unlocked.error.message);
      const base = baseline(core);
      const morning = await timeList(core, {});
      const upcoming = await timeList(core, { status: 'upcoming', upcomingDays: 30 });
      const village = morning.last.villages[0];
      const filtered = await timeList(core, {
        village,
        seriesId: morning.last.series[2]?.id,
        minAgeMonths: 0,
        maxAgeMonths: 23,
      });
      const summarySamples: number[] = [];
      const summaryCpu: number[] = [];
      let summary = summarizeClinicDue(core.store.sqlite, schedule, localIsoDate(now));
      for (let i = 0; i < RUNS; i++) {
        const started = process.cpuUsage();
        summarySamples.push(
          timeSync(() => (summary = summarizeClinicDue(core.store.sqlite, schedule, localIsoDate(now)))),
        );
        summaryCpu.push(cpuMs(started));
      }
      const sum = summarize(summarySamples);
      console.log(
        `\n${size.toLocaleString('en')} children (${doses.toLocaleString('en')} doses added, filled in ${fill.toFixed(0)} s): ` +
          `overdue ${morning.last.counts.overdue}, due ${morning.last.counts.due}, upcoming(14 d) ${morning.last.counts.upcoming}; ` +
          `summary: ${JSON.stringify(summary)}; baseline p50 ${ms(base.p50)} ms`,
      );
      const rows: [string, Summary, Summary][] = [
        ['due:list morning (due or overdue, page 1)', morning.s, morning.cpu],
        ['due:list upcoming 30 days', upcoming.s, upcoming.cpu],
        ['due:list village + series + 0-23 months', filtered.s, filtered.cpu],
        ['summarizeClinicDue (direct)', sum, summarize(summaryCpu)],
      ];
      for (const [name, s, cpu] of rows) {
        table.push([
          `${size / 1000}k ${name}`,
          String(s.n),
          ms(s.p50),
          ms(s.p95),
          ms(s.max),
          ms(cpu.p50),
          ms(cpu.p95),
          `×${Math.round(s.p50 / Math.max(base.p50, 0.001))}`,
        ]);
      }
      // Printed as each size finishes: the larger sizes take long to fill.
      console.log(formatTable(HEADER, table.slice(-rows.length)));
    }
    console.log(`\n${formatTable(HEADER, table)}`);
    console.log('Target: 10k children, due:list p95 < 500 ms.');
  } finally {
    core.close();
    if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
