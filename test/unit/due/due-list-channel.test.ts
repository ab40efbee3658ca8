/** due:list and follow-ups through the core, as the renderer calls them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import type { DueList, FollowUp } from '../../../src-shared/domain/due-list';
import type { Visit } from '../../../src-shared/domain/visit';
import { createLocalResource, updateLocalResource } from '../../../src-main/store/resource-repo';
import { applyServerDeletion } from '../../../src-main/sync/sync-store';
import { childDraft, startTestCore, type TestCore } from '../../support/temp-core';

const CVX = 'http://hl7.org/fhir/sid/cvx';
let t: TestCore;
let clock = new Date('2026-11-25T09:00:00');
beforeEach(async () => {
  clock = new Date('2026-11-25T09:00:00');
  t = await startTestCore({ now: () => clock, sync: { runner: 'in-process', schedule: false } });
});
afterEach(() => t.close());

const register = (given: string, birth: string, village = 'Kasangati') =>
  t.call<PatientRecord>('patients:register', {
    draft: childDraft({ given, birth: { kind: 'exact', date: birth }, village, nationalId: '' }),
  });
const give = (patientId: string, code: string, date: string) =>
  createLocalResource(
    t.core.store.sqlite,
    {
      resourceType: 'Immunization',
      status: 'completed',
      vaccineCode: { coding: [{ system: CVX, code }] },
      patient: { reference: `Patient/${patientId}` },
      occurrenceDateTime: date,
    },
    { userId: null, now: clock },
  );
const list = (query: Record<string, unknown> = {}) => t.call<DueList>('due:list', query);
const jump = async (to: Date) => {
  clock = to;
  await t.call('auth:unlock', { username: 'amina', password: 'correct horse battery' });
};

describe('due:list', () => {
  it('lists overdue children first with their doses, counts per status and filters', async () => {
    // Born 2026-08-01, nothing given: 6-, 10- and 14-week doses long overdue.
    const late = await register('Overdue', '2026-08-01');
    // Born 2026-10-08: BCG and birth OPV given; 6-week doses due from 2026-11-19 (not yet overdue).
    const due = await register('Due', '2026-10-08', 'Gayaza');
    give(due.summary.id, '19', '2026-10-08');
    give(due.summary.id, '178', '2026-10-08');
    // Born 2026-11-20: birth doses given, next doses due at 6 weeks (2027-01-01): upcoming.
    const soon = await register('Soon', '2026-11-20');
    give(soon.summary.id, '19', '2026-11-20');
    give(soon.summary.id, '178', '2026-11-20');
    // Too old for the list.
    await register('Older', '2020-01-01');

    const morning = await list();
    expect(morning.today).toBe('2026-11-25');
    expect(morning.children).toBe(3);
    expect(morning.counts).toEqual({ overdue: 1, due: 1, upcoming: 0 });
    expect(morning.rows.map((r) => r.name)).toEqual(['Overdue Mukasa', 'Due Mukasa']);
    const first = morning.rows[0]!;
    expect(first).toMatchObject({
      status: 'overdue',
      clinicNumber: late.summary.clinicNumber,
      village: 'Kasangati',
      guardianName: 'Grace Mukasa',
      ageMonths: 3,
    });
    expect(first.items.some((i) => i.status === 'overdue' && i.daysSinceDue > 28)).toBe(true);
    expect(morning.rows[1]!.items.every((i) => i.status === 'due')).toBe(true);

    const ahead = await list({ status: 'upcoming', upcomingDays: 40 });
    expect(ahead.rows.map((r) => r.name)).toEqual(['Soon Mukasa']);
    expect(ahead.counts.upcoming).toBe(1);

    expect((await list({ status: 'overdue' })).rows.map((r) => r.name)).toEqual(['Overdue Mukasa']);
    expect((await list({ village: 'gayaza' })).rows.map((r) => r.name)).toEqual(['Due Mukasa']);
    expect((await list({ text: 'overdue muk' })).rows.map((r) => r.name)).toEqual(['Overdue Mukasa']);
    expect((await list({ text: due.summary.clinicNumber })).rows.map((r) => r.name)).toEqual(['Due Mukasa']);
    expect((await list({ minAgeMonths: 2, maxAgeMonths: 11 })).rows.map((r) => r.name)).toEqual(['Overdue Mukasa']);
    expect((await list({ seriesId: 'who-epi-bcg' })).rows.map((r) => r.name)).toEqual(['Overdue Mukasa']);
    expect(morning.villages).toEqual(['Gayaza', 'Kasangati']);

    const page = await list({ limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.name)).toEqual(['Due Mukasa']);

    // A dose recorded today takes it off the overdue BCG list at once.
    give(late.summary.id, '19', '2026-11-25');
    expect((await list({ seriesId: 'who-epi-bcg' })).rows).toEqual([]);

    // Once sent (outbox empty) and then deleted centrally: off the list.
    t.core.store.sqlite.prepare('DELETE FROM outbox WHERE resource_id = ?').run(late.summary.id);
    expect(applyServerDeletion(t.core.store.sqlite, 'Patient', late.summary.id, { userId: null, now: clock })).toBe(
      'deleted',
    );
    expect((await list()).rows.map((r) => r.name)).toEqual(['Due Mukasa']);
  });

  it('leaves out deceased children and records merged into another', async () => {
    const kept = await register('Kept', '2026-08-01');
    const gone = await register('Gone', '2026-08-01');
    const merged = await register('Merged', '2026-08-01');
    const ctx = { userId: null, now: clock };
    const edit = (id: string, change: Record<string, unknown>) => {
      const row = t.core.store.sqlite
        .prepare("SELECT rev FROM resources WHERE type = 'Patient' AND id = ?")
        .get(id) as {
        rev: number;
      };
      updateLocalResource(t.core.store.sqlite, 'Patient', id, row.rev, (p) => ({ ...p, ...change }), ctx);
    };
    edit(gone.summary.id, { deceasedDateTime: '2026-11-01' });
    edit(merged.summary.id, { link: [{ other: { reference: `Patient/${kept.summary.id}` }, type: 'replaced-by' }] });
    const result = await list();
    expect(result.rows.map((r) => r.name)).toEqual(['Kept Mukasa']);
    expect(result.children).toBe(1);
  });

  it('counts patients without a full birth date instead of guessing', async () => {
    const known = await register('Known', '2026-01-01');
    // A record from elsewhere may carry no birth date at all.
    const row = t.core.store.sqlite
      .prepare("SELECT rev FROM resources WHERE type = 'Patient' AND id = ?")
      .get(known.summary.id) as {
      rev: number;
    };
    updateLocalResource(
      t.core.store.sqlite,
      'Patient',
      known.summary.id,
      row.rev,
      (p) => ({ ...p, birthDate: undefined }),
      { userId: null, now: clock },
    );
    const result = await list();
    expect(result.children).toBe(0);
    expect(result.withoutBirthDate).toBe(1);
  });
});

describe('follow-ups', () => {
  it('books a follow-up Appointment for the visit, lists it as missed once the day passes, clears it on the next visit', async () => {
    const child = await register('Follow', '2026-01-01');
    const visit = await t.call<Visit>('visits:start', {
      patientId: child.summary.id,
      type: 'Sick visit',
      reason: 'Cough',
    });

    const past = await t.fail('visits:set-follow-up', { visitId: visit.id, date: '2026-11-25' });
    expect(past.details?.fields?.date).toBe('The follow-up date must be after today.');
    const far = await t.fail('visits:set-follow-up', { visitId: visit.id, date: '2028-01-01' });
    expect(far.details?.fields?.date).toBeTruthy();

    const booked = await t.call<FollowUp>('visits:set-follow-up', { visitId: visit.id, date: '2026-12-01' });
    expect(booked).toMatchObject({ date: '2026-12-01', status: 'booked' });
    const moved = await t.call<FollowUp>('visits:set-follow-up', { visitId: visit.id, date: '2026-12-02' });
    expect(moved.appointmentId).toBe(booked.appointmentId);
    expect(await t.call('visits:get-follow-up', { visitId: visit.id })).toEqual(moved);
    const stored = JSON.parse(
      (t.core.store.sqlite.prepare("SELECT json FROM resources WHERE type = 'Appointment'").get() as { json: string })
        .json,
    ) as Record<string, unknown>;
    expect(stored).toMatchObject({
      status: 'booked',
      participant: [{ actor: { reference: `Patient/${child.summary.id}` }, status: 'accepted' }],
      supportingInformation: [{ reference: `Encounter/${visit.id}` }],
    });
    expect(String(stored.start).slice(0, 10)).toBe('2026-12-02');
    const queued = t.core.store.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Appointment'")
      .get() as { n: number };
    expect(queued.n).toBe(2);

    expect((await list()).missedFollowUps).toEqual([]);
    await jump(new Date('2026-12-02T15:00:00'));
    expect((await list()).missedFollowUps).toEqual([]);
    await jump(new Date('2026-12-05T09:00:00'));
    const missed = await list();
    expect(missed.missedFollowUps).toMatchObject([
      { patientId: child.summary.id, name: 'Follow Mukasa', date: '2026-12-02', daysMissed: 3 },
    ]);
    expect(missed.missedFollowUpsTotal).toBe(1);

    // The child comes back: the follow-up is fulfilled.
    await t.call<Visit>('visits:start', { patientId: child.summary.id, type: 'Follow-up', reason: '' });
    expect((await list()).missedFollowUps).toEqual([]);
  });

  it('cancels a follow-up when the date is cleared', async () => {
    const child = await register('Cancel', '2026-01-01');
    const visit = await t.call<Visit>('visits:start', { patientId: child.summary.id, type: 'Sick visit', reason: '' });
    await t.call('visits:set-follow-up', { visitId: visit.id, date: '2026-11-30' });
    expect(await t.call('visits:set-follow-up', { visitId: visit.id, date: null })).toBeNull();
    expect(await t.call('visits:get-follow-up', { visitId: visit.id })).toBeNull();
    await jump(new Date('2026-12-05T09:00:00'));
    expect((await list()).missedFollowUps).toEqual([]);
  });
});
