/** The due list's index rows follow every way a record changes: local edits, sync pulls, deletions. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src-main/store/client';
import { createLocalResource, putCentralResource, updateLocalResource } from '../../../src-main/store/resource-repo';
import { applyServerDeletion } from '../../../src-main/sync/sync-store';
import type { FhirResource } from '../../../src-shared/fhir/types';

const ctx = { userId: null, now: new Date('2026-11-25T08:00:00Z') };
const CVX = 'http://hl7.org/fhir/sid/cvx';
let store: Store;
beforeEach(() => {
  store = openStore({ path: ':memory:', key: null });
});
afterEach(() => store.close());

const imm = (patient: string, date: string, code = '19', status = 'completed'): FhirResource => ({
  resourceType: 'Immunization',
  status,
  vaccineCode: { coding: [{ system: CVX, code }] },
  patient: { reference: `Patient/${patient}` },
  occurrenceDateTime: date,
});
const rows = () =>
  store.sqlite.prepare('SELECT patient_id, date, status, codes FROM immunization_index ORDER BY resource_pk').all();
const history = () =>
  Object.fromEntries(
    (
      store.sqlite.prepare('SELECT patient_id, doses FROM immunization_history').all() as {
        patient_id: string;
        doses: string;
      }[]
    ).map((r) => [r.patient_id, r.doses.split('\u001e')]),
  );

describe('immunization index', () => {
  it('indexes a local record and follows its edits, including a move to another patient', () => {
    const a = createLocalResource(store.sqlite, imm('p1', '2026-01-10T09:00:00+03:00'), ctx);
    createLocalResource(store.sqlite, imm('p1', '2026-02-21', '178'), ctx);
    expect(rows()).toEqual([
      { patient_id: 'p1', date: '2026-01-10', status: 'completed', codes: `${CVX}|19` },
      { patient_id: 'p1', date: '2026-02-21', status: 'completed', codes: `${CVX}|178` },
    ]);
    expect(history()).toEqual({ p1: [`2026-01-10\u001f${CVX}|19`, `2026-02-21\u001f${CVX}|178`] });

    updateLocalResource(
      store.sqlite,
      'Immunization',
      a.id,
      a.rev,
      (r) => ({ ...r, patient: { reference: 'Patient/p2' }, occurrenceDateTime: '2026-01-12' }),
      ctx,
    );
    expect(history()).toEqual({ p1: [`2026-02-21\u001f${CVX}|178`], p2: [`2026-01-12\u001f${CVX}|19`] });

    updateLocalResource(
      store.sqlite,
      'Immunization',
      a.id,
      a.rev + 1,
      (r) => ({ ...r, status: 'entered-in-error' }),
      ctx,
    );
    expect(history()).toEqual({ p1: [`2026-02-21\u001f${CVX}|178`] });
    expect(rows()).toHaveLength(1);
  });

  it('keeps a not-given dose in the index but out of the history the due list counts', () => {
    createLocalResource(store.sqlite, imm('p1', '2026-01-10', '19', 'not-done'), ctx);
    expect(rows()).toEqual([{ patient_id: 'p1', date: '2026-01-10', status: 'not-done', codes: `${CVX}|19` }]);
    expect(history()).toEqual({});
  });

  it('indexes pulled records, their new versions, and forgets a record deleted centrally', () => {
    putCentralResource(store.sqlite, { ...imm('p1', '2026-03-01'), id: 'i1', meta: { versionId: '1' } }, ctx);
    putCentralResource(store.sqlite, { ...imm('p1', '2026-03-05'), id: 'i1', meta: { versionId: '2' } }, ctx);
    putCentralResource(store.sqlite, { ...imm('p1', '2026-04-05', '10'), id: 'i2', meta: { versionId: '1' } }, ctx);
    expect(history()).toEqual({ p1: [`2026-03-05\u001f${CVX}|19`, `2026-04-05\u001f${CVX}|10`] });

    expect(applyServerDeletion(store.sqlite, 'Immunization', 'i1', ctx)).toBe('deleted');
    expect(history()).toEqual({ p1: [`2026-04-05\u001f${CVX}|10`] });
    expect(applyServerDeletion(store.sqlite, 'Immunization', 'i2', ctx)).toBe('deleted');
    expect(history()).toEqual({});
    expect(rows()).toEqual([]);

    // Restored centrally: indexed again.
    putCentralResource(store.sqlite, { ...imm('p1', '2026-04-05', '10'), id: 'i2', meta: { versionId: '3' } }, ctx);
    expect(history()).toEqual({ p1: [`2026-04-05\u001f${CVX}|10`] });
  });

  it('indexes follow-up appointments by patient, day and status', () => {
    const appointment = (status: string, start: string): FhirResource => ({
      resourceType: 'Appointment',
      status,
      start,
      end: start,
      participant: [
        { actor: { reference: 'Location/l1' }, status: 'accepted' },
        { actor: { reference: 'Patient/p9' }, status: 'accepted' },
      ],
    });
    const a = createLocalResource(store.sqlite, appointment('booked', '2026-12-01T00:00:00+03:00'), ctx);
    const all = () => store.sqlite.prepare('SELECT patient_id, date, status FROM appointment_index').all();
    expect(all()).toEqual([{ patient_id: 'p9', date: '2026-12-01', status: 'booked' }]);
    updateLocalResource(store.sqlite, 'Appointment', a.id, a.rev, (r) => ({ ...r, status: 'cancelled' }), ctx);
    expect(all()).toEqual([{ patient_id: 'p9', date: '2026-12-01', status: 'cancelled' }]);
    putCentralResource(store.sqlite, { ...appointment('booked', '2026-12-03T00:00:00Z'), id: 'x1' }, ctx);
    expect(applyServerDeletion(store.sqlite, 'Appointment', 'x1', ctx)).toBe('deleted');
    expect(all()).toEqual([{ patient_id: 'p9', date: '2026-12-01', status: 'cancelled' }]);
  });
});
