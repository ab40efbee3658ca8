/**
 * "Come back on <date>": a FHIR R4 Appointment (status booked, the patient as participant, the
 * whole day as start/end) pointing at the visit it came from through supportingInformation —
 * R4's reasonReference and basedOn cannot point at an Encounter. It syncs like any resource.
 * A follow-up is missed when its day has passed and the patient has had no visit since.
 */
import type { FollowUp, MissedFollowUp } from '../../src-shared/domain/due-list';
import { AppError, validationError } from '../../src-shared/errors';
import type { FhirResource, Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
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
import { patientToSummary } from '../patients/fhir-patient';
import { addDays, daysBetween, isIsoDate } from '../immunization/iso-date';

/** How far ahead a follow-up may be booked. */
export const FOLLOW_UP_MAX_DAYS = 366;

interface Appointment extends FhirResource {
  resourceType: 'Appointment';
  status: string;
  start?: string;
  end?: string;
}

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** A local wall-clock time with the laptop's UTC offset, as FHIR instants want. */
function localInstant(date: string, time: [number, number, number]): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d, ...time);
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date}T${pad(time[0])}:${pad(time[1])}:${pad(time[2])}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

function toFollowUp(stored: StoredResource): FollowUp {
  const a = stored.resource as Appointment;
  return { appointmentId: stored.id, date: (a.start ?? '').slice(0, 10), status: a.status };
}

function visitFollowUps(sqlite: Sqlite, visitId: string): StoredResource[] {
  const rows = stmt(
    sqlite,
    `SELECT DISTINCT r.* FROM resource_references rr JOIN resources r ON r.pk = rr.resource_pk
     WHERE rr.target_type = 'Encounter' AND rr.target_id = ? AND rr.path = 'supportingInformation'
       AND r.type = 'Appointment' AND r.deleted = 0 ORDER BY r.pk`,
  ).all(visitId) as ResourceRow[];
  return rows.map(fromRow).filter((s) => (s.resource as Appointment).status === 'booked');
}

/** The booked follow-up of a visit, if any. */
export function getFollowUp(sqlite: Sqlite, visitId: string): FollowUp | null {
  const found = visitFollowUps(sqlite, visitId).at(-1);
  return found ? toFollowUp(found) : null;
}

/** Books, moves or (date null) cancels the follow-up of a visit. */
export function setFollowUp(
  sqlite: Sqlite,
  visitId: string,
  date: string | null,
  today: string,
  ctx: WriteContext,
): FollowUp | null {
  const visit = getResource(sqlite, 'Encounter', visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'This visit is not on this laptop.');
  const subject = (visit.resource as { subject?: { reference?: string } }).subject?.reference;
  if (typeof subject !== 'string' || !subject.startsWith('Patient/')) {
    throw new AppError('NOT_FOUND', 'This visit has no patient, so no follow-up can be booked.');
  }
  if (date !== null) {
    if (!isIsoDate(date)) throw validationError({ date: 'Enter the follow-up date as a full date.' });
    if (date <= today) throw validationError({ date: 'The follow-up date must be after today.' });
    if (date > addDays(today, FOLLOW_UP_MAX_DAYS)) {
      throw validationError({ date: 'The follow-up date must be within one year from today.' });
    }
  }
  const existing = visitFollowUps(sqlite, visitId).at(-1);
  if (date === null) {
    if (!existing) return null;
    updateLocalResource(sqlite, 'Appointment', existing.id, existing.rev, (a) => ({ ...a, status: 'cancelled' }), ctx);
    return null;
  }
  const when = { start: localInstant(date, [0, 0, 0]), end: localInstant(date, [23, 59, 59]) };
  if (existing) {
    return toFollowUp(
      updateLocalResource(sqlite, 'Appointment', existing.id, existing.rev, (a) => ({ ...a, ...when }), ctx),
    );
  }
  const appointment: Appointment = {
    resourceType: 'Appointment',
    status: 'booked',
    description: 'Follow-up visit',
    ...when,
    created: ctx.now.toISOString(),
    participant: [{ actor: { reference: subject }, required: 'required', status: 'accepted' }],
    supportingInformation: [{ reference: `Encounter/${visitId}` }],
  };
  return toFollowUp(createLocalResource(sqlite, appointment, ctx));
}

/**
 * Booked follow-ups whose day is before today with no visit of the patient from that day on,
 * most recently missed first. Encounter start instants are compared in UTC against the local
 * start of the follow-up day (SQLite's 'utc' modifier uses the laptop's time zone, as Node does).
 */
export function missedFollowUps(
  sqlite: Sqlite,
  today: string,
  limit: number,
): { total: number; rows: MissedFollowUp[] } {
  const rows = stmt(
    sqlite,
    `SELECT a.patient_id AS patientId, a.date AS date, ar.id AS appointmentId, p.id AS pid, p.json AS json
     FROM appointment_index a
     JOIN resources ar ON ar.pk = a.resource_pk
     JOIN resources p ON p.type = 'Patient' AND p.id = a.patient_id AND p.deleted = 0
     WHERE a.status = 'booked' AND a.date < ?
       AND NOT EXISTS (
         SELECT 1 FROM resource_references rr JOIN resources e ON e.pk = rr.resource_pk
         WHERE rr.target_type = 'Patient' AND rr.target_id = a.patient_id AND rr.path = 'subject'
           AND e.type = 'Encounter' AND e.deleted = 0
           AND strftime('%Y-%m-%dT%H:%M:%fZ', json_extract(e.json, '$.period.start'))
               >= strftime('%Y-%m-%dT%H:%M:%fZ', a.date, 'utc'))
     ORDER BY a.date DESC, a.patient_id`,
  ).all(today) as { patientId: string; date: string; appointmentId: string; json: string }[];
  return {
    total: rows.length,
    rows: rows.slice(0, limit).map((r) => {
      const summary = patientToSummary(r.patientId, JSON.parse(r.json) as Patient);
      return {
        appointmentId: r.appointmentId,
        patientId: r.patientId,
        name: summary.displayName,
        clinicNumber: summary.clinicNumber,
        phone: summary.phone,
        village: summary.village,
        date: r.date,
        daysMissed: daysBetween(r.date, today),
      };
    }),
  };
}
