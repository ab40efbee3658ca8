/** Visits and the vital signs recorded in them: the clinic's use cases, over the resource store. */
import {
  VISIT_LIST_MAX,
  VISIT_TYPES,
  type RecordVitalsResult,
  type Visit,
  type VisitStart,
  type VisitStatus,
  type VitalsEntry,
} from '../../src-shared/domain/visit';
import { AppError, validationError, type FieldErrors } from '../../src-shared/errors';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import {
  createLocalResource,
  getResource,
  updateLocalResource,
  fromRow,
  type ResourceRow,
  type StoredResource,
  type WriteContext,
} from '../store/resource-repo';
import { recordAudit } from '../store/audit-repo';
import { stmt } from '../store/statements';
import { MEASUREMENTS, type PatientContext } from '../vitals/measurements';
import {
  bloodPressureObservation,
  vitalObservation,
  type Observation,
  type VitalEntry,
  type VitalResult,
} from '../vitals/vital-observation';
import { canMove, newEncounter, toVisit, withStatus, type Encounter } from './fhir-encounter';

/**
 * Resources of a type that point at a target, through the reference index (never a scan).
 * CROSS JOIN fixes the order: with a plain JOIN SQLite may start from every resource of the
 * type (its type index) and look each one up in the references, which grows with the clinic.
 */
export const REFERRING_SQL = `SELECT DISTINCT r.* FROM resource_references rr CROSS JOIN resources r ON r.pk = rr.resource_pk
  WHERE rr.target_type = ? AND rr.target_id = ? AND r.type = ? AND r.deleted = 0`;

function referring(sqlite: Sqlite, type: string, targetType: string, targetId: string): StoredResource[] {
  const rows = stmt(sqlite, REFERRING_SQL).all(targetType, targetId, type) as ResourceRow[];
  return rows.map(fromRow);
}

function requirePatient(sqlite: Sqlite, patientId: string): Patient {
  const stored = getResource(sqlite, 'Patient', patientId);
  if (!stored) throw new AppError('NOT_FOUND', 'This patient is not on this laptop.');
  return stored.resource as Patient;
}

function requireVisit(sqlite: Sqlite, visitId: string): StoredResource {
  const stored = getResource(sqlite, 'Encounter', visitId);
  if (!stored) throw new AppError('NOT_FOUND', 'This visit is not on this laptop.');
  return stored;
}

function patientIdOf(encounter: Encounter): string {
  return encounter.subject.reference.replace(/^Patient\//, '');
}

function visitOf(sqlite: Sqlite, stored: StoredResource): Visit {
  const encounter = stored.resource as Encounter;
  const patient = getResource(sqlite, 'Patient', patientIdOf(encounter));
  return toVisit(
    stored,
    (patient?.resource as Patient | undefined) ?? null,
    referring(sqlite, 'Observation', 'Encounter', stored.id),
  );
}

export function startVisit(sqlite: Sqlite, input: VisitStart, ctx: WriteContext): Visit {
  const type = input.type.trim();
  const reason = input.reason.trim();
  const fields: FieldErrors = {};
  if (type === '') fields.type = 'Choose the type of visit.';
  else if (!(VISIT_TYPES as readonly string[]).includes(type)) fields.type = 'Choose one of the visit types listed.';
  if (Object.keys(fields).length > 0) throw validationError(fields);
  return sqlite.transaction(() => {
    requirePatient(sqlite, input.patientId);
    const stored = createLocalResource(sqlite, newEncounter(input.patientId, type, reason, ctx.now), ctx);
    return visitOf(sqlite, stored);
  })();
}

function move(sqlite: Sqlite, stored: StoredResource, to: VisitStatus, ctx: WriteContext): StoredResource {
  const encounter = stored.resource as Encounter;
  if (encounter.status === to) return stored;
  if (!canMove(encounter.status, to)) {
    throw new AppError('CONFLICT', 'This visit is already finished; start a new visit to record more.');
  }
  return updateLocalResource(
    sqlite,
    'Encounter',
    stored.id,
    stored.rev,
    (r) => withStatus(r as Encounter, to, ctx.now),
    ctx,
  );
}

export function setVisitStatus(sqlite: Sqlite, visitId: string, to: VisitStatus, ctx: WriteContext): Visit {
  return sqlite.transaction(() => visitOf(sqlite, move(sqlite, requireVisit(sqlite, visitId), to, ctx)))();
}

const DAY_MS = 86_400_000;

function patientContext(patient: Patient, now: Date): PatientContext {
  const birth = typeof patient.birthDate === 'string' ? Date.parse(patient.birthDate) : NaN;
  // Without a birth date the adult ranges apply: the child bands would flag most adults.
  const ageDays = Number.isNaN(birth) ? 365 * 30 : Math.max(0, Math.floor((now.getTime() - birth) / DAY_MS));
  const gender = patient.gender;
  const sex = gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown';
  return { ageDays, sex };
}

const NOUNS: Record<string, string> = {
  weight: 'weight',
  height: 'height',
  length: 'length',
  muac: 'arm circumference (MUAC)',
  temperature: 'temperature',
  pulse: 'pulse',
  'respiratory-rate': 'respiratory rate',
  spo2: 'oxygen saturation',
  systolic: 'systolic pressure',
  diastolic: 'diastolic pressure',
};

/** Typed text to a number; '' means "not measured". */
function parseTyped(text: string, field: string, fields: FieldErrors): number | null | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(trimmed)) {
    fields[field] = `Enter the ${NOUNS[field] ?? field} as a number, for example 12.5.`;
    return undefined;
  }
  return Number(trimmed);
}

/**
 * One Observation per measurement (blood pressure as the panel), all in one transaction with
 * the visit's own change. One impossible value refuses the whole save.
 */
export function recordVitals(
  sqlite: Sqlite,
  visitId: string,
  entry: VitalsEntry,
  ctx: WriteContext,
): RecordVitalsResult {
  const fields: FieldErrors = {};
  const results: VitalResult[] = [];
  return sqlite.transaction(() => {
    const stored = requireVisit(sqlite, visitId);
    const encounter = stored.resource as Encounter;
    if (encounter.status === 'finished') {
      throw new AppError('CONFLICT', 'This visit is already finished; start a new visit to record more.');
    }
    const patientId = patientIdOf(encounter);
    const vitalCtx = {
      patient: patientContext(requirePatient(sqlite, patientId), ctx.now),
      subject: `Patient/${patientId}`,
      encounter: `Encounter/${visitId}`,
      now: ctx.now,
    };
    const kinds = ['weight', 'height', 'length', 'muac', 'temperature', 'pulse', 'respiratory-rate', 'spo2'] as const;
    for (const kind of kinds) {
      const typed = entry[kind];
      if (!typed) continue;
      const value = parseTyped(typed.value, kind, fields);
      if (value === null || value === undefined) continue;
      const result = vitalObservation({ kind, value, unit: typed.unit } satisfies VitalEntry, vitalCtx);
      if (result.ok) results.push(result);
      else fields[result.field] = result.message;
    }
    if (entry.bloodPressure) {
      const systolic = parseTyped(entry.bloodPressure.systolic, 'systolic', fields);
      const diastolic = parseTyped(entry.bloodPressure.diastolic, 'diastolic', fields);
      if (systolic === null && diastolic !== null && diastolic !== undefined)
        fields.systolic = 'Enter the systolic pressure too, or clear both.';
      else if (diastolic === null && systolic !== null && systolic !== undefined)
        fields.diastolic = 'Enter the diastolic pressure too, or clear both.';
      else if (typeof systolic === 'number' && typeof diastolic === 'number') {
        const result = bloodPressureObservation({ systolic, diastolic }, vitalCtx);
        if (result.ok) results.push(result);
        else fields[result.field] = result.message;
      }
    }
    if (Object.keys(fields).length > 0) throw validationError(fields);
    if (results.length === 0) {
      throw validationError({ form: 'Enter at least one measurement.' }, 'Enter at least one measurement.');
    }
    const flagged: RecordVitalsResult['flagged'] = [];
    for (const result of results) {
      if (!result.ok) continue;
      createLocalResource(sqlite, result.observation, ctx);
      const field = vitalKindOf(result.observation);
      for (const concern of result.concerns) flagged.push({ field, reason: concern.reason });
    }
    const after = move(sqlite, stored, 'in-progress', ctx);
    return { visit: visitOf(sqlite, after), flagged };
  })();
}

function vitalKindOf(observation: Observation): string {
  if (observation.component) return 'bloodPressure';
  const code = observation.code.coding?.[0]?.code;
  return KIND_BY_CODE.get(code ?? '') ?? 'unknown';
}

const KIND_BY_CODE = new Map<string, string>(Object.values(MEASUREMENTS).map((def) => [def.loinc, def.kind]));

export function readVisit(sqlite: Sqlite, visitId: string, ctx: WriteContext): Visit {
  const stored = requireVisit(sqlite, visitId);
  recordAudit(sqlite, ctx, 'view', 'Encounter', visitId);
  return visitOf(sqlite, stored);
}

const newestFirst = (a: Visit, b: Visit) => b.start.localeCompare(a.start);

/** A patient's visits, newest first, each with what was recorded: one indexed lookup. */
export function listPatientVisits(sqlite: Sqlite, patientId: string, ctx: WriteContext): Visit[] {
  const patient = requirePatient(sqlite, patientId);
  const rows = stmt(
    sqlite,
    `SELECT DISTINCT r.* FROM resource_references rr CROSS JOIN resources r ON r.pk = rr.resource_pk
     WHERE rr.target_type = 'Patient' AND rr.target_id = ? AND r.type IN ('Encounter', 'Observation') AND r.deleted = 0`,
  ).all(patientId) as ResourceRow[];
  const encounters: StoredResource[] = [];
  const byEncounter = new Map<string, StoredResource[]>();
  for (const stored of rows.map(fromRow)) {
    if (stored.type === 'Encounter') {
      encounters.push(stored);
      continue;
    }
    const ref = (stored.resource as Observation).encounter?.reference;
    if (!ref) continue;
    const list = byEncounter.get(ref) ?? [];
    list.push(stored);
    byEncounter.set(ref, list);
  }
  recordAudit(sqlite, ctx, 'view', 'Patient', patientId);
  return encounters
    .map((e) => toVisit(e, patient, byEncounter.get(`Encounter/${e.id}`) ?? []))
    .sort(newestFirst)
    .slice(0, VISIT_LIST_MAX);
}

/** Visits that started between dayStart and dayEnd (the laptop's today), newest first. */
export function listVisitsOfDay(sqlite: Sqlite, dayStart: Date, dayEnd: Date): Visit[] {
  // An encounter started today was written today: the (type, updated_at) index narrows to those.
  const rows = stmt(sqlite, "SELECT * FROM resources WHERE type = 'Encounter' AND updated_at >= ? AND deleted = 0").all(
    dayStart.toISOString(),
  ) as ResourceRow[];
  const from = dayStart.getTime();
  const to = dayEnd.getTime();
  return rows
    .map(fromRow)
    .filter((stored) => {
      const start = Date.parse((stored.resource as Encounter).period?.start ?? '');
      return start >= from && start < to;
    })
    .map((stored) => visitOf(sqlite, stored))
    .sort(newestFirst)
    .slice(0, VISIT_LIST_MAX);
}
