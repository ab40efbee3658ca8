/**
 * Immunizations: recording doses given (or due and not given) and reading a patient's
 * vaccinations against the schedule in force. A save builds every FHIR resource and checks it
 * first, then writes them all in one transaction: one wrong dose saves nothing.
 */
import type {
  ImmunizationEntry,
  PatientImmunizations,
  RecordImmunizations,
  RecordImmunizationsResult,
  ScheduleStatus,
} from '../../src-shared/domain/immunization';
import { AppError, validationError, type FieldErrors } from '../../src-shared/errors';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { recordAudit } from '../store/audit-repo';
import {
  createLocalResource,
  fromRow,
  getResource,
  updateLocalResource,
  type ResourceRow,
  type StoredResource,
  type WriteContext,
} from '../store/resource-repo';
import { stmt } from '../store/statements';
import { canMove, withStatus, type Encounter } from '../visits/fhir-encounter';
import type { ActiveSchedule } from './active-schedule';
import { seriesDue } from './due';
import type { Immunization } from './fhir-immunization';
import { buildImmunization, checkDose, type CheckedDose, type DoseContext } from './immunization-resource';
import { givenDoses, localDate, patientImmunizations } from './immunization-view';
import { isIsoDate } from './iso-date';

export interface UserContext extends WriteContext {
  userId: string;
  fullName: string;
}

/**
 * A patient's Immunizations, found through the reference index (never a scan). CROSS JOIN keeps
 * SQLite from starting at every Immunization of the clinic (its type index) instead.
 */
export const PATIENT_IMMUNIZATIONS_SQL = `SELECT DISTINCT r.* FROM resource_references rr CROSS JOIN resources r ON r.pk = rr.resource_pk
  WHERE rr.target_type = 'Patient' AND rr.target_id = ? AND rr.path = 'patient'
    AND r.type = 'Immunization' AND r.deleted = 0`;

export function immunizationsOfPatient(sqlite: Sqlite, patientId: string): StoredResource[] {
  const rows = stmt(sqlite, PATIENT_IMMUNIZATIONS_SQL).all(patientId) as ResourceRow[];
  return rows.map(fromRow);
}

function requirePatient(sqlite: Sqlite, patientId: string): Patient {
  const stored = getResource(sqlite, 'Patient', patientId);
  if (!stored) throw new AppError('NOT_FOUND', 'This patient is not on this laptop.');
  return stored.resource as Patient;
}

function birthDateOf(patient: Patient): string | null {
  return typeof patient.birthDate === 'string' && isIsoDate(patient.birthDate) ? patient.birthDate : null;
}

/** The visit the doses belong to: this patient's, and still open. */
function openVisit(sqlite: Sqlite, visitId: string, patientId: string): StoredResource {
  const stored = getResource(sqlite, 'Encounter', visitId);
  if (!stored) throw new AppError('NOT_FOUND', 'This visit is not on this laptop.');
  const encounter = stored.resource as Encounter;
  if (encounter.subject?.reference !== `Patient/${patientId}`) {
    throw validationError({ visitId: 'This visit is not a visit of this patient.' });
  }
  if (encounter.status === 'finished') {
    throw new AppError('CONFLICT', 'This visit is already finished; start a new visit to record more.');
  }
  return stored;
}

export function readPatientImmunizations(
  sqlite: Sqlite,
  schedule: ActiveSchedule,
  patientId: string,
  ctx: WriteContext,
): PatientImmunizations {
  const patient = requirePatient(sqlite, patientId);
  recordAudit(sqlite, ctx, 'view', 'Patient', patientId);
  return patientImmunizations(
    patientId,
    birthDateOf(patient),
    immunizationsOfPatient(sqlite, patientId),
    schedule,
    localDate(ctx.now),
  );
}

/** Refuses the same vaccine twice in one save, or a second dose on a day one is already recorded. */
function checkRepeats(checked: (CheckedDose | null)[], existing: StoredResource[], fields: FieldErrors): void {
  const seen = new Set<string>();
  const recordedDays = new Set(
    givenDoses(existing)
      .filter((g) => g.status === 'completed')
      .map((g) => `${g.vaccineCode.system}|${g.vaccineCode.code}|${g.date}`),
  );
  checked.forEach((dose, i) => {
    if (!dose) return;
    if (seen.has(dose.series.id)) {
      fields[`doses.${i}.seriesId`] = 'This vaccine is listed twice in this save; record one dose at a time.';
    }
    seen.add(dose.series.id);
    const sameDay = dose.series.vaccineCodes.some((c) => recordedDays.has(`${c.system}|${c.code}|${dose.date}`));
    if (dose.entry.outcome === 'given' && sameDay) {
      fields[`doses.${i}.date`] = 'A dose of this vaccine is already recorded on this date.';
    }
  });
}

/** The schedule dose this one is meant as: the one it counts as, else the next one due. */
function intendedDose(dose: CheckedDose, birthDate: string | null, existing: StoredResource[], today: string) {
  const before = givenDoses(existing);
  if (birthDate === null) {
    const counted = before.filter(
      (g) =>
        g.status === 'completed' &&
        dose.series.vaccineCodes.some((c) => c.code === g.vaccineCode.code && c.system === g.vaccineCode.system),
    );
    return dose.series.doses[counted.length]?.doseNumber;
  }
  if (dose.entry.outcome === 'given') {
    const withThis = [
      ...before,
      { vaccineCode: dose.vaccine, date: dose.date, status: 'completed' as const, id: '\0new' },
    ];
    const counted = seriesDue(dose.series, birthDate, withThis, today).doses.find((d) => d.immunizationId === '\0new');
    if (counted?.countedAs !== undefined) return counted.countedAs;
  }
  return seriesDue(dose.series, birthDate, before, today).next?.doseNumber;
}

export function recordImmunizations(
  sqlite: Sqlite,
  schedule: ActiveSchedule,
  input: RecordImmunizations,
  ctx: UserContext,
): RecordImmunizationsResult {
  return sqlite.transaction(() => {
    const patient = requirePatient(sqlite, input.patientId);
    const visit = input.visitId !== undefined ? openVisit(sqlite, input.visitId, input.patientId) : null;
    const doseCtx: DoseContext = {
      patientId: input.patientId,
      birthDate: birthDateOf(patient),
      today: localDate(ctx.now),
      now: ctx.now,
      visitId: input.visitId,
      user: { id: ctx.userId, fullName: ctx.fullName },
    };
    const existing = immunizationsOfPatient(sqlite, input.patientId);
    const seriesById = new Map(schedule.schedule.series.map((s) => [s.id, s]));
    const fields: FieldErrors = {};
    const checked = input.doses.map((entry, i) => checkDose(entry, i, seriesById, doseCtx, fields));
    checkRepeats(checked, existing, fields);
    if (Object.keys(fields).length > 0) throw validationError(fields);
    const resources = checked.flatMap((dose) =>
      dose ? [buildImmunization(dose, intendedDose(dose, doseCtx.birthDate, existing, doseCtx.today), doseCtx)] : [],
    );
    // Every resource is built and checked before the first write: the place for business rules.
    const saved = resources.map((resource) => createLocalResource(sqlite, resource, ctx));
    if (visit && canMove((visit.resource as Encounter).status, 'in-progress')) {
      updateLocalResource(
        sqlite,
        'Encounter',
        visit.id,
        visit.rev,
        (r) => withStatus(r as Encounter, 'in-progress', ctx.now),
        ctx,
      );
    }
    const overview = patientImmunizations(
      input.patientId,
      doseCtx.birthDate,
      immunizationsOfPatient(sqlite, input.patientId),
      schedule,
      doseCtx.today,
    );
    // In the order the nurse entered them, which is the order she reads them back in.
    const savedEntries: ImmunizationEntry[] = saved.flatMap((s) => overview.history.filter((h) => h.id === s.id));
    return { saved: savedEntries, patient: overview };
  })();
}

/** Corrects a mistaken record: it stays, marked entered-in-error with the reason, and stops counting. */
export function markEnteredInError(
  sqlite: Sqlite,
  schedule: ActiveSchedule,
  id: string,
  reason: string,
  ctx: WriteContext,
): PatientImmunizations {
  const why = reason.trim();
  if (why === '') throw validationError({ reason: 'Say what was wrong with this record.' });
  if (why.length > 200) throw validationError({ reason: 'Keep the reason under 200 characters.' });
  return sqlite.transaction(() => {
    const stored = getResource(sqlite, 'Immunization', id);
    if (!stored) throw new AppError('NOT_FOUND', 'This vaccination record is not on this laptop.');
    const current = stored.resource as Immunization;
    if (current.status === 'entered-in-error') {
      throw new AppError('CONFLICT', 'This vaccination record is already marked as entered in error.');
    }
    updateLocalResource(
      sqlite,
      'Immunization',
      id,
      stored.rev,
      (r) => ({
        ...r,
        status: 'entered-in-error',
        note: [...((r as Immunization).note ?? []), { text: `Entered in error: ${why}` }],
      }),
      ctx,
    );
    const patientId = current.patient?.reference?.replace(/^Patient\//, '') ?? '';
    return readPatientImmunizations(sqlite, schedule, patientId, ctx);
  })();
}

export function scheduleStatus(active: ActiveSchedule): ScheduleStatus {
  return {
    source: active.source,
    versions: active.versions,
    series: active.schedule.series.map((s) => ({
      id: s.id,
      title: s.title,
      version: s.version ?? null,
      doses: s.doses.map((d) => ({ title: d.title, recommendedAge: d.recommendedAge })),
    })),
    problems: active.problems,
  };
}
