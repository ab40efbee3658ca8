/** The FHIR R4 Encounter behind a visit, and reading visits and their vitals back for the screens. */
import type { RecordedVital, Visit, VisitStatus } from '../../src-shared/domain/visit';
import type { CodeableConcept, FhirResource, Patient } from '../../src-shared/fhir/types';
import { MEASUREMENTS } from '../vitals/measurements';
import { BLOOD_PRESSURE_PANEL, LOINC_SYSTEM, type Observation } from '../vitals/vital-observation';
import { patientToSummary } from '../patients/fhir-patient';
import type { StoredResource } from '../store/resource-repo';

export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

export interface Encounter extends FhirResource {
  resourceType: 'Encounter';
  status: string;
  statusHistory?: { status: string; period: { start: string; end?: string } }[];
  class: { system: string; code: string; display: string };
  type?: CodeableConcept[];
  reasonCode?: CodeableConcept[];
  subject: { reference: string };
  period: { start: string; end?: string };
}

export function newEncounter(patientId: string, type: string, reason: string, now: Date): Encounter {
  const at = now.toISOString();
  const encounter: Encounter = {
    resourceType: 'Encounter',
    status: 'arrived',
    statusHistory: [],
    class: { system: ACT_CODE_SYSTEM, code: 'AMB', display: 'ambulatory' },
    type: [{ text: type }],
    subject: { reference: `Patient/${patientId}` },
    period: { start: at },
  };
  if (reason !== '') encounter.reasonCode = [{ text: reason }];
  return encounter;
}

/** Which moves a visit may make; a finished visit stays finished. */
const NEXT: Record<VisitStatus, VisitStatus[]> = {
  arrived: ['in-progress', 'finished'],
  'in-progress': ['finished'],
  finished: [],
};

export function canMove(from: string, to: VisitStatus): boolean {
  return (NEXT[from as VisitStatus] ?? []).includes(to);
}

/** The new status, with the old one kept in statusHistory as FHIR R4 asks. */
export function withStatus(encounter: Encounter, to: VisitStatus, now: Date): Encounter {
  const at = now.toISOString();
  const history = [...(encounter.statusHistory ?? [])];
  const since = history.at(-1)?.period.end ?? encounter.period.start;
  history.push({ status: encounter.status, period: { start: since, end: at } });
  const next: Encounter = { ...encounter, status: to, statusHistory: history };
  if (to === 'finished') next.period = { ...encounter.period, end: at };
  return next;
}

function patientIdOf(reference: string): string {
  return reference.startsWith('Patient/') ? reference.slice('Patient/'.length) : reference;
}

const KIND_BY_LOINC = new Map(Object.values(MEASUREMENTS).map((def) => [def.loinc, def]));

function loincOf(concept: CodeableConcept | undefined): string | undefined {
  return concept?.coding?.find((c) => c.system === LOINC_SYSTEM)?.code;
}

const LABELS: Record<string, string> = {
  weight: 'Weight',
  height: 'Height',
  length: 'Length',
  muac: 'MUAC',
  temperature: 'Temperature',
  pulse: 'Pulse',
  'respiratory-rate': 'Respiratory rate',
  spo2: 'SpO2',
  'blood-pressure': 'Blood pressure',
};

/** An Observation as one line of a visit: "Temperature 38.6 °C", flagged with its reason. */
export function toRecordedVital(stored: StoredResource): RecordedVital | null {
  const observation = stored.resource as Observation;
  const code = loincOf(observation.code);
  const flag = observation.note?.map((n) => n.text).join(' ') || null;
  const at = observation.effectiveDateTime;
  if (code === BLOOD_PRESSURE_PANEL.code) {
    const part = (kind: 'systolic' | 'diastolic') =>
      observation.component?.find((c) => loincOf(c.code) === MEASUREMENTS[kind].loinc)?.valueQuantity.value;
    const value = `${part('systolic') ?? '?'}/${part('diastolic') ?? '?'} mmHg`;
    return { id: stored.id, kind: 'blood-pressure', label: LABELS['blood-pressure']!, value, flag, at };
  }
  const def = code ? KIND_BY_LOINC.get(code) : undefined;
  const quantity = observation.valueQuantity;
  if (!def || !quantity) return null;
  return {
    id: stored.id,
    kind: def.kind,
    label: LABELS[def.kind] ?? def.display,
    // Stored at full precision (154 lb is 69.853 kg); shown as a nurse would write it.
    value: `${typeof quantity.value === 'number' ? Number(quantity.value.toFixed(1)) : quantity.value} ${def.unitLabel}`,
    flag,
    at,
  };
}

const ORDER = [
  'weight',
  'length',
  'height',
  'muac',
  'temperature',
  'pulse',
  'respiratory-rate',
  'blood-pressure',
  'spo2',
];

export function toVisit(stored: StoredResource, patient: Patient | null, observations: StoredResource[]): Visit {
  const encounter = stored.resource as Encounter;
  const patientId = patientIdOf(encounter.subject.reference);
  const summary = patient ? patientToSummary(patientId, patient) : null;
  const vitals = observations
    .map(toRecordedVital)
    .filter((v): v is RecordedVital => v !== null)
    .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.at.localeCompare(b.at));
  const status = (['arrived', 'in-progress', 'finished'] as const).find((s) => s === encounter.status) ?? 'finished';
  return {
    id: stored.id,
    rev: stored.rev,
    patientId,
    patientName: summary?.displayName ?? 'Unknown patient',
    clinicNumber: summary?.clinicNumber ?? '',
    status,
    type: encounter.type?.[0]?.text ?? '',
    reason: encounter.reasonCode?.[0]?.text ?? '',
    start: encounter.period.start,
    end: encounter.period.end ?? null,
    vitals,
  };
}
