import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  DoseEntry,
  PatientImmunizations,
  RecordImmunizationsResult,
  ScheduleStatus,
} from '../../../src-shared/domain/immunization';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import type { Visit } from '../../../src-shared/domain/visit';
import { putCentralResource } from '../../../src-main/store/resource-repo';
import { SCHEDULE_TAG } from '../../../src-main/immunization/active-schedule';
import { PATIENT_IMMUNIZATIONS_SQL } from '../../../src-main/immunization/immunization-records';
import { translateMessage } from '../../../src-shared/i18n/translate';
import { childDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
const clock = new Date('2026-03-10T09:00:00Z');
/** Six weeks old on the clock's day: the first primary-series visit. */
const BIRTH = '2026-01-27';

beforeEach(async () => {
  t = await startTestCore({ now: () => clock, sync: { runner: 'in-process', schedule: false } });
});
afterEach(() => t.close());

const sql = () => t.core.store.sqlite;
const count = (query: string) => (sql().prepare(query).get() as { n: number }).n;
const immunizationRows = () => count("SELECT count(*) AS n FROM resources WHERE type = 'Immunization'");
const immunizationOutbox = () => count("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Immunization'");
const stored = (id: string) =>
  JSON.parse(
    (sql().prepare("SELECT json FROM resources WHERE type = 'Immunization' AND id = ?").get(id) as { json: string })
      .json,
  ) as Record<string, unknown>;

async function child(birth = BIRTH): Promise<string> {
  const record = await t.call<PatientRecord>('patients:register', {
    draft: childDraft({ birth: { kind: 'exact', date: birth } }),
  });
  return record.summary.id;
}
const visitOf = (patientId: string) => t.call<Visit>('visits:start', { patientId, type: 'Immunization', reason: '' });
/** The shipped warning on a dose given here without a lot number: the nurse confirms it to save. */
const NO_LOT = 'https://kliniki.org/fhir/StructureDefinition/kliniki-immunization-checks|imm-lot-number';
const record = (patientId: string, doses: DoseEntry[], visitId?: string, confirmWarnings?: string[]) =>
  t.call<RecordImmunizationsResult>('immunizations:record', {
    patientId,
    doses,
    ...(visitId ? { visitId } : {}),
    ...(confirmWarnings ? { confirmWarnings } : {}),
  });
const view = (patientId: string) => t.call<PatientImmunizations>('immunizations:for-patient', { patientId });
const series = (v: PatientImmunizations, id: string) => v.series.find((s) => s.seriesId === `who-epi-${id}`)!;

const given = (id: string, extra: Partial<DoseEntry> = {}): DoseEntry => ({
  seriesId: `who-epi-${id}`,
  outcome: 'given',
  ...extra,
});

describe('recording immunizations', () => {
  it('saves the three vaccines of the six-week visit in one go, each a FHIR Immunization of the visit', async () => {
    const patientId = await child();
    const before = await view(patientId);
    expect(['pentavalent', 'pcv', 'opv', 'rotavirus'].map((s) => series(before, s).status)).toEqual([
      'due',
      'due',
      'due',
      'due',
    ]);
    const visit = await visitOf(patientId);
    const result = await record(
      patientId,
      [
        given('pentavalent', { lotNumber: 'PV-2291A', site: 'LT', route: 'IM' }),
        given('pcv', { lotNumber: 'PC 7731', site: 'RT', route: 'IM' }),
        given('opv', { lotNumber: 'OP/552', route: 'PO', site: 'LA' }),
      ],
      visit.id,
    );
    expect(result.saved.map((s) => `${s.vaccine}: ${s.countedAs}`).sort()).toEqual([
      'Oral polio (bOPV): OPV 1',
      'Pentavalent (DTP-HepB-Hib): Pentavalent 1',
      'Pneumococcal conjugate (PCV): PCV 1',
    ]);
    expect(immunizationRows()).toBe(3);
    expect(count("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Immunization' AND op = 'create'")).toBe(3);

    const penta = stored(result.saved.find((s) => s.seriesId === 'who-epi-pentavalent')!.id);
    expect(penta).toMatchObject({
      status: 'completed',
      vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '198' }] },
      patient: { reference: `Patient/${patientId}` },
      encounter: { reference: `Encounter/${visit.id}` },
      occurrenceDateTime: '2026-03-10',
      primarySource: true,
      lotNumber: 'PV-2291A',
      site: { coding: [{ code: 'LT' }] },
      route: { coding: [{ code: 'IM' }] },
      protocolApplied: [{ series: 'Pentavalent (DTP-HepB-Hib)', doseNumberPositiveInt: 1 }],
      performer: [{ actor: { display: 'Amina Otieno', identifier: { value: expect.any(String) as string } } }],
    });
    // An oral vaccine has no injection site, whatever the form still held.
    expect(stored(result.saved.find((s) => s.seriesId === 'who-epi-opv')!.id).site).toBeUndefined();

    const after = result.patient;
    expect(series(after, 'pentavalent')).toMatchObject({
      status: 'upcoming',
      dosesCounted: 1,
      next: { title: 'Pentavalent 2', dueDate: '2026-04-07' },
    });
    expect(series(after, 'rotavirus').status).toBe('due');
    // Giving vaccines begins the consultation.
    expect((await t.call<Visit>('visits:get', { id: visit.id })).status).toBe('in-progress');
  });

  it("finds the patient's immunizations through the reference index", async () => {
    const patientId = await child();
    const other = await child('2025-12-01');
    await record(patientId, [given('bcg', { lotNumber: 'BCG-0042' })]);
    await record(other, [given('bcg', { lotNumber: 'BCG-0042' })]);
    const plan = sql().prepare(`EXPLAIN QUERY PLAN ${PATIENT_IMMUNIZATIONS_SQL}`).all('x') as { detail: string }[];
    const detail = plan.map((p) => p.detail).join(' | ');
    expect(detail).toMatch(/SEARCH rr USING (COVERING )?INDEX resource_references_target/);
    expect(detail).not.toMatch(/SCAN/);
    expect((await view(patientId)).history).toHaveLength(1);
    expect((await view(other)).history).toHaveLength(1);
  });

  it('records a vaccine not given, with the coded reason and words, and it stays due', async () => {
    const patientId = await child();
    const result = await record(patientId, [
      { seriesId: 'who-epi-rotavirus', outcome: 'not-given', reason: 'OSTOCK', note: 'Next delivery on Friday' },
    ]);
    const resource = stored(result.saved[0]!.id);
    expect(resource).toMatchObject({
      status: 'not-done',
      statusReason: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: 'OSTOCK' }],
        text: 'Next delivery on Friday',
      },
      occurrenceDateTime: '2026-03-10',
    });
    expect(resource.performer).toBeUndefined();
    const rota = series(result.patient, 'rotavirus');
    expect(rota.status).toBe('due');
    expect(rota.notGiven).toEqual([
      { immunizationId: result.saved[0]!.id, date: '2026-03-10', reason: 'Next delivery on Friday' },
    ]);
    expect(result.patient.history[0]).toMatchObject({ status: 'not-done', reasonCode: 'OSTOCK' });
  });

  it('refuses every wrong dose in words beside its field, and saves none of the save', async () => {
    const patientId = await child();
    const error = await t.fail('immunizations:record', {
      patientId,
      doses: [
        given('pentavalent', { lotNumber: 'PV-2291A' }),
        given('pcv', { date: '2026-03-11' }),
        given('opv', { date: '2026-01-20' }),
        { seriesId: 'who-epi-rotavirus', outcome: 'not-given' },
        given('yellow-fever'),
        given('bcg', { lotNumber: '?????' }),
        given('ipv', { date: '2026-02-30' }),
      ],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields).toEqual({
      'doses.1.date': 'This date is in the future; record a dose only once it is given.',
      'doses.2.date': 'This date is before the date of birth.',
      'doses.3.reason': 'Choose why the vaccine was not given.',
      'doses.4.seriesId': 'This vaccine is not in the immunization schedule in force.',
      'doses.5.lotNumber':
        'This lot number does not look right: copy the letters and numbers printed on the vial (at most 20).',
      'doses.6.date': 'Enter the date as a full date: day, month and year.',
    });
    expect(immunizationRows()).toBe(0);
    expect(immunizationOutbox()).toBe(0);
    // Each message reaches the nurse in her language, values and all.
    for (const message of Object.values(error.details?.fields ?? {})) {
      expect(translateMessage('fr', message)).not.toBe(message);
      expect(translateMessage('sw', message)).not.toBe(message);
    }
    expect(translateMessage('fr', error.details?.fields?.['doses.5.lotNumber'] ?? '')).toContain('(20 au plus)');
  });

  it('refuses the same vaccine twice in a save and a second dose on a day one is recorded', async () => {
    const patientId = await child();
    const twice = await t.fail('immunizations:record', { patientId, doses: [given('pcv'), given('pcv')] });
    expect(twice.details?.fields?.['doses.1.seriesId']).toMatch(/listed twice/);
    await record(patientId, [given('pcv')], undefined, [NO_LOT]);
    const again = await t.fail('immunizations:record', { patientId, doses: [given('pcv')] });
    expect(again.details?.fields?.['doses.0.date']).toBe('A dose of this vaccine is already recorded on this date.');
    expect(immunizationRows()).toBe(1);
  });

  it('writes several doses in one transaction: a failure on the last write leaves none of them', async () => {
    const patientId = await child();
    // The disk "fills up" on the third Immunization: the first two must be rolled back with it.
    sql().exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON resources
      WHEN NEW.type = 'Immunization' AND (SELECT count(*) FROM resources WHERE type = 'Immunization') >= 2
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    const error = await t.fail('immunizations:record', {
      patientId,
      doses: [given('pentavalent'), given('pcv'), given('opv')],
    });
    expect(error.code).toBe('INTERNAL');
    sql().exec('DROP TRIGGER fail_third');
    expect(immunizationRows()).toBe(0);
    expect(immunizationOutbox()).toBe(0);
  });

  it('saves a dose that does not count and says why', async () => {
    const patientId = await child('2026-02-17'); // three weeks old: too young for pentavalent
    const result = await record(patientId, [given('pentavalent')], undefined, [NO_LOT]);
    expect(result.saved[0]).toMatchObject({
      countedAs: null,
      problem: 'Given before the minimum age of 6 weeks for Pentavalent 1.',
    });
    expect(translateMessage('sw', result.saved[0]!.problem!)).toBe(
      'Imetolewa kabla ya umri wa chini wa wiki 6 kwa Pentavalent 1.',
    );
    expect(series(result.patient, 'pentavalent')).toMatchObject({ dosesCounted: 0, status: 'upcoming' });
  });

  it('asks to confirm a dose given without a lot number: nothing is saved until the nurse does', async () => {
    const patientId = await child();
    const visit = await visitOf(patientId);
    const doses = [given('pentavalent', { lotNumber: 'PV-2291A' }), given('pcv', { lotNumber: '  ' })];
    const warned = await t.fail('immunizations:record', { patientId, visitId: visit.id, doses });
    expect(warned.code).toBe('RULE_VIOLATION');
    expect(warned.details?.violations).toEqual([
      expect.objectContaining({ ruleId: NO_LOT, severity: 'warning', resourceType: 'Immunization' }),
    ]);
    expect(immunizationRows()).toBe(0);
    expect(immunizationOutbox()).toBe(0);
    // The visit is not moved on by a save that did not happen.
    expect((await t.call<Visit>('visits:get', { id: visit.id })).status).toBe('arrived');

    const result = await record(patientId, doses, visit.id, [NO_LOT]);
    expect(result.saved.map((s) => s.vaccine)).toHaveLength(2);
    expect(stored(result.saved[1]!.id).lotNumber).toBeUndefined();
    const provenance = JSON.parse(
      (sql().prepare("SELECT json FROM resources WHERE type = 'Provenance'").get() as { json: string }).json,
    ) as { target: { reference: string }[]; reason: { coding: { code: string }[] }[] };
    expect(provenance.reason.map((r) => r.coding[0]?.code)).toEqual(['imm-lot-number']);
    expect(provenance.target.map((r) => r.reference)).toContain(`Immunization/${result.saved[1]!.id}`);
  });

  it("records an earlier dose from the child's card as not witnessed here, and counts it", async () => {
    const patientId = await child();
    const result = await record(patientId, [
      given('bcg', { date: '2026-01-28', fromRecord: true, givenElsewhereBy: 'Kasangati Health Centre' }),
    ]);
    const resource = stored(result.saved[0]!.id);
    expect(resource).toMatchObject({
      primarySource: false,
      reportOrigin: { coding: [{ code: 'record' }] },
      occurrenceDateTime: '2026-01-28',
      performer: [{ actor: { display: 'Kasangati Health Centre' } }],
    });
    expect(resource.encounter).toBeUndefined();
    expect(series(result.patient, 'bcg').status).toBe('complete');
    expect(result.patient.history[0]).toMatchObject({ primarySource: false, countedAs: 'BCG' });
    const notGiven = await t.fail('immunizations:record', {
      patientId,
      doses: [{ seriesId: 'who-epi-opv', outcome: 'not-given', reason: 'PATOBJ', fromRecord: true }],
    });
    expect(notGiven.details?.fields?.['doses.0.outcome']).toMatch(/only be recorded as given/);
  });

  it('refuses doses in a finished visit or in another patient\u2019s visit', async () => {
    const patientId = await child();
    const other = await child('2025-12-01');
    const visit = await visitOf(other);
    const wrong = await t.fail('immunizations:record', { patientId, visitId: visit.id, doses: [given('bcg')] });
    expect(wrong.details?.fields?.visitId).toBe('This visit is not a visit of this patient.');
    const mine = await visitOf(patientId);
    await t.call('visits:finish', { id: mine.id });
    expect((await t.fail('immunizations:record', { patientId, visitId: mine.id, doses: [given('bcg')] })).code).toBe(
      'CONFLICT',
    );
    expect(immunizationRows()).toBe(0);
  });

  it('marks a mistaken record entered in error: it stays listed with the reason and stops counting', async () => {
    const patientId = await child();
    const result = await record(patientId, [given('bcg', { lotNumber: 'BCG-0042' })]);
    const id = result.saved[0]!.id;
    const refused = await t.fail('immunizations:mark-entered-in-error', { id, reason: ' ' });
    expect(refused.details?.fields?.reason).toBe('Say what was wrong with this record.');
    const after = await t.call<PatientImmunizations>('immunizations:mark-entered-in-error', {
      id,
      reason: 'Recorded for the wrong child',
    });
    expect(after.history[0]).toMatchObject({
      id,
      status: 'entered-in-error',
      reasonText: 'Entered in error: Recorded for the wrong child',
    });
    expect(series(after, 'bcg').status).toBe('overdue');
    expect(stored(id).status).toBe('entered-in-error');
    expect(count("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Immunization'")).toBe(2);
  });

  it('lists the history but says the schedule cannot be computed for a patient without a birth date', async () => {
    putCentralResource(
      sql(),
      { resourceType: 'Patient', id: 'no-birth', name: [{ family: 'Okello', given: ['Peter'] }] },
      { userId: null, now: clock },
    );
    putCentralResource(
      sql(),
      {
        resourceType: 'Immunization',
        id: 'from-icdr',
        status: 'completed',
        vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '19' }] },
        patient: { reference: 'Patient/no-birth' },
        occurrenceDateTime: '2025-05-01T10:00:00+03:00',
      },
      { userId: null, now: clock },
    );
    const result = await view('no-birth');
    expect(result.scheduleMessage).toMatch(/cannot be worked out without a full date of birth/);
    expect(result.series).toEqual([]);
    expect(result.history).toMatchObject([{ id: 'from-icdr', vaccine: 'BCG', date: '2025-05-01' }]);
  });
});

describe('patients beyond the childhood schedule', () => {
  it('works nothing out as due from 5 years of age, yet lists and records their doses', async () => {
    const record5 = await t.call<PatientRecord>('patients:register', {
      draft: childDraft({ given: 'Okot', birth: { kind: 'exact', date: '2021-03-10' } }),
    });
    const before = await view(record5.summary.id);
    expect(before).toMatchObject({ scheduleState: 'beyond-age', series: [] });
    expect(before.scheduleMessage).toMatch(/covers children under 5 years/);
    const saved = await record(record5.summary.id, [
      given('measles-rubella', { date: '2022-01-10', fromRecord: true }),
    ]);
    expect(saved.patient.history).toMatchObject([{ vaccine: 'Measles-rubella (MR)', countedAs: null }]);
    // One day younger, the schedule still applies.
    const younger = await t.call<PatientRecord>('patients:register', {
      draft: childDraft({ given: 'Akello', birth: { kind: 'exact', date: '2021-03-11' } }),
    });
    expect((await view(younger.summary.id)).scheduleState).toBe('computed');
  });
});

describe('the schedule in force', () => {
  const tagged = (resource: Record<string, unknown>) => ({
    ...resource,
    meta: { tag: [{ system: SCHEDULE_TAG.system, code: SCHEDULE_TAG.code }] },
  });

  it('uses the default WHO EPI schedule until the central registry publishes one, which then replaces it', async () => {
    const before = await t.call<ScheduleStatus>('immunizations:schedule-status');
    expect(before.source).toBe('default');
    expect(before.versions).toEqual(['2026.1']);
    expect(before.series.map((s) => s.title)).toContain('Measles-rubella (MR)');

    const bundle = JSON.parse(
      readFileSync(new URL('../../../resources/immunization-schedule/who-epi-schedule.json', import.meta.url), 'utf8'),
    ) as { entry: { resource: Record<string, unknown> & { id: string; resourceType: string } }[] };
    // The registry publishes BCG only, as its own version.
    for (const { resource } of bundle.entry.filter((e) => e.resource.id === 'who-epi-bcg')) {
      putCentralResource(
        sql(),
        tagged({ ...resource, id: `national-${resource.resourceType}`, version: '2027.2' }) as never,
        {
          userId: null,
          now: clock,
        },
      );
    }
    // A broken series beside it is left out and reported in words, not half-used.
    putCentralResource(
      sql(),
      tagged({
        resourceType: 'PlanDefinition',
        id: 'broken',
        status: 'draft',
        url: 'urn:broken',
        title: 'Broken',
      }) as never,
      { userId: null, now: clock },
    );
    const after = await t.call<ScheduleStatus>('immunizations:schedule-status');
    expect(after).toMatchObject({ source: 'central', versions: ['2027.2'] });
    expect(after.problems).toEqual([
      {
        where: 'entry 3: PlanDefinition (broken)',
        message: 'Its status is "draft", not active. This series was skipped.',
      },
    ]);
    expect(after.series.map((s) => s.id)).toEqual(['national-PlanDefinition']);

    const patientId = await child();
    const patient = await view(patientId);
    expect(patient.schedule.source).toBe('central');
    expect(patient.series.map((s) => s.title)).toEqual(['BCG']);
    const refused = await t.fail('immunizations:record', { patientId, doses: [given('pcv')] });
    expect(refused.details?.fields?.['doses.0.seriesId']).toMatch(/not in the immunization schedule in force/);
    await record(patientId, [{ seriesId: 'national-PlanDefinition', outcome: 'given' }], undefined, [NO_LOT]);
    expect(series(await view(patientId), 'bcg')).toBeUndefined();
    expect((await view(patientId)).series[0]).toMatchObject({ status: 'complete', dosesCounted: 1 });
  });
});
