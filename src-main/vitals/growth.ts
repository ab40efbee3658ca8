/**
 * Weight-for-age, length/height-for-age and weight-for-length/height z-scores against the WHO
 * Child Growth Standards (2006), 0–5 years, by the LMS method, following WHO's own rules (the
 * `anthro` package): age in completed days; length below 731 days and height from 731 days,
 * with the 0.7 cm lying/standing correction; restricted z beyond ±3 for weight indicators.
 */
import { lmsAt, type GrowthSex, type GrowthTables, type Lms, type TableIndicator } from './growth-tables';

export type { GrowthSex, GrowthTables } from './growth-tables';
export { loadGrowthTables } from './growth-tables';

/** WHO: length (lying) is used below 2 years, height (standing) from 2 years (731 days). */
export const STANDING_FROM_DAYS = 731;
/** WHO: standing height is on average 0.7 cm less than recumbent length. */
export const LYING_STANDING_DIFFERENCE_CM = 0.7;
/** The last day of the 0–5 year standards (60 months). */
export const MAX_AGE_DAYS = 1826;

export type Position = 'lying' | 'standing';

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

export type WeightForAgeClass = 'severely-underweight' | 'underweight' | 'normal' | 'possible-growth-problem';
export type LengthForAgeClass = 'severely-stunted' | 'stunted' | 'normal' | 'very-tall';
export type WeightForLengthClass =
  'severely-wasted' | 'wasted' | 'normal' | 'possible-risk-of-overweight' | 'overweight' | 'obese';

/** WHO's cut-offs (Training Course on Child Growth Assessment, interpreting indicators). */
export function classifyWeightForAge(z: number): WeightForAgeClass {
  if (z < -3) return 'severely-underweight';
  if (z < -2) return 'underweight';
  // WHO does not call a heavy weight-for-age "overweight": weight-for-length judges that.
  if (z > 2) return 'possible-growth-problem';
  return 'normal';
}

export function classifyLengthForAge(z: number): LengthForAgeClass {
  if (z < -3) return 'severely-stunted';
  if (z < -2) return 'stunted';
  if (z > 3) return 'very-tall';
  return 'normal';
}

export function classifyWeightForLength(z: number): WeightForLengthClass {
  if (z < -3) return 'severely-wasted';
  if (z < -2) return 'wasted';
  if (z > 3) return 'obese';
  if (z > 2) return 'overweight';
  if (z > 1) return 'possible-risk-of-overweight';
  return 'normal';
}

export type ZOutcome = { ok: true; z: number; table: TableIndicator } | { ok: false; message: string };

function checkAge(ageDays: number): string | null {
  if (!Number.isFinite(ageDays) || ageDays < 0) return 'The age must be known and not in the future.';
  if (ageDays > MAX_AGE_DAYS) return 'The WHO child growth standards cover children up to 5 years.';
  return null;
}

const round2 = (v: number): number => Math.round(v * 100) / 100;
const day = (ageDays: number): number => Math.floor(ageDays);

export function weightForAgeZ(tables: GrowthTables, weightKg: number, ageDays: number, sex: GrowthSex): ZOutcome {
  const problem = checkAge(ageDays);
  if (problem) return { ok: false, message: problem };
  const lms = lmsAt(tables['weight-for-age'], sex, day(ageDays))!;
  return { ok: true, z: round2(whoZ(weightKg, lms)), table: 'weight-for-age' };
}

/** The measurement as the table for this age expects it (WHO's 0.7 cm rule). */
export function lengthForTable(cm: number, ageDays: number, measured: Position): { cm: number; standing: boolean } {
  const standing = ageDays >= STANDING_FROM_DAYS;
  if (standing && measured === 'lying') return { cm: cm - LYING_STANDING_DIFFERENCE_CM, standing };
  if (!standing && measured === 'standing') return { cm: cm + LYING_STANDING_DIFFERENCE_CM, standing };
  return { cm, standing };
}

export function lengthHeightForAgeZ(
  tables: GrowthTables,
  cm: number,
  ageDays: number,
  sex: GrowthSex,
  measured: Position,
): ZOutcome {
  const problem = checkAge(ageDays);
  if (problem) return { ok: false, message: problem };
  const adjusted = lengthForTable(cm, ageDays, measured);
  const table: TableIndicator = adjusted.standing ? 'height-for-age' : 'length-for-age';
  const lms = lmsAt(tables[table], sex, day(ageDays))!;
  return { ok: true, z: round2(lmsZ(adjusted.cm, lms)), table };
}

export function weightForLengthHeightZ(
  tables: GrowthTables,
  weightKg: number,
  cm: number,
  ageDays: number,
  sex: GrowthSex,
  measured: Position,
): ZOutcome {
  const problem = checkAge(ageDays);
  if (problem) return { ok: false, message: problem };
  const adjusted = lengthForTable(cm, ageDays, measured);
  const table: TableIndicator = adjusted.standing ? 'weight-for-height' : 'weight-for-length';
  const lms = lmsAt(tables[table], sex, adjusted.cm);
  if (!lms) {
    return {
      ok: false,
      message: adjusted.standing
        ? 'Weight-for-height is defined for heights from 65 to 120 cm.'
        : 'Weight-for-length is defined for lengths from 45 to 110 cm.',
    };
  }
  return { ok: true, z: round2(whoZ(weightKg, lms)), table };
}
