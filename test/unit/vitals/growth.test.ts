import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lengthHeightForAge, loadGrowthStandards, parseLmsTable, weightForAge } from '../../../src-main/vitals/growth';

const dir = fileURLToPath(new URL('../../../resources/growth-standards/', import.meta.url));
const standards = loadGrowthStandards(dir);
const days = (months: number): number => months * 30.4375;

function wfaZ(kg: number, months: number, sex: 'male' | 'female'): number {
  const r = weightForAge(standards, kg, days(months), sex);
  if (!r.ok) throw new Error(r.message);
  return r.value.z;
}

describe('weight-for-age against the published WHO tables', () => {
  it('gives z ≈ 0 at the published medians', () => {
    // Medians (M) from the WHO 2006 weight-for-age tables.
    expect(wfaZ(3.3464, 0, 'male')).toBeCloseTo(0, 1);
    expect(wfaZ(9.6479, 12, 'male')).toBeCloseTo(0, 1);
    expect(wfaZ(18.3366, 60, 'male')).toBeCloseTo(0, 1);
    expect(wfaZ(3.2322, 0, 'female')).toBeCloseTo(0, 1);
    expect(wfaZ(11.4775, 24, 'female')).toBeCloseTo(0, 1);
    expect(wfaZ(18.2193, 60, 'female')).toBeCloseTo(0, 1);
  });
  it('gives z ≈ ±2 at the published −2 SD and +2 SD weights (boys, 12 months)', () => {
    // WHO boys weight-for-age, 12 months, as tabulated: −2 SD 7.742219 kg, +2 SD 11.98574 kg.
    expect(Math.abs(wfaZ(7.742219, 12, 'male') + 2)).toBeLessThan(0.05);
    expect(Math.abs(wfaZ(11.98574, 12, 'male') - 2)).toBeLessThan(0.05);
    const p = weightForAge(standards, 7.742219, days(12), 'male');
    expect(p.ok && p.value.percentile).toBeCloseTo(2.28, 1);
  });
  it('classifies underweight and severely underweight', () => {
    expect(weightForAge(standards, 7.6, days(12), 'male')).toMatchObject({
      ok: true,
      value: { classification: 'underweight' },
    });
    expect(weightForAge(standards, 6.5, days(12), 'male')).toMatchObject({
      ok: true,
      value: { classification: 'severely underweight' },
    });
    expect(weightForAge(standards, 9.6, days(12), 'male')).toMatchObject({
      ok: true,
      value: { classification: 'normal' },
    });
  });
  it('refuses ages beyond 5 years and negative ages', () => {
    expect(weightForAge(standards, 20, 2000, 'male').ok).toBe(false);
    expect(weightForAge(standards, 3, -1, 'male').ok).toBe(false);
  });
});

describe('length/height-for-age', () => {
  it('uses length below 2 years and height from 2 years, with the 0.7 cm correction', () => {
    // Boys at 24 months: median length 87.8161 cm, median height 87.1161 cm.
    const lying = lengthHeightForAge(standards, 87.8161, days(23.99), 'male', 'lying');
    expect(lying.ok && lying.value.indicator).toBe('length-for-age');
    expect(lying.ok && lying.value.z).toBeCloseTo(0, 1);
    const standingYoung = lengthHeightForAge(standards, 87.1161, days(23.99), 'male', 'standing');
    expect(standingYoung.ok && standingYoung.value.z).toBeCloseTo(0, 1);
    const lyingOld = lengthHeightForAge(standards, 87.1161 + 0.7, 731, 'male', 'lying');
    expect(lyingOld.ok && lyingOld.value.indicator).toBe('height-for-age');
    expect(lyingOld.ok && Math.abs(lyingOld.value.z)).toBeLessThan(0.05);
  });
  it('gives z = ±2 at M·(1 ± 2S) for girls at 12 and 48 months (L = 1)', () => {
    // Girls 12 months: M 74.0150, S 0.03479; 48 months: M 102.7312, S 0.04193.
    const up = lengthHeightForAge(standards, 74.015 * (1 + 2 * 0.03479), days(12), 'female', 'lying');
    expect(up.ok && Math.abs(up.value.z - 2)).toBeLessThan(0.05);
    const down = lengthHeightForAge(standards, 102.7312 * (1 - 2 * 0.04193), days(48), 'female', 'standing');
    expect(down.ok && Math.abs(down.value.z + 2)).toBeLessThan(0.05);
  });
  it('classifies stunted and severely stunted', () => {
    const r = (cm: number) => lengthHeightForAge(standards, cm, days(36), 'male', 'standing');
    expect(r(96.0835)).toMatchObject({ value: { classification: 'normal' } });
    expect(r(88)).toMatchObject({ value: { classification: 'stunted' } });
    expect(r(84)).toMatchObject({ value: { classification: 'severely stunted' } });
  });
});

describe('table validation', () => {
  it('rejects a table with a missing month', () => {
    const bad = {
      indicator: 'length-for-age',
      unit: 'cm',
      firstMonth: 0,
      lastMonth: 2,
      male: [
        [0, 1, 49.8842, 0.03795],
        [2, 1, 58.4249, 0.03424],
      ],
      female: [
        [0, 1, 49.1477, 0.0379],
        [1, 1, 53.6872, 0.0364],
        [2, 1, 57.0673, 0.03568],
      ],
    };
    expect(() => parseLmsTable(bad, 'length-for-age')).toThrow();
  });
  it('rejects a table for another indicator', () => {
    expect(() => parseLmsTable(standards['weight-for-age'], 'height-for-age')).toThrow();
  });
});
