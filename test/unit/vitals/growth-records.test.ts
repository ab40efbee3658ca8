import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientGrowth } from '../../../src-shared/domain/growth';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import type { Visit } from '../../../src-shared/domain/visit';
import { adultDraft, childDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
let clock: Date;
beforeEach(async () => {
  clock = new Date('2025-06-08T09:00:00Z');
  t = await startTestCore({ now: () => clock, sync: { runner: 'in-process', schedule: false } });
});
afterEach(() => t.close());

const boy = () => childDraft({ given: 'Baraka', sex: 'male', birth: { kind: 'exact', date: '2025-06-01' } });
const register = (draft = boy()) => t.call<PatientRecord>('patients:register', { draft });
const jump = async (to: string) => {
  clock = new Date(to);
  await t.call('auth:unlock', { username: 'amina', password: 'correct horse battery' });
};
const measure = async (patientId: string, vitals: Record<string, { value: string; unit: string }>) => {
  const visit = await t.call<Visit>('visits:start', {
    patientId,
    type: 'Child welfare and growth monitoring',
    reason: '',
  });
  await t.call('visits:record-vitals', { id: visit.id, vitals });
};
const growth = (patientId: string) => t.call<PatientGrowth>('growth:for-patient', { patientId });

describe('growth:for-patient', () => {
  it('scores every weight and length of the child with WHO’s words, oldest first', async () => {
    const child = await register();
    // Day 7: WHO's daily medians for boys, 3.4879 kg and 51.1152 cm (lengths are kept to 0.1 cm).
    await measure(child.summary.id, { weight: { value: '3.4879', unit: 'kg' }, length: { value: '51.1', unit: 'cm' } });
    // Day 183: WHO −2 SD is 6.4 kg and 63.3 cm, −3 SD 5.7 kg and 61.2 cm.
    await jump('2025-12-01T09:00:00Z');
    await measure(child.summary.id, { weight: { value: '6000', unit: 'g' }, length: { value: '62', unit: 'cm' } });
    await jump('2026-06-01T09:00:00Z'); // day 365
    await measure(child.summary.id, { weight: { value: '9.6', unit: 'kg' } });

    const result = await growth(child.summary.id);
    if (!result.applies) throw new Error(result.message);
    expect(result).toMatchObject({ sex: 'male', ageDays: 365 });
    const [wfa, lhfa, wfl] = result.charts;
    expect(wfa!.points.map((p) => [p.ageDays, p.y, p.classification])).toEqual([
      [7, 3.49, 'normal'],
      [183, 6, 'underweight'],
      [365, 9.6, 'normal'],
    ]);
    expect(wfa!.points[0]!.z).toBe(0);
    expect(wfa!.points[1]!.z).toBeLessThan(-2);
    expect(wfa!.points[1]!.z).toBeGreaterThan(-3);
    expect(lhfa!.points.map((p) => p.classification)).toEqual(['normal', 'stunted']);
    expect(Math.abs(lhfa!.points[0]!.z!)).toBeLessThanOrEqual(0.01);
    // Weight-for-length pairs the weight with the length of the same visit: two visits had both.
    expect(wfl!.table).toBe('weight-for-length');
    expect(wfl!.points).toHaveLength(2);
    expect(wfl!.points[1]).toMatchObject({ x: 62, y: 6 });
    expect(wfl!.points[1]!.observationIds).toHaveLength(2);
  });

  it('sends WHO’s five reference curves for the child’s sex across the ages shown', async () => {
    const child = await register();
    await jump('2026-06-01T09:00:00Z');
    const result = await growth(child.summary.id);
    if (!result.applies) throw new Error(result.message);
    const wfa = result.charts[0]!;
    expect(wfa.curves.map((c) => c.z)).toEqual([-3, -2, 0, 2, 3]);
    expect(wfa.xRange).toEqual([0, 18]);
    const median = wfa.curves[2]!.points;
    expect(median[0]).toEqual([0, 3.35]); // boys' birth median 3.3464 kg
    expect(median.at(-1)![0]).toBeCloseTo(18, 1);
    // Each curve lies above the one before it all the way.
    for (let i = 1; i < wfa.curves.length; i++)
      wfa.curves[i]!.points.forEach(([, y], k) => expect(y).toBeGreaterThan(wfa.curves[i - 1]!.points[k]![1]));
    expect(result.charts.map((c) => c.points)).toEqual([[], [], []]);
  });

  it('gives the result of single weights and lengths for a visit’s recorded values, children only', async () => {
    const child = await register();
    await jump('2025-12-01T09:00:00Z');
    await measure(child.summary.id, { weight: { value: '6.0', unit: 'kg' }, length: { value: '62', unit: 'cm' } });
    const adult = await register(adultDraft());
    await measure(adult.summary.id, { weight: { value: '70', unit: 'kg' }, temperature: { value: '37', unit: '°C' } });
    const visits = [
      ...(await t.call<Visit[]>('visits:list-for-patient', { patientId: child.summary.id })),
      ...(await t.call<Visit[]>('visits:list-for-patient', { patientId: adult.summary.id })),
    ];
    const ids = visits.flatMap((v) => v.vitals.map((x) => x.id));
    expect(ids).toHaveLength(4);
    const notes = await t.call<{ indicator: string; classification: string }[]>('growth:for-observations', {
      observationIds: ids,
    });
    expect(notes.map((n) => [n.indicator, n.classification]).sort()).toEqual([
      ['length-height-for-age', 'stunted'],
      ['weight-for-age', 'underweight'],
    ]);
  });

  it('takes only this child’s Observations', async () => {
    const child = await register();
    const sister = await register(childDraft({ given: 'Amani', birth: { kind: 'exact', date: '2025-06-01' } }));
    await measure(sister.summary.id, { weight: { value: '3.1', unit: 'kg' } });
    const result = await growth(child.summary.id);
    expect(result.applies && result.charts[0]!.points).toEqual([]);
  });

  it('says the charts are for children under 5 years, and when the birth date or sex is missing', async () => {
    const adult = await register(adultDraft());
    expect(await growth(adult.summary.id)).toEqual({
      applies: false,
      reason: 'over-five',
      message: 'The growth charts apply to children under 5 years.',
    });
    expect((await t.fail('growth:for-patient', { patientId: 'nobody' })).code).toBe('NOT_FOUND');
  });
});
