/**
 * Opening a patient's page with a full history (issue target: under 100 ms at 10,000 patients;
 * reported at 100,000 too). The page asks the core for what PatientPage.svelte and its cards ask:
 * the record, the visit history with every measurement, the vaccinations against the schedule,
 * the growth charts, and the z-score notes of the visits' weights and lengths (one call per 50
 * values, as VisitList does). The children measured are 4½ years old with 30 visits (weight,
 * length/height, MUAC, temperature each) and a full on-time vaccination history; the registry
 * around them is the generated population of bench/populate.ts.
 * Run alone: `npx tsx bench/patient-page-bench.ts` (BENCH_PAGE_SIZES, default 10000,100000;
 * BENCH_PAGE_CHILDREN, children with full histories per size, default 100).
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
import { createRng, type Rng } from '../src-main/demo/random';
import { putCentralResource } from '../src-main/store/resource-repo';
import { addDays } from '../src-main/immunization/iso-date';
import { localIsoDate } from '../src-main/immunization/clinic-due';
import { ScheduleSource } from '../src-main/immunization/active-schedule';
import type { ImmunizationSchedule } from '../src-main/immunization/schedule-model';
import { recordVitals, setVisitStatus, startVisit } from '../src-main/visits/visit-records';
import type { VitalsEntry } from '../src-shared/domain/visit';
import { OBSERVATION_GROWTH_MAX } from '../src-shared/domain/growth';
import { populate } from './populate';
import { formatTable, ms, summarize, timeAsync, timeSync, type Summary } from './stats';

const SIZES = (process.env.BENCH_PAGE_SIZES ?? '10000,100000').split(',').map(Number);
const CHILDREN = Number(process.env.BENCH_PAGE_CHILDREN ?? 100);
const VISITS = 30;
const PASSWORD = 'correct horse battery';
const DAY_MS = 86_400_000;

async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** A plausible measurement set for a child of `ageDays` (WHO medians, a little noise). */
function vitalsAt(rng: Rng, ageDays: number): VitalsEntry {
  const months = ageDays / 30.4375;
  const weight =
    3.3 + 0.75 * Math.min(months, 6) + 0.25 * Math.max(0, Math.min(months, 24) - 6) + 0.18 * Math.max(0, months - 24);
  const length =
    50 + 4 * Math.min(months, 3) + 1.5 * Math.max(0, Math.min(months, 12) - 3) + 0.9 * Math.max(0, months - 12);
  const noise = () => 1 + (rng.next() - 0.5) * 0.06;
  const stature = { value: (length * noise()).toFixed(1), unit: 'cm' };
  return {
    weight: { value: (weight * noise()).toFixed(2), unit: 'kg' },
    ...(ageDays < 731 ? { length: stature } : { height: stature }),
    muac: { value: (14 + rng.next()).toFixed(1), unit: 'cm' },
    temperature: { value: (36.4 + rng.next()).toFixed(1), unit: '°C' },
  };
}

/** Children born 4½ years ago with 30 visits each and every dose of the schedule on time. */
function addFullHistories(
  core: Core,
  schedule: ImmunizationSchedule,
  userId: string,
  now: Date,
  seed: number,
): string[] {
  const { sqlite } = core.store;
  const rng = createRng(seed);
  const today = localIsoDate(now);
  const ids: string[] = [];
  const birthDate = addDays(today, -1640);
  const birthMs = Date.parse(`${birthDate}T09:00:00`);
  for (const draft of generatePatients(CHILDREN, { seed, now, startIndex: 10_000_000 + seed })) {
    sqlite.transaction(() => {
      const guardian =
        draft.guardian.name !== '' ? draft.guardian : { ...draft.guardian, name: `Grace ${draft.family}` };
      const child = registerPatient(
        sqlite,
        { ...draft, guardian, birth: { kind: 'exact', date: birthDate } },
        { userId, now },
      );
      const id = child.summary.id;
      ids.push(id);
      for (let v = 0; v < VISITS; v++) {
        // Monthly in the first year, then every two months.
        const ageDays = v < 12 ? 7 + v * 30 : 365 + (v - 11) * 61;
        const at = new Date(birthMs + ageDays * DAY_MS);
        const ctx = { userId, now: at };
        const visit = startVisit(
          sqlite,
          { patientId: id, type: 'Child welfare and growth monitoring', reason: '' },
          ctx,
        );
        recordVitals(sqlite, visit.id, vitalsAt(rng, ageDays), ctx);
        setVisitStatus(sqlite, visit.id, 'finished', ctx);
      }
      for (const imm of generateHistory(rng, schedule, id, birthDate, today, 'on-time')) {
        putCentralResource(sqlite, { ...imm, id: randomUUID() }, { userId, now });
      }
    })();
  }
  return ids;
}

interface PageTimes {
  page: Summary;
  parts: Record<string, Summary>;
}

async function openPages(core: Core, ids: string[]): Promise<PageTimes> {
  const page: number[] = [];
  const parts: Record<string, number[]> = {
    'patients:get': [],
    'visits:list-for-patient': [],
    'immunizations:for-patient': [],
    'growth:for-patient': [],
    'growth:for-observations': [],
  };
  const time = async (name: string, action: () => Promise<unknown>) => {
    const ms = await timeAsync(action);
    parts[name]!.push(ms);
    return ms;
  };
  for (const id of ids) {
    const started = performance.now();
    await time('patients:get', () => call(core, 'patients:get', { id }));
    let visits: { vitals: { id: string; kind: string }[] }[] = [];
    await time('visits:list-for-patient', async () => {
      visits = await call(core, 'visits:list-for-patient', { patientId: id });
    });
    await time('immunizations:for-patient', () => call(core, 'immunizations:for-patient', { patientId: id }));
    await time('growth:for-patient', () => call(core, 'growth:for-patient', { patientId: id }));
    await time('growth:for-observations', async () => {
      // As VisitList does: every visit's weights and lengths, at most 50 ids a call.
      const ids = visits.flatMap((visit) =>
        visit.vitals.filter((v) => ['weight', 'length', 'height'].includes(v.kind)).map((v) => v.id),
      );
      for (let i = 0; i < ids.length; i += OBSERVATION_GROWTH_MAX) {
        await call(core, 'growth:for-observations', { observationIds: ids.slice(i, i + OBSERVATION_GROWTH_MAX) });
      }
    });
    page.push(performance.now() - started);
  }
  return {
    page: summarize(page),
    parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, summarize(v)])),
  };
}

function baseline(core: Core, rng: Rng): Summary {
  const { sqlite } = core.store;
  const max = (sqlite.prepare('SELECT max(pk) AS m FROM resources').get() as { m: number }).m;
  const read = sqlite.prepare('SELECT json FROM resources WHERE pk = ?');
  const samples: number[] = [];
  for (let i = 0; i < 500; i++) samples.push(timeSync(() => read.get(rng.int(1, max))));
  return summarize(samples);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kliniki-page-bench-'));
  const core = await createCore({ dataDir, logger: silentLogger, sync: { schedule: false } });
  try {
    const session = await call<{ user: { id: string } }>(core, 'auth:create-first-user', {
      fullName: 'Bench Nurse',
      username: 'bench',
      role: 'admin',
      password: PASSWORD,
    });
    const schedule = new ScheduleSource(core.store.sqlite, join(process.cwd(), 'resources')).current().schedule;
    const now = new Date();
    const rows: string[][] = [];
    const rng = createRng(99);
    for (const size of SIZES) {
      const filled = populate(core.store.sqlite, size, { userId: session.user.id, seed: 4242, now, log: console.log });
      const started = performance.now();
      const ids = addFullHistories(core, schedule, session.user.id, now, size);
      console.log(
        `${size.toLocaleString('en')} patients (+${filled.added.toLocaleString('en')} in ${filled.seconds.toFixed(0)} s); ${CHILDREN} full histories in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      await call(core, 'auth:unlock', { username: 'bench', password: PASSWORD });
      // First call loads the growth tables and compiles the rules: reported, then the warm runs.
      const cold = await timeAsync(() => openPages(core, ids.slice(0, 1)));
      const warm = await openPages(core, ids);
      const base = baseline(core, rng);
      rows.push([`${size}`, 'whole page (first, cold)', ms(cold), '', '', '']);
      rows.push([
        `${size}`,
        'whole page',
        ms(warm.page.p50),
        ms(warm.page.p95),
        ms(warm.page.max),
        `${Math.round(warm.page.p50 / base.p50)}×`,
      ]);
      for (const [name, s] of Object.entries(warm.parts))
        rows.push([`${size}`, `  ${name}`, ms(s.p50), ms(s.p95), ms(s.max), '']);
      rows.push([`${size}`, 'baseline: one row by pk', ms(base.p50), ms(base.p95), ms(base.max), '1×']);
    }
    console.log(formatTable(['patients', 'measure', 'p50 ms', 'p95 ms', 'max ms', 'p50/baseline'], rows));
    console.log('Target: whole page p95 < 100 ms at 10,000 patients.');
  } finally {
    core.close();
    if (!process.env.BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
