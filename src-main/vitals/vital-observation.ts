/**
 * Turns a nurse's entry into a FHIR R4 vital-signs Observation, or a refusal in words.
 * Pure: the clock (`now`) and the references come in; the caller assigns the id and stores it.
 */
import type { CodeableConcept, FhirResource } from '../../src-shared/fhir/types';
import {
  MEASUREMENTS,
  assessMeasurement,
  type Concern,
  type Interpretation,
  type MeasurementDef,
  type MeasurementKind,
  type PatientContext,
} from './measurements';

export const LOINC_SYSTEM = 'http://loinc.org';
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const INTERPRETATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
export const BLOOD_PRESSURE_PANEL = { code: '85354-9', display: 'Blood pressure panel with all children optional' };

const INTERPRETATION_DISPLAY: Record<Interpretation, string> = {
  L: 'Low',
  LL: 'Critical low',
  H: 'High',
  HH: 'Critical high',
};

export interface Quantity {
  value: number;
  unit: string;
  system: string;
  code: string;
}

export interface ObservationComponent {
  code: CodeableConcept;
  valueQuantity: Quantity;
  interpretation?: CodeableConcept[];
}

export interface Observation extends FhirResource {
  resourceType: 'Observation';
  status: 'final';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: { reference: string };
  encounter?: { reference: string };
  effectiveDateTime: string;
  valueQuantity?: Quantity;
  component?: ObservationComponent[];
  interpretation?: CodeableConcept[];
  note?: { text: string }[];
}

export interface VitalContext {
  patient: PatientContext;
  /** "Patient/123" */
  subject: string;
  /** "Encounter/456", when recorded during a visit. */
  encounter?: string;
  /** When it was measured; defaults to now. */
  effectiveDateTime?: string;
  now: Date;
}

export interface VitalEntry {
  kind: Exclude<MeasurementKind, 'systolic' | 'diastolic'>;
  value: number;
  unit: string;
}

export interface BloodPressureEntry {
  systolic: number;
  diastolic: number;
  unit?: string;
}

export type VitalResult =
  { ok: true; observation: Observation; concerns: Concern[] } | { ok: false; field: string; message: string };

const VITAL_SIGNS_CATEGORY: CodeableConcept = {
  coding: [{ system: OBSERVATION_CATEGORY_SYSTEM, code: 'vital-signs', display: 'Vital Signs' }],
  text: 'Vital Signs',
};

function loinc(code: string, display: string): CodeableConcept {
  return { coding: [{ system: LOINC_SYSTEM, code, display }], text: display };
}

function quantity(def: MeasurementDef, value: number): Quantity {
  return { value, unit: def.unitLabel, system: UCUM_SYSTEM, code: def.ucum };
}

function interpretation(concern: Concern): CodeableConcept[] {
  const code = concern.interpretation;
  return [{ coding: [{ system: INTERPRETATION_SYSTEM, code, display: INTERPRETATION_DISPLAY[code] }] }];
}

/** The worst of several concerns decides the panel's interpretation. */
const SEVERITY: Record<Interpretation, number> = { L: 1, H: 1, LL: 2, HH: 2 };

function effectiveTime(ctx: VitalContext): { ok: true; value: string } | { ok: false; message: string } {
  const value = ctx.effectiveDateTime ?? ctx.now.toISOString();
  const time = Date.parse(value);
  if (Number.isNaN(time)) return { ok: false, message: 'The time of the measurement is not a valid date and time.' };
  // A minute of slack for clocks that disagree between the form and the core.
  if (time > ctx.now.getTime() + 60_000) return { ok: false, message: 'A measurement cannot be in the future.' };
  return { ok: true, value };
}

function baseObservation(ctx: VitalContext, effective: string, code: CodeableConcept): Observation {
  const observation: Observation = {
    resourceType: 'Observation',
    status: 'final',
    category: [VITAL_SIGNS_CATEGORY],
    code,
    subject: { reference: ctx.subject },
    effectiveDateTime: effective,
  };
  if (ctx.encounter) observation.encounter = { reference: ctx.encounter };
  return observation;
}

function annotate(observation: Observation, concerns: Concern[]): void {
  if (concerns.length === 0) return;
  const worst = concerns.reduce((a, b) => (SEVERITY[b.interpretation] > SEVERITY[a.interpretation] ? b : a));
  observation.interpretation = interpretation(worst);
  observation.note = concerns.map((c) => ({ text: c.reason }));
}

export function vitalObservation(entry: VitalEntry, ctx: VitalContext): VitalResult {
  const def = MEASUREMENTS[entry.kind];
  const assessed = assessMeasurement(entry.kind, entry.value, entry.unit, ctx.patient);
  if (!assessed.ok) return { ok: false, field: entry.kind, message: assessed.message };
  const effective = effectiveTime(ctx);
  if (!effective.ok) return { ok: false, field: 'effectiveDateTime', message: effective.message };
  const observation = baseObservation(ctx, effective.value, loinc(def.loinc, def.display));
  observation.valueQuantity = quantity(def, assessed.value);
  const concerns = assessed.concern ? [assessed.concern] : [];
  annotate(observation, concerns);
  return { ok: true, observation, concerns };
}

/** Systolic and diastolic as one panel (85354-9) with two components, as the vital signs profile asks. */
export function bloodPressureObservation(entry: BloodPressureEntry, ctx: VitalContext): VitalResult {
  const unit = entry.unit ?? 'mmHg';
  const systolic = assessMeasurement('systolic', entry.systolic, unit, ctx.patient);
  if (!systolic.ok) return { ok: false, field: 'systolic', message: systolic.message };
  const diastolic = assessMeasurement('diastolic', entry.diastolic, unit, ctx.patient);
  if (!diastolic.ok) return { ok: false, field: 'diastolic', message: diastolic.message };
  if (diastolic.value >= systolic.value) {
    return {
      ok: false,
      field: 'diastolic',
      message: `A diastolic pressure of ${diastolic.value} mmHg cannot be at or above the systolic ${systolic.value} mmHg; check the two values.`,
    };
  }
  const effective = effectiveTime(ctx);
  if (!effective.ok) return { ok: false, field: 'effectiveDateTime', message: effective.message };
  const observation = baseObservation(
    ctx,
    effective.value,
    loinc(BLOOD_PRESSURE_PANEL.code, BLOOD_PRESSURE_PANEL.display),
  );
  const concerns: Concern[] = [];
  observation.component = (
    [
      ['systolic', systolic],
      ['diastolic', diastolic],
    ] as const
  ).map(([kind, assessed]) => {
    const def = MEASUREMENTS[kind];
    const component: ObservationComponent = {
      code: loinc(def.loinc, def.display),
      valueQuantity: quantity(def, assessed.value),
    };
    if (assessed.concern) {
      component.interpretation = interpretation(assessed.concern);
      concerns.push(assessed.concern);
    }
    return component;
  });
  annotate(observation, concerns);
  return { ok: true, observation, concerns };
}
