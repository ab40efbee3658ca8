import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import type { RecordVitalsResult, Visit } from '../../../src-shared/domain/visit';
import { REFERRING_SQL } from '../../../src-main/visits/visit-records';
import { adultDraft, childDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
let clock = new Date('2026-03-10T09:00:00Z');
beforeEach(async () => {
  clock = new Date('2026-03-10T09:00:00Z');
  t = await startTestCore({ now: () => clock, sync: { runner: 'in-process', schedule: false } });
});
afterEach(() => t.close());

const register = (draft = childDraft()) => t.call<PatientRecord>('patients:register', { draft });
const start = (patientId: string, type = 'Sick visit', reason = 'Fever for two days') =>
  t.call<Visit>('visits:start', { patientId, type, reason });
/** Moves the clock; a jump longer than the idle lock locks the portal, so unlock again. */
const jump = async (to: Date) => {
  clock = to;
  await t.call('auth:unlock', { username: 'amina', password: 'correct horse battery' });
};
const count = (sql: string) => (t.core.store.sqlite.prepare(sql).get() as { n: number }).n;

describe('visits', () => {
  it('checks a patient in as an ambulatory Encounter with type, reason, subject and start', async () => {
    const patient = await register();
    const visit = await start(patient.summary.id);
    expect(visit).toMatchObject({ status: 'arrived', type: 'Sick visit', reason: 'Fever for two days', end: null });
    expect(visit.start).toBe(clock.toISOString());
    const row = t.core.store.sqlite.prepare("SELECT json FROM resources WHERE type = 'Encounter'").get() as {
      json: string;
    };
    const encounter = JSON.parse(row.json) as Record<string, unknown>;
    expect(encounter).toMatchObject({
      status: 'arrived',
      class: { code: 'AMB' },
      type: [{ text: 'Sick visit' }],
      reasonCode: [{ text: 'Fever for two days' }],
      subject: { reference: `Patient/${patient.summary.id}` },
      period: { start: clock.toISOString() },
    });
    expect(count("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Encounter' AND op = 'create'")).toBe(1);
  });

  it('refuses an unknown visit type and a patient not on this laptop', async () => {
    const patient = await register();
    const error = await t.fail('visits:start', { patientId: patient.summary.id, type: 'Party', reason: '' });
    expect(error.details?.fields?.type).toBeTruthy();
    expect((await t.fail('visits:start', { patientId: 'nobody', type: 'Sick visit', reason: '' })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('saves every measurement as an Observation of the visit, with blood pressure as the panel', async () => {
    const patient = await register(adultDraft());
    const visit = await start(patient.summary.id);
    const result = await t.call<RecordVitalsResult>('visits:record-vitals', {
      id: visit.id,
      vitals: {
        weight: { value: '154', unit: 'lb' },
        temperature: { value: '38,6', unit: '°C' },
        pulse: { value: '80', unit: '/min' },
        bloodPressure: { systolic: '120', diastolic: '80' },
      },
    });
    expect(result.visit.status).toBe('in-progress');
    expect(result.visit.vitals.map((v) => `${v.label} ${v.value}`)).toEqual([
      'Weight 69.9 kg',
      'Temperature 38.6 °C',
      'Pulse 80 /min',
      'Blood pressure 120/80 mmHg',
    ]);
    expect(result.flagged).toEqual([{ field: 'temperature', reason: expect.stringMatching(/fever/) as string }]);
    expect(result.visit.vitals.find((v) => v.kind === 'temperature')?.flag).toMatch(/fever/);
    expect(count("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Observation' AND op = 'create'")).toBe(4);
    // Each Observation is indexed under both the patient and the visit.
    const refs = t.core.store.sqlite
      .prepare(
        "SELECT rr.target_type AS type, count(*) AS n FROM resource_references rr JOIN resources r ON r.pk = rr.resource_pk WHERE r.type = 'Observation' GROUP BY rr.target_type ORDER BY 1",
      )
      .all();
    expect(refs).toEqual([
      { type: 'Encounter', n: 4 },
      { type: 'Patient', n: 4 },
    ]);
  });

  it('saves nothing when one value is impossible, and says which field and why', async () => {
    const patient = await register(adultDraft());
    const visit = await start(patient.summary.id);
    const before = count('SELECT (SELECT count(*) FROM resources) + (SELECT count(*) FROM outbox) AS n');
    const error = await t.fail('visits:record-vitals', {
      id: visit.id,
      vitals: {
        weight: { value: '70', unit: 'kg' },
        temperature: { value: '60', unit: '°C' },
        pulse: { value: 'fast', unit: '/min' },
      },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual({
      temperature: expect.stringMatching(/not possible/) as string,
      pulse: expect.stringMatching(/as a number/) as string,
    });
    expect(count('SELECT (SELECT count(*) FROM resources) + (SELECT count(*) FROM outbox) AS n')).toBe(before);
    expect((await t.call<Visit>('visits:get', { id: visit.id })).status).toBe('arrived');
  });

  it('moves arrived → in progress → finished, keeps the history, and refuses vitals once finished', async () => {
    const patient = await register();
    const visit = await start(patient.summary.id);
    await jump(new Date('2026-03-10T09:10:00Z'));
    expect((await t.call<Visit>('visits:set-status', { id: visit.id, status: 'in-progress' })).status).toBe(
      'in-progress',
    );
    await jump(new Date('2026-03-10T09:30:00Z'));
    const finished = await t.call<Visit>('visits:finish', { id: visit.id });
    expect(finished).toMatchObject({ status: 'finished', end: '2026-03-10T09:30:00.000Z' });
    const encounter = JSON.parse(
      (t.core.store.sqlite.prepare("SELECT json FROM resources WHERE type = 'Encounter'").get() as { json: string })
        .json,
    ) as { statusHistory: unknown[] };
    expect(encounter.statusHistory).toEqual([
      { status: 'arrived', period: { start: '2026-03-10T09:00:00.000Z', end: '2026-03-10T09:10:00.000Z' } },
      { status: 'in-progress', period: { start: '2026-03-10T09:10:00.000Z', end: '2026-03-10T09:30:00.000Z' } },
    ]);
    const error = await t.fail('visits:record-vitals', {
      id: visit.id,
      vitals: { weight: { value: '12', unit: 'kg' } },
    });
    expect(error.code).toBe('CONFLICT');
  });

  it("finds a visit's measurements through the reference index, not by reading every Observation", async () => {
    const patient = await register(adultDraft());
    for (const temperature of ['37.1', '37.4']) {
      const visit = await start(patient.summary.id);
      await t.call('visits:record-vitals', {
        id: visit.id,
        vitals: { temperature: { value: temperature, unit: '°C' } },
      });
    }
    const sqlite = t.core.store.sqlite;
    // Statistics that tempt the planner to start from the Observations (few per type, many
    // rows per reference target): the order must hold whatever ANALYZE finds in a clinic.
    sqlite.exec(`ANALYZE; DELETE FROM sqlite_stat1 WHERE tbl IN ('resources', 'resource_references');
      INSERT INTO sqlite_stat1 VALUES ('resources', 'resources_type_id', '200000 5 1'),
        ('resources', 'resources_type_updated', '200000 5 2'),
        ('resource_references', 'resource_references_target', '600000 100000 50000');
      ANALYZE sqlite_schema;`);
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${REFERRING_SQL}`).all('Encounter', 'x', 'Observation') as {
      detail: string;
    }[];
    // The reference index comes first; then each resource by its primary key.
    expect(plan[0]?.detail).toMatch(/^SEARCH rr USING (COVERING )?INDEX resource_references_target/);
    expect(plan.map((p) => p.detail).join(' | ')).not.toMatch(/SCAN|resources_type/);
    const visits = await t.call<Visit[]>('visits:list-for-patient', { patientId: patient.summary.id });
    expect(visits.flatMap((v) => v.vitals.map((m) => m.value)).sort()).toEqual(['37.1 °C', '37.4 °C']);
  });

  it("lists today's visits and a patient's history newest first, each with what was recorded", async () => {
    const child = await register();
    const adult = await register(adultDraft());
    // Local times: "today" is the laptop's own day.
    await jump(new Date(2026, 2, 9, 10, 0));
    const yesterday = await start(child.summary.id, 'Immunization', '');
    await t.call('visits:record-vitals', { id: yesterday.id, vitals: { weight: { value: '17', unit: 'kg' } } });
    await jump(new Date(2026, 2, 10, 9, 0));
    const first = await start(adult.summary.id);
    await jump(new Date(2026, 2, 10, 9, 5));
    const second = await start(child.summary.id, 'Follow-up', 'Check weight');
    await t.call('visits:record-vitals', { id: second.id, vitals: { muac: { value: '15', unit: 'cm' } } });

    const today = await t.call<Visit[]>('visits:list-today');
    expect(today.map((v) => v.id)).toEqual([second.id, first.id]);
    expect(today[0]?.patientName).toBe(child.summary.displayName);

    const history = await t.call<Visit[]>('visits:list-for-patient', { patientId: child.summary.id });
    expect(history.map((v) => [v.id, v.vitals.map((x) => x.value)])).toEqual([
      [second.id, ['15 cm']],
      [yesterday.id, ['17 kg']],
    ]);
  });
});
