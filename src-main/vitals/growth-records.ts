/**
 * A child's growth from the weights and lengths/heights stored as Observations: found through
 * the reference index on the patient (never a scan), scored against the WHO tables, and laid
 * out as charts with WHO's reference curves.
 */
import type {
  GrowthChart,
  GrowthClass,
  GrowthPoint,
  ObservationGrowth,
  PatientGrowth,
} from '../../src-shared/domain/growth';
import { AppError } from '../../src-shared/errors';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { fromRow, getResource, type ResourceRow, type StoredResource } from '../store/resource-repo';
import { stmt } from '../store/statements';
import {
  MAX_AGE_DAYS,
  STANDING_FROM_DAYS,
  classifyLengthForAge,
  classifyWeightForAge,
  classifyWeightForLength,
  lengthForTable,
  lengthHeightForAgeZ,
  lmsValue,
  weightForAgeZ,
  weightForLengthHeightZ,
  type Position,
} from './growth';
import { lmsAt, tableRange, type GrowthSex, type GrowthTableFile, type GrowthTables } from './growth-tables';
import { MEASUREMENTS } from './measurements';
import type { Observation } from './vital-observation';

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 30.4375;
const CURVE_Z = [-3, -2, 0, 2, 3];

interface Measure {
  id: string;
  at: string;
  ageDays: number;
  /** kg for weight, cm for length/height */
  value: number;
  kind: 'weight' | 'length' | 'height';
  /** The visit, or the day, that pairs a weight with a length. */
  pairKey: string;
}

const KIND_BY_LOINC = new Map<string, Measure['kind']>([
  [MEASUREMENTS.weight.loinc, 'weight'],
  [MEASUREMENTS.length.loinc, 'length'],
  [MEASUREMENTS.height.loinc, 'height'],
]);

/** UCUM units other systems send; values are turned into kg or cm. */
const TO_CANONICAL: Record<string, number> = {
  kg: 1,
  g: 0.001,
  '[lb_av]': 0.45359237,
  cm: 1,
  m: 100,
  mm: 0.1,
  '[in_i]': 2.54,
};

function measureOf(stored: StoredResource, birth: number): Measure | null {
  const obs = stored.resource as Observation;
  if ((obs.status as string) === 'entered-in-error') return null;
  const kind = obs.code.coding?.map((c) => KIND_BY_LOINC.get(c.code ?? '')).find((k) => k !== undefined);
  const quantity = obs.valueQuantity;
  if (!kind || !quantity || typeof quantity.value !== 'number' || !obs.effectiveDateTime) return null;
  const factor = TO_CANONICAL[quantity.code ?? quantity.unit];
  const time = Date.parse(obs.effectiveDateTime);
  if (factor === undefined || Number.isNaN(time)) return null;
  const ageDays = Math.floor((time - birth) / DAY_MS);
  if (ageDays < 0 || ageDays > MAX_AGE_DAYS) return null;
  return {
    id: stored.id,
    at: obs.effectiveDateTime,
    ageDays,
    value: quantity.value * factor,
    kind,
    pairKey: obs.encounter?.reference ?? obs.effectiveDateTime.slice(0, 10),
  };
}

function observationsOf(sqlite: Sqlite, patientId: string): StoredResource[] {
  const rows = stmt(
    sqlite,
    `SELECT DISTINCT r.* FROM resource_references rr JOIN resources r ON r.pk = rr.resource_pk
     WHERE rr.target_type = 'Patient' AND rr.target_id = ? AND r.type = 'Observation' AND r.deleted = 0`,
  ).all(patientId) as ResourceRow[];
  return rows.map(fromRow);
}

const round = (v: number, places: number): number => Math.round(v * 10 ** places) / 10 ** places;
const months = (ageDays: number): number => round(ageDays / DAYS_PER_MONTH, 2);
const position = (kind: Measure['kind']): Position => (kind === 'height' ? 'standing' : 'lying');

function curvesFor(table: GrowthTableFile, sex: GrowthSex, xs: number[], toX: (x: number) => number) {
  return CURVE_Z.map((zValue) => ({
    z: zValue,
    points: xs.flatMap((x) => {
      const lms = lmsAt(table, sex, x);
      return lms ? [[round(toX(x), 2), round(lmsValue(zValue, lms), 2)] as [number, number]] : [];
    }),
  }));
}

function yRange(curves: GrowthChart['curves'], points: GrowthPoint[]): [number, number] {
  const ys = [...curves.flatMap((c) => c.points.map((p) => p[1])), ...points.map((p) => p.y)];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = (hi - lo) * 0.04;
  return [Math.max(0, Math.floor(lo - pad)), Math.ceil(hi + pad)];
}

/** Ages to draw: from birth to a little past the child's age, in whole half-years. */
function ageSpanDays(ageNow: number, measures: Measure[]): number {
  const last = Math.max(ageNow, ...measures.map((m) => m.ageDays));
  const monthsShown = Math.min(60, Math.max(12, Math.ceil((last / DAYS_PER_MONTH + 2) / 6) * 6));
  return Math.min(MAX_AGE_DAYS, Math.round(monthsShown * DAYS_PER_MONTH));
}

function ageDays(to: number, step: number, from = 0): number[] {
  const out: number[] = [];
  for (let d = from; d < to; d += step) out.push(d);
  out.push(to);
  return out;
}

function point(
  m: Measure,
  x: number,
  y: number,
  outcome: ReturnType<typeof weightForAgeZ>,
  cls: (z: number) => GrowthClass,
  ids = [m.id],
): GrowthPoint {
  return {
    at: m.at,
    ageDays: m.ageDays,
    x,
    y: round(y, 2),
    z: outcome.ok ? outcome.z : null,
    classification: outcome.ok ? cls(outcome.z) : null,
    message: outcome.ok ? null : outcome.message,
    observationIds: ids,
  };
}

const byTime = (a: { at: string }, b: { at: string }) => a.at.localeCompare(b.at);

function weightForAgeChart(
  tables: GrowthTables,
  sex: GrowthSex,
  span: number,
  weights: Measure[],
  withCurves: boolean,
): GrowthChart {
  const table = tables['weight-for-age'];
  const curves = withCurves ? curvesFor(table, sex, ageDays(span, 7), (d) => d / DAYS_PER_MONTH) : [];
  const points = weights.map((m) =>
    point(m, months(m.ageDays), m.value, weightForAgeZ(tables, m.value, m.ageDays, sex), classifyWeightForAge),
  );
  return {
    indicator: 'weight-for-age',
    table: 'weight-for-age',
    xAxis: 'age-months',
    yUnit: 'kg',
    xRange: [0, round(span / DAYS_PER_MONTH, 0)],
    yRange: yRange(curves, points),
    curves,
    points,
  };
}

function lengthForAgeChart(
  tables: GrowthTables,
  sex: GrowthSex,
  span: number,
  lengths: Measure[],
  withCurves: boolean,
): GrowthChart {
  const lying = !withCurves
    ? []
    : curvesFor(
        tables['length-for-age'],
        sex,
        ageDays(Math.min(span, STANDING_FROM_DAYS - 1), 7),
        (d) => d / DAYS_PER_MONTH,
      );
  const standing =
    withCurves && span >= STANDING_FROM_DAYS
      ? curvesFor(tables['height-for-age'], sex, ageDays(span, 7, STANDING_FROM_DAYS), (d) => d / DAYS_PER_MONTH)
      : [];
  // One line per z across both tables: WHO's charts also step down by 0.7 cm at 2 years.
  const curves = lying.map((c, i) => ({ z: c.z, points: [...c.points, ...(standing[i]?.points ?? [])] }));
  const points = lengths.map((m) => {
    const outcome = lengthHeightForAgeZ(tables, m.value, m.ageDays, sex, position(m.kind));
    return point(
      m,
      months(m.ageDays),
      lengthForTable(m.value, m.ageDays, position(m.kind)).cm,
      outcome,
      classifyLengthForAge,
    );
  });
  return {
    indicator: 'length-height-for-age',
    table: span >= STANDING_FROM_DAYS ? 'height-for-age' : 'length-for-age',
    xAxis: 'age-months',
    yUnit: 'cm',
    xRange: [0, round(span / DAYS_PER_MONTH, 0)],
    yRange: yRange(curves, points),
    curves,
    points,
  };
}

/** Weight with the length/height taken in the same visit (or on the same day). */
function pairs(weights: Measure[], lengths: Measure[]): { weight: Measure; length: Measure }[] {
  const latestLength = new Map<string, Measure>();
  for (const l of [...lengths].sort(byTime)) latestLength.set(l.pairKey, l);
  return weights.flatMap((w) => {
    const length = latestLength.get(w.pairKey);
    return length ? [{ weight: w, length }] : [];
  });
}

function weightForLengthChart(
  tables: GrowthTables,
  sex: GrowthSex,
  ageNow: number,
  weights: Measure[],
  lengths: Measure[],
): GrowthChart {
  // The chart follows the child's age today: length below 2 years, height from 2 years.
  const standingChart = ageNow >= STANDING_FROM_DAYS;
  const table = tables[standingChart ? 'weight-for-height' : 'weight-for-length'];
  const points = pairs(weights, lengths).map(({ weight, length }) => {
    const pos = position(length.kind);
    const outcome = weightForLengthHeightZ(tables, weight.value, length.value, weight.ageDays, sex, pos);
    // Placed on this chart's scale: lying lengths shown as heights on a height chart, and back.
    const x = standingChart
      ? length.value - (pos === 'lying' ? 0.7 : 0)
      : length.value + (pos === 'standing' ? 0.7 : 0);
    return point(weight, round(x, 1), weight.value, outcome, classifyWeightForLength, [weight.id, length.id]);
  });
  const { from, to } = tableRange(table);
  const median = lmsAt(tables[standingChart ? 'height-for-age' : 'length-for-age'], sex, ageNow)?.M ?? from + 10;
  const xs = points.length > 0 ? points.map((p) => p.x) : [median];
  const lo = Math.max(from, Math.floor((Math.min(...xs) - 6) / 5) * 5);
  const hi = Math.min(to, Math.max(lo + 15, Math.ceil((Math.max(...xs) + 6) / 5) * 5));
  const samples: number[] = [];
  for (let x = lo; x <= hi + 1e-9; x += 0.5) samples.push(round(x, 1));
  const curves = curvesFor(table, sex, samples, (x) => x);
  return {
    indicator: 'weight-for-length-height',
    table: standingChart ? 'weight-for-height' : 'weight-for-length',
    xAxis: standingChart ? 'height-cm' : 'length-cm',
    yUnit: 'kg',
    xRange: [lo, hi],
    yRange: yRange(curves, points),
    curves,
    points,
  };
}

/**
 * `withCurves` false: the child's points and results only, without the reference lines, for
 * callers that show z-scores beside values (the curves are most of the cost).
 */
export function patientGrowth(
  sqlite: Sqlite,
  tables: GrowthTables,
  patientId: string,
  now: Date,
  withCurves = true,
): PatientGrowth {
  const stored = getResource(sqlite, 'Patient', patientId);
  if (!stored) throw new AppError('NOT_FOUND', 'This patient is not on this laptop.');
  const patient = stored.resource as Patient;
  const birth = typeof patient.birthDate === 'string' ? Date.parse(patient.birthDate) : NaN;
  if (Number.isNaN(birth))
    return {
      applies: false,
      reason: 'no-birth-date',
      message: 'Growth charts need the date of birth; add it to the patient details.',
    };
  const ageNow = Math.floor((now.getTime() - birth) / DAY_MS);
  if (ageNow > MAX_AGE_DAYS)
    return { applies: false, reason: 'over-five', message: 'The growth charts apply to children under 5 years.' };
  if (patient.gender !== 'male' && patient.gender !== 'female')
    return {
      applies: false,
      reason: 'no-sex',
      message: 'The WHO growth charts differ for girls and boys; record the sex in the patient details.',
    };
  const sex: GrowthSex = patient.gender;
  const measures = observationsOf(sqlite, patientId)
    .map((o) => measureOf(o, birth))
    .filter((m): m is Measure => m !== null)
    .sort(byTime);
  const weights = measures.filter((m) => m.kind === 'weight');
  const lengths = measures.filter((m) => m.kind !== 'weight');
  const span = ageSpanDays(Math.max(0, ageNow), measures);
  return {
    applies: true,
    sex,
    ageDays: Math.max(0, ageNow),
    charts: [
      weightForAgeChart(tables, sex, span, weights, withCurves),
      lengthForAgeChart(tables, sex, span, lengths, withCurves),
      ...(withCurves ? [weightForLengthChart(tables, sex, Math.max(0, ageNow), weights, lengths)] : []),
    ],
  };
}

/**
 * The weight-for-age or length/height-for-age result of each given Observation: the patient's
 * growth is computed once per patient and the matching points picked out. Observations of
 * adults, or that are not weights or lengths, are left out.
 */
export function observationGrowth(
  sqlite: Sqlite,
  tables: GrowthTables,
  observationIds: string[],
  now: Date,
): ObservationGrowth[] {
  const byPatient = new Map<string, string[]>();
  for (const id of new Set(observationIds)) {
    const subject = (getResource(sqlite, 'Observation', id)?.resource as Observation | undefined)?.subject?.reference;
    const patientId = subject?.startsWith('Patient/') ? subject.slice('Patient/'.length) : null;
    if (!patientId) continue;
    byPatient.set(patientId, [...(byPatient.get(patientId) ?? []), id]);
  }
  const out: ObservationGrowth[] = [];
  for (const [patientId, ids] of byPatient) {
    if (!getResource(sqlite, 'Patient', patientId)) continue;
    const growth = patientGrowth(sqlite, tables, patientId, now, false);
    if (!growth.applies) continue;
    for (const chart of growth.charts.filter((c) => c.indicator !== 'weight-for-length-height')) {
      for (const p of chart.points) {
        const id = p.observationIds[0];
        if (id && ids.includes(id) && p.z !== null && p.classification)
          out.push({ observationId: id, indicator: chart.indicator, z: p.z, classification: p.classification });
      }
    }
  }
  return out;
}
