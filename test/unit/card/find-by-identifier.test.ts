import { afterEach, describe, expect, it } from 'vitest';
import type { PatientRecord, PatientSummary } from '../../../src-shared/domain/patient';
import { adultDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

describe('patients:find-by-identifier', () => {
  it('finds the one record holding exactly a clinic number, however it is written', async () => {
    t = await startTestCore();
    const a = await t.call<PatientRecord>('patients:register', { draft: adultDraft() });
    const b = await t.call<PatientRecord>('patients:register', {
      draft: adultDraft({ given: 'Halima', family: 'Noor', sex: 'female', nationalId: 'CM 8812 77' }),
    });
    const number = a.summary.clinicNumber;
    const found = await t.call<PatientSummary[]>('patients:find-by-identifier', {
      kind: 'clinic-number',
      value: number,
    });
    expect(found.map((p) => p.id)).toEqual([a.summary.id]);
    const lower = await t.call<PatientSummary[]>('patients:find-by-identifier', {
      kind: 'clinic-number',
      value: number.toLowerCase().replace(/-/g, ' '),
    });
    expect(lower.map((p) => p.id)).toEqual([a.summary.id]);
    const byNationalId = await t.call<PatientSummary[]>('patients:find-by-identifier', {
      kind: 'national-id',
      value: 'CM881277',
    });
    expect(byNationalId.map((p) => p.id)).toEqual([b.summary.id]);
  });

  it('finds nothing for a prefix of a number, another kind of identifier, or a number no one holds', async () => {
    t = await startTestCore();
    const a = await t.call<PatientRecord>('patients:register', { draft: adultDraft({ nationalId: 'CM 8812 77' }) });
    const number = a.summary.clinicNumber;
    for (const [kind, value] of [
      ['clinic-number', number.slice(0, -2)],
      ['clinic-number', 'CM881277'],
      ['national-id', number],
      ['clinic-number', 'ZZZZ-000001-8'],
    ] as const) {
      expect(
        await t.call<PatientSummary[]>('patients:find-by-identifier', { kind, value }),
        `${kind} ${value}`,
      ).toEqual([]);
    }
  });

  it('answers only to a signed-in user', async () => {
    t = await startTestCore();
    await t.call('auth:lock');
    const error = await t.fail('patients:find-by-identifier', { kind: 'clinic-number', value: 'KX7Q-000123-0' });
    expect(error.code).toBe('UNAUTHENTICATED');
  });
});
