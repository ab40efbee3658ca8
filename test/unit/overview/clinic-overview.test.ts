/**
 * The overview's numbers against data written through the store's own functions, on a real
 * encrypted SQLite file. The laptop is in Nairobi (UTC+3, no daylight saving) so that the
 * local day and the UTC day differ for three hours every night.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClinicOverview } from '../../../src-shared/domain/overview';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import type { FhirResource } from '../../../src-shared/fhir/types';
import { createLocalResource, putCentralResource } from '../../../src-main/store/resource-repo';
import { markDeleted } from '../../../src-main/sync/sync-store';
import { adultDraft, childDraft, startTestCore, type TestCore } from '../../support/temp-core';

const CVX = 'http://hl7.org/fhir/sid/cvx';
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = 'Africa/Nairobi';
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

let t: TestCore;
// 12:00 in Nairobi on Tuesday 10 March 2026.
const NOW = new Date('2026-03-10T09:00:00Z');
let clock = NOW;
beforeEach(async () => {
  clock = NOW;
  t = await startTestCore({ now: () => clock, sync: { runner: 'in-process', schedule: false } });
});
afterEach(() => t.close());

const ctx = () => ({ userId: null, now: clock });
const overview = (input: { month?: string } = {}) => t.call<ClinicOverview>('overview:get', input);
const register = async (draft = adultDraft()) =>
  (await t.call<PatientRecord>('patients:register', { draft })).summary.id;

function encounter(patientId: string, start: string, status = 'finished'): FhirResource {
  return {
    resourceType: 'Encounter',
    status,
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: `Patient/${patientId}` },
    period: { start },
  };
}

function dose(
  patientId: string,
  at: string,
  codes: { system?: string; code: string }[],
  status: 'completed' | 'not-done' | 'entered-in-error' = 'completed',
  reason?: string,
): FhirResource {
  const resource: FhirResource = {
    resourceType: 'Immunization',
    status,
    vaccineCode: { coding: codes.map((c) => ({ system: c.system ?? CVX, code: c.code })) },
    patient: { reference: `Patient/${patientId}` },
    occurrenceDateTime: at,
  };
  if (reason) resource.statusReason = { text: reason };
  return resource;
}

const write = (resource: FhirResource) => createLocalResource(t.core.store.sqlite, resource, ctx());
const count = (o: ClinicOverview, date: string) => o.visitsPerDay.find((d) => d.date === date)?.count;

describe('visits per day', () => {
  it('shows the last 30 local days, oldest first, with the days without visits as zero', async () => {
    const o = await overview();
    expect(o.today).toBe('2026-03-10');
    expect(o.visitsPerDay).toHaveLength(30);
    expect(o.visitsPerDay[0]).toEqual({ date: '2026-02-09', count: 0 });
    expect(o.visitsPerDay.at(-1)).toEqual({ date: '2026-03-10', count: 0 });
    expect(o.visitsPerDay.every((d) => d.count === 0)).toBe(true);
    expect(o.headline).toEqual({ patients: 0, visitsToday: 0, visitsLast30Days: 0, childrenUnder5: 0 });
  });

  it('puts each visit on the laptop’s own day, counts a visit started in the portal, and leaves out what is not a visit', async () => {
    const patient = await register();
    await t.call('visits:start', { patientId: patient, type: 'Sick visit', reason: '' });
    // 00:30 in Nairobi on 10 March, still 9 March in UTC.
    write(encounter(patient, '2026-03-09T21:30:00Z'));
    // 23:59 in Nairobi on 9 March.
    write(encounter(patient, '2026-03-09T20:59:00Z'));
    // The first day of the window, as a bare date and with the clinic's offset.
    write(encounter(patient, '2026-02-09'));
    write(encounter(patient, '2026-02-09T07:00:00+03:00'));
    // The day before the window.
    write(encounter(patient, '2026-02-08T23:59:00+03:00'));
    // Recorded by mistake, booked but not held, or removed centrally: not visits.
    write(encounter(patient, '2026-03-05T08:00:00Z', 'entered-in-error'));
    write(encounter(patient, '2026-03-05T08:00:00Z', 'cancelled'));
    const removed = write(encounter(patient, '2026-03-05T08:00:00Z'));
    markDeleted(t.core.store.sqlite, removed.pk, ctx());
    // An old visit that arrived by sync today still counts on the day it happened.
    putCentralResource(
      t.core.store.sqlite,
      { ...encounter(patient, '2026-02-20T10:00:00+03:00'), id: 'from-the-registry', meta: { versionId: '1' } },
      ctx(),
    );

    const o = await overview();
    expect(count(o, '2026-03-10')).toBe(2);
    expect(count(o, '2026-03-09')).toBe(1);
    expect(count(o, '2026-03-05')).toBe(0);
    expect(count(o, '2026-02-20')).toBe(1);
    expect(count(o, '2026-02-09')).toBe(2);
    expect(o.visitsPerDay.some((d) => d.date === '2026-02-08')).toBe(false);
    expect(o.headline).toMatchObject({ patients: 1, visitsToday: 2, visitsLast30Days: 6 });
  });
});

describe('vaccinations of the month', () => {
  it('counts doses given by antigen series, on the local day, and keeps not-given doses and other vaccines apart', async () => {
    const child = await register(childDraft({ birth: { kind: 'exact', date: '2025-12-01' } }));
    // 01:30 on 1 March in Nairobi: March, although the UTC date is 28 February.
    write(dose(child, '2026-02-28T22:30:00Z', [{ code: '198' }]));
    // The last day of March as a bare date, and a national coding beside CVX (counted once).
    write(dose(child, '2026-03-31', [{ system: 'urn:national-codes', code: 'PENTA' }, { code: '102' }]));
    // 00:30 on 1 April in Nairobi: not March.
    write(dose(child, '2026-03-31T21:30:00Z', [{ code: '198' }]));
    write(dose(child, '2026-02-28', [{ code: '178' }]));
    write(dose(child, '2026-03-03', [{ code: '178' }]));
    // Influenza is not in the schedule: another vaccine.
    write(dose(child, '2026-03-04', [{ code: '140' }]));
    write(dose(child, '2026-03-05', [{ code: '133' }], 'not-done', 'Vaccine out of stock'));
    write(dose(child, '2026-03-06', [{ code: '10' }], 'not-done', 'Vaccine out of stock'));
    write(dose(child, '2026-03-06', [{ code: '119' }], 'not-done', 'Child is unwell'));
    write(dose(child, '2026-03-06', [{ code: '19' }], 'entered-in-error'));
    const removed = write(dose(child, '2026-03-07', [{ code: '19' }]));
    markDeleted(t.core.store.sqlite, removed.pk, ctx());

    const { vaccinations } = await overview();
    expect(vaccinations.month).toBe('2026-03');
    expect(vaccinations.given).toBe(4);
    expect(vaccinations.notGiven).toBe(3);
    const by = Object.fromEntries(vaccinations.bySeries.map((s) => [s.seriesId ?? 'other', [s.given, s.notGiven]]));
    expect(by).toEqual({
      'who-epi-bcg': [0, 0],
      'who-epi-opv': [1, 0],
      'who-epi-pentavalent': [2, 0],
      'who-epi-pcv': [0, 1],
      'who-epi-rotavirus': [0, 1],
      'who-epi-ipv': [0, 1],
      'who-epi-measles-rubella': [0, 0],
      other: [1, 0],
    });
    expect(vaccinations.bySeries.find((s) => s.seriesId === 'who-epi-opv')?.title).toBe('Oral polio (bOPV)');
    expect(vaccinations.notGivenReasons).toEqual([
      { reason: 'Vaccine out of stock', count: 2 },
      { reason: 'Child is unwell', count: 1 },
    ]);
  });

  it('counts another month when asked, and says nothing of other vaccines when there are none', async () => {
    const child = await register(childDraft({ birth: { kind: 'exact', date: '2025-12-01' } }));
    write(dose(child, '2026-02-28', [{ code: '178' }]));
    write(dose(child, '2026-02-01T00:10:00+03:00', [{ code: '178' }]));
    write(dose(child, '2026-01-31T23:50:00+03:00', [{ code: '178' }]));
    const { vaccinations } = await overview({ month: '2026-02' });
    expect(vaccinations).toMatchObject({ month: '2026-02', given: 2, notGiven: 0, notGivenReasons: [] });
    expect(vaccinations.bySeries.find((s) => s.seriesId === 'who-epi-opv')?.given).toBe(2);
    expect(vaccinations.bySeries.some((s) => s.seriesId === null)).toBe(false);
  });

  it('refuses a month that does not exist', async () => {
    const error = await t.fail('overview:get', { month: '2026-13' });
    expect(error.code).toBe('VALIDATION');
  });
});

describe('coverage of the due list', () => {
  it('counts each child under five once, by their most urgent series, and leaves older patients out', async () => {
    // Ten weeks old with nothing given: the birth doses are long overdue.
    await register(childDraft({ given: 'Amani', birth: { kind: 'exact', date: '2025-12-30' } }));
    // Two days old, nothing given yet: BCG and the birth polio dose are due.
    await register(childDraft({ given: 'Baraka', birth: { kind: 'exact', date: '2026-03-08' } }));
    // One day old with the birth doses given: up to date.
    const upToDate = await register(childDraft({ given: 'Chausiku', birth: { kind: 'exact', date: '2026-03-09' } }));
    write(dose(upToDate, '2026-03-09', [{ code: '19' }]));
    write(dose(upToDate, '2026-03-09', [{ code: '178' }]));
    // A birth dose recorded as not given does not make a child up to date.
    const refused = await register(childDraft({ given: 'Dalila', birth: { kind: 'exact', date: '2026-03-09' } }));
    write(dose(refused, '2026-03-09', [{ code: '19' }], 'not-done', 'Vaccine out of stock'));
    write(dose(refused, '2026-03-09', [{ code: '178' }]));
    // Five years old today: no longer on the under-five due list.
    await register(childDraft({ given: 'Eshe', birth: { kind: 'exact', date: '2021-03-10' } }));
    await register(adultDraft());

    const o = await overview();
    expect(o.coverage).toEqual({ children: 4, upToDate: 1, due: 2, overdue: 1 });
    expect(o.headline).toMatchObject({ patients: 6, childrenUnder5: 4 });
    expect(o.scheduleSource).toBe('default');
  });

  it('follows each new dose, each removed child and the turn of the day, while a visit leaves it as it was', async () => {
    const child = await register(childDraft({ given: 'Baraka', birth: { kind: 'exact', date: '2026-03-08' } }));
    const twin = await register(childDraft({ given: 'Bahati', birth: { kind: 'exact', date: '2026-03-08' } }));
    expect((await overview()).coverage).toEqual({ children: 2, upToDate: 0, due: 2, overdue: 0 });
    await t.call('visits:start', { patientId: child, type: 'Immunization', reason: '' });
    expect((await overview()).coverage).toEqual({ children: 2, upToDate: 0, due: 2, overdue: 0 });
    write(dose(child, '2026-03-10', [{ code: '19' }]));
    write(dose(child, '2026-03-10', [{ code: '178' }]));
    expect((await overview()).coverage).toEqual({ children: 2, upToDate: 1, due: 1, overdue: 0 });
    const row = t.core.store.sqlite.prepare("SELECT pk FROM resources WHERE type = 'Patient' AND id = ?").get(twin) as {
      pk: number;
    };
    markDeleted(t.core.store.sqlite, row.pk, ctx());
    expect((await overview()).coverage).toEqual({ children: 1, upToDate: 1, due: 0, overdue: 0 });
    // Six weeks later the next doses are due, with nothing written in between.
    clock = new Date('2026-04-21T09:00:00Z');
    await t.call('auth:unlock', { username: 'amina', password: 'correct horse battery' });
    expect((await overview()).coverage).toEqual({ children: 1, upToDate: 0, due: 1, overdue: 0 });
  });
});
