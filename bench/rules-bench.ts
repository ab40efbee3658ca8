/**
 * `npx tsx bench/rules-bench.ts`: what the checks on entries cost a save. Registers patients and
 * records a visit's vital signs through the core, on a real encrypted database, once with the
 * shipped rule pack and once with no rules at all (an empty resources folder), and prints the
 * per-save latencies side by side, plus the rule evaluation alone (RuleEngine.check).
 *
 *   BENCH_RULE_SAVES=300   saves per path
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../src-main/core';
import { silentLogger } from '../src-main/log/logger';
import { generatePatients } from '../src-main/demo/generate-patients';
import { RuleEngine } from '../src-main/rules/rule-engine';
import type { PatientRecord } from '../src-shared/domain/patient';
import type { Visit } from '../src-shared/domain/visit';
import type { FhirResource } from '../src-shared/fhir/types';
import { formatTable, ms, summarize, type Summary } from './stats';

const SAVES = Number(process.env.BENCH_RULE_SAVES ?? 300);
const CREDENTIALS = { fullName: 'Bench Nurse', username: 'bench', password: 'bench-password', role: 'admin' };

async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.invoke(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

interface PathResult {
  rules: string;
  register: Summary;
  vitals: Summary;
  checkOnly: Summary;
  samples: { register: number[]; vitals: number[]; checkOnly: number[] };
}

async function measure(label: string, resourcesDir: string): Promise<PathResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kliniki-rules-bench-'));
  const core = await createCore({ dataDir, resourcesDir, logger: silentLogger, sync: { schedule: false } });
  try {
    await call(core, 'auth:create-first-user', CREDENTIALS);
    // Warm-up: starts the rule worker and compiles the pack, once per laptop run.
    const drafts = [...generatePatients(SAVES + 1, { seed: 99, now: new Date(), startIndex: 80_000_000 })];
    const first = await call<PatientRecord>(core, 'patients:register', { draft: drafts[0] });
    const register: number[] = [];
    const ids: string[] = [];
    for (const draft of drafts.slice(1)) {
      const started = performance.now();
      const record = await call<PatientRecord>(core, 'patients:register', { draft });
      register.push(performance.now() - started);
      ids.push(record.summary.id);
    }
    const vitals: number[] = [];
    const visit = await call<Visit>(core, 'visits:start', {
      patientId: first.summary.id,
      type: 'Sick visit',
      reason: '',
    });
    for (let i = 0; i < SAVES; i++) {
      const started = performance.now();
      await call(core, 'visits:record-vitals', {
        id: visit.id,
        vitals: {
          temperature: { value: String(36 + (i % 20) / 10), unit: '°C' },
          pulse: { value: String(60 + (i % 40)), unit: '/min' },
          bloodPressure: { systolic: String(110 + (i % 30)), diastolic: String(70 + (i % 15)) },
        },
      });
      vitals.push(performance.now() - started);
    }
    // The evaluation alone, on the stored patients (no transaction, no write).
    const checkOnly: number[] = [];
    const rows = core.store.sqlite.prepare("SELECT json FROM resources WHERE type = 'Patient' LIMIT ?").all(SAVES) as {
      json: string;
    }[];
    const standalone = new RuleEngine(core.store.sqlite, resourcesDir, silentLogger);
    // Warm-up: the first check starts the worker and compiles the pack.
    const sample = rows[0] ? (JSON.parse(rows[0].json) as FhirResource) : null;
    if (sample) standalone.check([{ resource: sample, patient: sample }]);
    for (const row of rows) {
      const resource = JSON.parse(row.json) as FhirResource;
      const started = performance.now();
      standalone.check([{ resource, patient: resource }]);
      checkOnly.push(performance.now() - started);
    }
    standalone.close();
    return {
      rules: label,
      register: summarize(register),
      vitals: summarize(vitals),
      checkOnly: summarize(checkOnly),
      samples: { register, vitals, checkOnly },
    };
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const empty = mkdtempSync(join(tmpdir(), 'kliniki-no-rules-'));
mkdirSync(join(empty, 'validation-rules'));
// Alternated, so a busy moment on a shared machine does not land on one side only.
const rounds: PathResult[] = [];
for (let round = 0; round < 2; round++) {
  rounds.push(await measure('shipped pack', resolve('resources')));
  rounds.push(await measure('no rules', empty));
}
rmSync(empty, { recursive: true, force: true });
const merged = (label: string): PathResult => {
  const mine = rounds.filter((r) => r.rules === label);
  const samples = (key: 'register' | 'vitals' | 'checkOnly') => mine.flatMap((r) => r.samples[key]);
  return {
    rules: label,
    register: summarize(samples('register')),
    vitals: summarize(samples('vitals')),
    checkOnly: summarize(samples('checkOnly')),
    samples: { register: samples('register'), vitals: samples('vitals'), checkOnly: samples('checkOnly') },
  };
};
const withRules = merged('shipped pack');
const withoutRules = merged('no rules');

for (const [name, key] of [
  ['Register a patient (patients:register)', 'register'],
  ['Record 3 vital signs (visits:record-vitals)', 'vitals'],
  ['Rule evaluation alone, one Patient (RuleEngine.check)', 'checkOnly'],
] as const) {
  console.log(`\n${name}, ${SAVES * 2} saves`);
  console.log(
    formatTable(
      ['rules', 'p50', 'p95', 'max'],
      [withRules, withoutRules].map((r) => [r.rules, ms(r[key].p50), ms(r[key].p95), ms(r[key].max)]),
    ),
  );
}
