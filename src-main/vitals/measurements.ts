/**
 * What the nurse can measure, in which units she may type it, and which values are impossible
 * (refused: almost always a slip of the finger or the wrong unit) or worrying (kept, flagged with
 * the reason). Codes follow the FHIR R4 vital signs profile; units are UCUM.
 */

export type MeasurementKind =
  | 'weight'
  | 'length'
  | 'height'
  | 'muac'
  | 'temperature'
  | 'pulse'
  | 'respiratory-rate'
  | 'systolic'
  | 'diastolic'
  | 'spo2';

/** How a flagged value departs from normal, as v3 ObservationInterpretation codes. */
export type Interpretation = 'L' | 'LL' | 'H' | 'HH';

export interface UnitDef {
  /** What the nurse picks or types: 'kg', 'lb', '°C' ... */
  label: string;
  /** Canonical value = input × factor + offset. */
  toCanonical: (value: number) => number;
}

export interface PatientContext {
  ageDays: number;
  sex: 'female' | 'male' | 'other' | 'unknown';
}

export interface Concern {
  interpretation: Interpretation;
  reason: string;
}

export interface MeasurementDef {
  kind: MeasurementKind;
  loinc: string;
  display: string;
  /** UCUM code and its human label. */
  ucum: string;
  unitLabel: string;
  units: UnitDef[];
  /** Canonical values outside [min, max] are refused. */
  possible: { min: number; max: number };
  /** Words used in messages: "A temperature of ...". */
  noun: string;
  decimals: number;
  concern: (canonical: number, patient: PatientContext) => Concern | null;
}

const same: (label: string) => UnitDef = (label) => ({ label, toCanonical: (v) => v });
const scaled = (label: string, factor: number): UnitDef => ({ label, toCanonical: (v) => v * factor });

const LB_TO_KG = 0.45359237;
const IN_TO_CM = 2.54;

const DAYS_PER_MONTH = 30.4375;
const monthsOf = (ageDays: number): number => ageDays / DAYS_PER_MONTH;
const yearsOf = (ageDays: number): number => ageDays / 365.25;

/**
 * Normal ranges by age band (WHO IMCI fast-breathing cut-offs for respiratory rate; usual
 * paediatric resting pulse bands). Each band applies below its upper age in days.
 */
interface Band {
  belowDays: number;
  low: number;
  high: number;
  who: string;
}
const PULSE_BANDS: Band[] = [
  { belowDays: 365, low: 100, high: 160, who: 'an infant' },
  { belowDays: 365 * 5, low: 80, high: 140, who: 'a child under 5' },
  { belowDays: 365 * 12, low: 70, high: 120, who: 'a child aged 5 to 11' },
  { belowDays: Infinity, low: 50, high: 100, who: 'an adult' },
];
const RESPIRATION_BANDS: Band[] = [
  { belowDays: 60, low: 30, high: 59, who: 'an infant under 2 months' },
  { belowDays: 365, low: 25, high: 49, who: 'an infant aged 2 to 11 months' },
  { belowDays: 365 * 5, low: 20, high: 39, who: 'a child aged 1 to 4 years' },
  { belowDays: 365 * 12, low: 15, high: 30, who: 'a child aged 5 to 11' },
  { belowDays: Infinity, low: 12, high: 20, who: 'an adult' },
];

function bandFor(bands: Band[], ageDays: number): Band {
  return bands.find((b) => ageDays < b.belowDays) ?? bands[bands.length - 1]!;
}

function bandConcern(bands: Band[], what: string, value: number, ageDays: number): Concern | null {
  const band = bandFor(bands, ageDays);
  if (value > band.high)
    return { interpretation: 'H', reason: `${what} of ${value}/min is fast for ${band.who} (above ${band.high}).` };
  if (value < band.low)
    return { interpretation: 'L', reason: `${what} of ${value}/min is slow for ${band.who} (below ${band.low}).` };
  return null;
}

const noConcern = (): Concern | null => null;

export const MEASUREMENTS: Record<MeasurementKind, MeasurementDef> = {
  weight: {
    kind: 'weight',
    loinc: '29463-7',
    display: 'Body weight',
    ucum: 'kg',
    unitLabel: 'kg',
    units: [same('kg'), scaled('g', 0.001), scaled('lb', LB_TO_KG)],
    possible: { min: 0.3, max: 350 },
    noun: 'weight',
    decimals: 3,
    // Low weight for age is judged by the growth z-score, not by a fixed range.
    concern: noConcern,
  },
  length: {
    kind: 'length',
    loinc: '8306-3',
    display: 'Body height --lying',
    ucum: 'cm',
    unitLabel: 'cm',
    units: [same('cm'), scaled('m', 100), scaled('mm', 0.1), scaled('in', IN_TO_CM)],
    possible: { min: 20, max: 130 },
    noun: 'length',
    decimals: 1,
    concern: noConcern,
  },
  height: {
    kind: 'height',
    loinc: '8302-2',
    display: 'Body height',
    ucum: 'cm',
    unitLabel: 'cm',
    units: [same('cm'), scaled('m', 100), scaled('mm', 0.1), scaled('in', IN_TO_CM)],
    possible: { min: 40, max: 250 },
    noun: 'height',
    decimals: 1,
    concern: noConcern,
  },
  muac: {
    kind: 'muac',
    loinc: '56072-2',
    display: 'Circumference Mid upper arm',
    ucum: 'cm',
    unitLabel: 'cm',
    units: [same('cm'), scaled('mm', 0.1), scaled('in', IN_TO_CM)],
    possible: { min: 5, max: 60 },
    noun: 'mid-upper arm circumference',
    decimals: 1,
    concern: (cm, { ageDays }) => {
      const months = monthsOf(ageDays);
      // The MUAC cut-offs for acute malnutrition are defined for children of 6 to 59 months.
      if (months < 6 || months >= 60) return null;
      if (cm < 11.5)
        return {
          interpretation: 'LL',
          reason: `MUAC of ${cm} cm is below 11.5 cm: severe acute malnutrition (child of 6–59 months).`,
        };
      if (cm < 12.5)
        return {
          interpretation: 'L',
          reason: `MUAC of ${cm} cm is below 12.5 cm: moderate acute malnutrition (child of 6–59 months).`,
        };
      return null;
    },
  },
  temperature: {
    kind: 'temperature',
    loinc: '8310-5',
    display: 'Body temperature',
    ucum: 'Cel',
    unitLabel: '°C',
    units: [same('°C'), { label: '°F', toCanonical: (f) => ((f - 32) * 5) / 9 }],
    possible: { min: 25, max: 45 },
    noun: 'temperature',
    decimals: 1,
    concern: (c) => {
      if (c >= 39.5)
        return { interpretation: 'HH', reason: `Temperature of ${c} °C is a high fever (39.5 °C or more).` };
      if (c >= 38) return { interpretation: 'H', reason: `Temperature of ${c} °C is a fever (38 °C or more).` };
      if (c < 35.5) return { interpretation: 'L', reason: `Temperature of ${c} °C is hypothermia (below 35.5 °C).` };
      return null;
    },
  },
  pulse: {
    kind: 'pulse',
    loinc: '8867-4',
    display: 'Heart rate',
    ucum: '/min',
    unitLabel: '/min',
    units: [same('/min')],
    possible: { min: 20, max: 300 },
    noun: 'pulse',
    decimals: 0,
    concern: (v, { ageDays }) => bandConcern(PULSE_BANDS, 'Pulse', v, ageDays),
  },
  'respiratory-rate': {
    kind: 'respiratory-rate',
    loinc: '9279-1',
    display: 'Respiratory rate',
    ucum: '/min',
    unitLabel: '/min',
    units: [same('/min')],
    possible: { min: 4, max: 150 },
    noun: 'respiratory rate',
    decimals: 0,
    concern: (v, { ageDays }) => bandConcern(RESPIRATION_BANDS, 'Respiratory rate', v, ageDays),
  },
  systolic: {
    kind: 'systolic',
    loinc: '8480-6',
    display: 'Systolic blood pressure',
    ucum: 'mm[Hg]',
    unitLabel: 'mmHg',
    units: [same('mmHg')],
    possible: { min: 40, max: 300 },
    noun: 'systolic blood pressure',
    decimals: 0,
    concern: (v, { ageDays }) => {
      // Adult thresholds; children's blood pressure depends on height centile and is not judged here.
      if (yearsOf(ageDays) < 18) return null;
      if (v >= 180)
        return { interpretation: 'HH', reason: `Systolic pressure of ${v} mmHg is very high (180 or more).` };
      if (v >= 140) return { interpretation: 'H', reason: `Systolic pressure of ${v} mmHg is high (140 or more).` };
      if (v < 90) return { interpretation: 'L', reason: `Systolic pressure of ${v} mmHg is low (below 90).` };
      return null;
    },
  },
  diastolic: {
    kind: 'diastolic',
    loinc: '8462-4',
    display: 'Diastolic blood pressure',
    ucum: 'mm[Hg]',
    unitLabel: 'mmHg',
    units: [same('mmHg')],
    possible: { min: 20, max: 200 },
    noun: 'diastolic blood pressure',
    decimals: 0,
    concern: (v, { ageDays }) => {
      if (yearsOf(ageDays) < 18) return null;
      if (v >= 110)
        return { interpretation: 'HH', reason: `Diastolic pressure of ${v} mmHg is very high (110 or more).` };
      if (v >= 90) return { interpretation: 'H', reason: `Diastolic pressure of ${v} mmHg is high (90 or more).` };
      if (v < 60) return { interpretation: 'L', reason: `Diastolic pressure of ${v} mmHg is low (below 60).` };
      return null;
    },
  },
  spo2: {
    kind: 'spo2',
    loinc: '59408-5',
    display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
    ucum: '%',
    unitLabel: '%',
    units: [same('%')],
    possible: { min: 50, max: 100 },
    noun: 'oxygen saturation',
    decimals: 0,
    concern: (v) => {
      if (v < 90) return { interpretation: 'LL', reason: `Oxygen saturation of ${v} % is very low (below 90 %).` };
      if (v < 94) return { interpretation: 'L', reason: `Oxygen saturation of ${v} % is low (below 94 %).` };
      return null;
    },
  },
};

export type Assessment = { ok: true; value: number; concern: Concern | null } | { ok: false; message: string };

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Converts to the canonical unit, refuses what cannot be, flags what worries. Pure. */
export function assessMeasurement(
  kind: MeasurementKind,
  value: number,
  unit: string,
  patient: PatientContext,
): Assessment {
  const def = MEASUREMENTS[kind];
  const unitDef = def.units.find((u) => u.label === unit);
  if (!unitDef) {
    const labels = def.units.map((u) => u.label).join(', ');
    return { ok: false, message: `The ${def.noun} must be entered in ${labels}; "${unit}" is not one of them.` };
  }
  if (!Number.isFinite(value)) return { ok: false, message: `Enter the ${def.noun} as a number.` };
  const canonical = round(unitDef.toCanonical(value), def.decimals);
  if (canonical < def.possible.min || canonical > def.possible.max) {
    return {
      ok: false,
      message: `A ${def.noun} of ${value} ${unit} is not possible; check the value and the unit.`,
    };
  }
  return { ok: true, value: canonical, concern: def.concern(canonical, patient) };
}
