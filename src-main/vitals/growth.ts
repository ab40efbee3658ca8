/**
 * Weight-for-age and length/height-for-age z-scores against the WHO Child Growth Standards
 * (2006), 0–5 years, by the LMS method. The tables are data in resources/growth-standards/
 * (monthly L, M, S), checked when loaded; between whole months L, M and S are interpolated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const DAYS_PER_MONTH = 30.4375;
/** WHO: length (lying) is used below 2 years, height (standing) from 2 years (731 days). */
const STANDING_FROM_DAYS = 731;
/** WHO: standing height is on average 0.7 cm less than recumbent length. */
const LYING_STANDING_DIFFERENCE_CM = 0.7;

export type GrowthSex = 'female' | 'male';
export type Indicator = 'weight-for-age' | 'length-for-age' | 'height-for-age';

const row = z.tuple([z.number().int().min(0), z.number(), z.number().positive(), z.number().positive()]);
const tableSchema = z
  .object({
    indicator: z.enum(['weight-for-age', 'length-for-age', 'height-for-age']),
    unit: z.enum(['kg', 'cm']),
    firstMonth: z.number().int().min(0),
    lastMonth: z.number().int().max(60),
    male: z.array(row).min(2),
    female: z.array(row).min(2),
  })
  .superRefine((t, ctx) => {
    for (const sex of ['male', 'female'] as const) {
      const rows = t[sex];
      if (rows.length !== t.lastMonth - t.firstMonth + 1)
        ctx.addIssue({
          code: 'custom',
          message: `${sex}: expected one row per month from ${t.firstMonth} to ${t.lastMonth}`,
        });
      rows.forEach(([month, , m, s], i) => {
        if (month !== t.firstMonth + i) ctx.addIssue({ code: 'custom', message: `${sex}: row ${i} is month ${month}` });
        const prev = rows[i - 1];
        if (prev && m <= prev[2]) ctx.addIssue({ code: 'custom', message: `${sex}: median falls at month ${month}` });
        if (s > 0.5) ctx.addIssue({ code: 'custom', message: `${sex}: S out of range at month ${month}` });
      });
    }
  });

export type LmsTable = z.infer<typeof tableSchema>;
export type GrowthStandards = Record<Indicator, LmsTable>;

export function parseLmsTable(json: unknown, expected: Indicator): LmsTable {
  const table = tableSchema.parse(json);
  if (table.indicator !== expected) throw new Error(`Growth table holds ${table.indicator}, expected ${expected}`);
  return table;
}

/** Reads and validates the three tables; throws if any is missing or malformed. */
export function loadGrowthStandards(dir: string): GrowthStandards {
  const load = (indicator: Indicator): LmsTable =>
    parseLmsTable(JSON.parse(readFileSync(join(dir, `who-2006-${indicator}.json`), 'utf8')) as unknown, indicator);
  return {
    'weight-for-age': load('weight-for-age'),
    'length-for-age': load('length-for-age'),
    'height-for-age': load('height-for-age'),
  };
}

export interface Lms {
  L: number;
  M: number;
  S: number;
}

export function lmsAt(table: LmsTable, sex: GrowthSex, ageDays: number): Lms {
  const rows = table[sex];
  const months = Math.min(Math.max(ageDays / DAYS_PER_MONTH, table.firstMonth), table.lastMonth);
  const i = Math.min(Math.floor(months) - table.firstMonth, rows.length - 2);
  const a = rows[i]!;
  const b = rows[i + 1]!;
  const t = months - a[0];
  return { L: a[1] + t * (b[1] - a[1]), M: a[2] + t * (b[2] - a[2]), S: a[3] + t * (b[3] - a[3]) };
}

export function lmsZ(y: number, { L, M, S }: Lms): number {
  return Math.abs(L) < 1e-9 ? Math.log(y / M) / S : ((y / M) ** L - 1) / (L * S);
}

export function lmsValue(zScore: number, { L, M, S }: Lms): number {
  return Math.abs(L) < 1e-9 ? M * Math.exp(S * zScore) : M * (1 + L * S * zScore) ** (1 / L);
}

/**
 * WHO's restricted z beyond ±3 for skewed indicators (weight): distances past the 3 SD line are
 * measured in units of the 2–3 SD gap, so the long tail does not shrink extreme values.
 */
export function whoZ(y: number, lms: Lms): number {
  const zScore = lmsZ(y, lms);
  if (zScore > 3) {
    const sd3 = lmsValue(3, lms);
    return 3 + (y - sd3) / (sd3 - lmsValue(2, lms));
  }
  if (zScore < -3) {
    const sd3 = lmsValue(-3, lms);
    return -3 + (y - sd3) / (lmsValue(-2, lms) - sd3);
  }
  return zScore;
}

/** Standard normal cumulative distribution (Abramowitz & Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export type WeightClass = 'severely underweight' | 'underweight' | 'normal' | 'possible growth problem';
export type LengthClass = 'severely stunted' | 'stunted' | 'normal' | 'very tall';

export interface GrowthResult<C extends string> {
  indicator: Indicator;
  z: number;
  /** 0–100 */
  percentile: number;
  classification: C;
}

export type GrowthOutcome<C extends string> = { ok: true; value: GrowthResult<C> } | { ok: false; message: string };

const MAX_DAYS = 1856; // 5 years and 1 month: the end of the WHO 0–5 standards

function checkAge(ageDays: number): string | null {
  if (!Number.isFinite(ageDays) || ageDays < 0) return 'The age must be known and not in the future.';
  if (ageDays > MAX_DAYS) return 'The WHO child growth standards cover children up to 5 years.';
  return null;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;

function result<C extends string>(indicator: Indicator, zScore: number, classification: C): GrowthResult<C> {
  return { indicator, z: round2(zScore), percentile: round2(normalCdf(zScore) * 100), classification };
}

export function weightForAge(
  standards: GrowthStandards,
  weightKg: number,
  ageDays: number,
  sex: GrowthSex,
): GrowthOutcome<WeightClass> {
  const ageProblem = checkAge(ageDays);
  if (ageProblem) return { ok: false, message: ageProblem };
  const zScore = whoZ(weightKg, lmsAt(standards['weight-for-age'], sex, ageDays));
  // WHO: a weight-for-age above +1 is not classed as overweight but may signal a growth problem
  // to check with weight-for-length; we flag above +2 only.
  const c: WeightClass =
    zScore < -3
      ? 'severely underweight'
      : zScore < -2
        ? 'underweight'
        : zScore > 2
          ? 'possible growth problem'
          : 'normal';
  return { ok: true, value: result('weight-for-age', zScore, c) };
}

/**
 * Length below 2 years, height from 2 years; a child measured the other way is corrected by
 * 0.7 cm first, as WHO prescribes.
 */
export function lengthHeightForAge(
  standards: GrowthStandards,
  cm: number,
  ageDays: number,
  sex: GrowthSex,
  measured: 'lying' | 'standing',
): GrowthOutcome<LengthClass> {
  const ageProblem = checkAge(ageDays);
  if (ageProblem) return { ok: false, message: ageProblem };
  const standing = ageDays >= STANDING_FROM_DAYS;
  let value = cm;
  if (standing && measured === 'lying') value -= LYING_STANDING_DIFFERENCE_CM;
  if (!standing && measured === 'standing') value += LYING_STANDING_DIFFERENCE_CM;
  const indicator: Indicator = standing ? 'height-for-age' : 'length-for-age';
  const zScore = lmsZ(value, lmsAt(standards[indicator], sex, ageDays));
  const c: LengthClass =
    zScore < -3 ? 'severely stunted' : zScore < -2 ? 'stunted' : zScore > 3 ? 'very tall' : 'normal';
  return { ok: true, value: result(indicator, zScore, c) };
}
