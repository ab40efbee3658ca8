import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  classifyLengthForAge,
  classifyWeightForAge,
  classifyWeightForLength,
  lengthHeightForAgeZ,
  lmsValue,
  loadGrowthTables,
  weightForAgeZ,
  weightForLengthHeightZ,
  whoZ,
  type GrowthSex,
} from '../../../src-main/vitals/growth';
import { lmsAt, parseGrowthTable, type TableIndicator } from '../../../src-main/vitals/growth-tables';

const dir = fileURLToPath(new URL('../../../resources/growth-standards/', import.meta.url));
const tables = loadGrowthTables(dir);
const day = (months: number): number => Math.round(months * 30.4375);

/**
 * WHO's published SD lines (WHO Child Growth Standards, simplified field tables: −3, −2, median,
 * +2, +3 SD, rounded to 0.1). Our tables, evaluated by the LMS formula, must give the same figures.
 */
type SdRow = [x: number, sd3neg: number, sd2neg: number, median: number, sd2: number, sd3: number];
const PUBLISHED: { table: TableIndicator; sex: GrowthSex; byAgeMonths: boolean; rows: SdRow[] }[] = [
  {
    table: 'weight-for-age',
    sex: 'male',
    byAgeMonths: true,
    rows: [
      [0, 2.1, 2.5, 3.3, 4.4, 5.0],
      [12, 6.9, 7.7, 9.6, 12.0, 13.3],
      [24, 8.6, 9.7, 12.2, 15.3, 17.1],
      [60, 12.4, 14.1, 18.3, 24.2, 27.9],
    ],
  },
  {
    table: 'weight-for-age',
    sex: 'female',
    byAgeMonths: true,
    rows: [
      [0, 2.0, 2.4, 3.2, 4.2, 4.8],
      [12, 6.3, 7.0, 8.9, 11.5, 13.1],
      [24, 8.1, 9.0, 11.5, 14.8, 17.0],
      [60, 12.1, 13.7, 18.2, 24.9, 29.5],
    ],
  },
  {
    table: 'length-for-age',
    sex: 'male',
    byAgeMonths: true,
    rows: [
      [0, 44.2, 46.1, 49.9, 53.7, 55.6],
      [12, 68.6, 71.0, 75.7, 80.5, 82.9],
    ],
  },
  {
    table: 'length-for-age',
    sex: 'female',
    byAgeMonths: true,
    rows: [
      [0, 43.6, 45.4, 49.1, 52.9, 54.7],
      [12, 66.3, 68.9, 74.0, 79.2, 81.7],
    ],
  },
  {
    table: 'height-for-age',
    sex: 'male',
    byAgeMonths: true,
    rows: [
      [24, 78.0, 81.0, 87.1, 93.2, 96.3],
      [60, 96.1, 100.7, 110.0, 119.2, 123.9],
    ],
  },
  {
    table: 'height-for-age',
    sex: 'female',
    byAgeMonths: true,
    rows: [
      [24, 76.0, 79.3, 85.7, 92.2, 95.4],
      [60, 95.2, 99.9, 109.4, 118.9, 123.7],
    ],
  },
  {
    table: 'weight-for-length',
    sex: 'male',
    byAgeMonths: false,
    rows: [
      [45, 1.9, 2.0, 2.4, 3.0, 3.3],
      [50, 2.6, 2.8, 3.3, 4.0, 4.4],
      [52, 2.9, 3.2, 3.8, 4.5, 5.0],
    ],
  },
  { table: 'weight-for-length', sex: 'female', byAgeMonths: false, rows: [[45, 1.9, 2.1, 2.5, 3.0, 3.3]] },
  { table: 'weight-for-height', sex: 'male', byAgeMonths: false, rows: [[65, 5.9, 6.3, 7.4, 8.8, 9.6]] },
  { table: 'weight-for-height', sex: 'female', byAgeMonths: false, rows: [[65, 5.6, 6.1, 7.2, 8.7, 9.7]] },
];

const SD = [-3, -2, 0, 2, 3];

describe('the shipped tables against WHO’s published SD lines', () => {
  for (const { table, sex, byAgeMonths, rows } of PUBLISHED) {
    for (const [x, ...published] of rows) {
      it(`${table}, ${sex}, ${byAgeMonths ? `${x} months` : `${x} cm`}`, () => {
        const lms = lmsAt(tables[table], sex, byAgeMonths ? day(x) : x);
        expect(lms).not.toBeNull();
        const ours = SD.map((z) => Math.round(lmsValue(z, lms!) * 10) / 10);
        expect(ours).toEqual(published);
      });
    }
  }
});

describe('z-scores of the published SD values', () => {
  it('weight-for-age gives −2, 0 and +2 at the published boys’ and girls’ lines (12 months)', () => {
    const z = (kg: number, sex: GrowthSex) => {
      const r = weightForAgeZ(tables, kg, day(12), sex);
      if (!r.ok) throw new Error(r.message);
      return r.z;
    };
    // Published figures are rounded to 0.1 kg, which is about 0.1 z at this age.
    expect(z(7.7, 'male')).toBeCloseTo(-2, 0);
    expect(Math.abs(z(9.6, 'male'))).toBeLessThan(0.1);
    expect(Math.abs(z(12.0, 'male') - 2)).toBeLessThan(0.1);
    expect(Math.abs(z(7.0, 'female') + 2)).toBeLessThan(0.1);
    expect(Math.abs(z(11.5, 'female') - 2)).toBeLessThan(0.1);
  });
  it('gives exactly 0 at the daily median in the first week, where monthly tables were off', () => {
    // Boys day 7: WHO's daily median 3.4879 kg; girls day 10: 3.4314 kg.
    expect(weightForAgeZ(tables, 3.4879, 7, 'male')).toEqual({ ok: true, z: 0, table: 'weight-for-age' });
    expect(weightForAgeZ(tables, 3.4314, 10, 'female')).toEqual({ ok: true, z: 0, table: 'weight-for-age' });
    const length = lengthHeightForAgeZ(tables, 51.1152, 7, 'male', 'lying');
    expect(length).toEqual({ ok: true, z: 0, table: 'length-for-age' });
  });
  it('weight-for-length and weight-for-height give −2 and −3 at the published wasting lines', () => {
    const wfl = weightForLengthHeightZ(tables, 2.8, 50, 200, 'male', 'lying');
    expect(wfl.ok && wfl.table).toBe('weight-for-length');
    expect(wfl.ok && Math.abs(wfl.z + 2)).toBeLessThan(0.15);
    const wfh = weightForLengthHeightZ(tables, 5.9, 65, 900, 'male', 'standing');
    expect(wfh.ok && wfh.table).toBe('weight-for-height');
    expect(wfh.ok && Math.abs(wfh.z + 3)).toBeLessThan(0.15);
  });
});

describe('WHO’s rules', () => {
  it('uses length below 2 years and height from 2 years, with the 0.7 cm correction', () => {
    // Boys: median length at day 730 is 87.8018 cm, median height at day 731 is 87.1303 cm.
    expect(lengthHeightForAgeZ(tables, 87.8018, 730, 'male', 'lying')).toMatchObject({ z: 0, table: 'length-for-age' });
    expect(lengthHeightForAgeZ(tables, 87.8018 - 0.7, 730, 'male', 'standing')).toMatchObject({ z: 0 });
    expect(lengthHeightForAgeZ(tables, 87.1303, 731, 'male', 'standing')).toMatchObject({
      z: 0,
      table: 'height-for-age',
    });
    expect(lengthHeightForAgeZ(tables, 87.1303 + 0.7, 731, 'male', 'lying')).toMatchObject({ z: 0 });
  });
  it('chooses weight-for-length or weight-for-height by age, converting the measurement', () => {
    // A 2-year-old measured lying at 86.7 cm is compared as 86.0 cm standing.
    const lying = weightForLengthHeightZ(tables, 11.9, 86.7, 800, 'female', 'lying');
    const standing = weightForLengthHeightZ(tables, 11.9, 86.0, 800, 'female', 'standing');
    expect(lying).toEqual(standing);
    expect(lying.ok && lying.table).toBe('weight-for-height');
  });
  it('interpolates between 0.1 cm rows', () => {
    const a = lmsAt(tables['weight-for-length'], 'male', 80.0)!;
    const b = lmsAt(tables['weight-for-length'], 'male', 80.1)!;
    const mid = lmsAt(tables['weight-for-length'], 'male', 80.05)!;
    expect(mid.M).toBeCloseTo((a.M + b.M) / 2, 6);
  });
  it('measures beyond ±3 SD in units of the 2–3 SD gap (restricted z)', () => {
    const lms = lmsAt(tables['weight-for-age'], 'male', 365)!;
    const sd3 = lmsValue(3, lms);
    const gap = sd3 - lmsValue(2, lms);
    expect(whoZ(sd3 + gap, lms)).toBeCloseTo(4, 6);
    const sd3neg = lmsValue(-3, lms);
    expect(whoZ(sd3neg - (lmsValue(-2, lms) - sd3neg), lms)).toBeCloseTo(-4, 6);
  });
  it('refuses ages beyond 5 years, negative ages and lengths outside the tables', () => {
    expect(weightForAgeZ(tables, 20, 1827, 'male').ok).toBe(false);
    expect(weightForAgeZ(tables, 3, -1, 'male').ok).toBe(false);
    const short = weightForLengthHeightZ(tables, 1.5, 44, 3, 'female', 'lying');
    expect(short).toEqual({ ok: false, message: 'Weight-for-length is defined for lengths from 45 to 110 cm.' });
    expect(weightForLengthHeightZ(tables, 30, 121, 1500, 'female', 'standing').ok).toBe(false);
  });
  it('classifies with WHO’s cut-offs and terms', () => {
    expect([-3.01, -3, -2.01, -2, 2, 2.01].map(classifyWeightForAge)).toEqual([
      'severely-underweight',
      'underweight',
      'underweight',
      'normal',
      'normal',
      'possible-growth-problem',
    ]);
    expect([-3.5, -2.5, 0, 3.5].map(classifyLengthForAge)).toEqual([
      'severely-stunted',
      'stunted',
      'normal',
      'very-tall',
    ]);
    expect([-3.5, -2.5, 0, 1.5, 2.5, 3.5].map(classifyWeightForLength)).toEqual([
      'severely-wasted',
      'wasted',
      'normal',
      'possible-risk-of-overweight',
      'overweight',
      'obese',
    ]);
  });
});

describe('table checks', () => {
  it('rejects a table with a slipped digit', () => {
    const json = JSON.parse(readFileSync(`${dir}who-2006-weight-for-age.json`, 'utf8')) as { male: number[][] };
    json.male[100]![1] = 66.1;
    expect(() => parseGrowthTable(json, 'weight-for-age')).toThrow(/jumps/);
  });
  it('rejects a table of another indicator', () => {
    const json = JSON.parse(readFileSync(`${dir}who-2006-weight-for-age.json`, 'utf8')) as unknown;
    expect(() => parseGrowthTable(json, 'weight-for-length')).toThrow(/expected weight-for-length/);
  });
});
