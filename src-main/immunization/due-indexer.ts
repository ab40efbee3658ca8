/**
 * The due list's index rows, written in the writer's transaction for every Immunization and
 * Appointment (local saves and sync pulls alike). The rows hold exactly what toGiven reads, so the
 * list agrees with the per-child computation without parsing any Immunization JSON.
 * Migration 0002 backfills the same rows in SQL; keep the two in step.
 */
import type { FhirResource } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { toGiven, type Immunization } from './fhir-immunization';

const PATIENT_REFERENCE = /^Patient\/([A-Za-z0-9\-.]{1,64})$/;
const DAY = /^\d{4}-\d{2}-\d{2}/;

export interface ImmunizationRow {
  patientId: string;
  date: string;
  status: 'completed' | 'not-done';
  /** Every coding as `system|code`, one per line. */
  codes: string;
}

export function immunizationRow(resource: Immunization): ImmunizationRow | null {
  const given = toGiven(resource);
  if (!given) return null;
  const codes = [given.vaccineCode, ...(given.otherCodes ?? [])].map((c) => `${c.system}|${c.code}`).join('\n');
  return { patientId: given.patientId, date: given.date, status: given.status, codes };
}

export interface AppointmentRow {
  patientId: string;
  date: string;
  status: string;
}

interface AppointmentShape {
  status?: unknown;
  start?: unknown;
  participant?: unknown;
}

/** The first participant that refers to a Patient is the one asked to come back. */
export function appointmentRow(resource: FhirResource): AppointmentRow | null {
  const a = resource as AppointmentShape;
  if (typeof a.status !== 'string' || typeof a.start !== 'string' || !Array.isArray(a.participant)) return null;
  const day = DAY.exec(a.start)?.[0];
  if (day === undefined) return null;
  const reference = (a.participant as { actor?: { reference?: unknown } }[])
    .map((p) => p?.actor?.reference)
    .find((r): r is string => typeof r === 'string' && r.startsWith('Patient/') && r.length > 8);
  const patientId = reference === undefined ? undefined : PATIENT_REFERENCE.exec(reference)?.[1];
  if (patientId === undefined) return null;
  return { patientId, date: day, status: a.status };
}

interface PatientShape {
  id?: string;
  active?: unknown;
  deceasedBoolean?: unknown;
  deceasedDateTime?: unknown;
  address?: { city?: unknown; district?: unknown }[];
  link?: { type?: unknown }[];
}

/** Whether the patient is called in at all: not inactive, not deceased, not merged into another record. */
export function isListed(resource: FhirResource): boolean {
  const p = resource as PatientShape;
  const linked = Array.isArray(p.link) && p.link.some((l) => l?.type === 'replaced-by');
  return p.active !== false && p.deceasedBoolean !== true && p.deceasedDateTime === undefined && !linked;
}

/** The village as lists show it (patientToSummary's rule). */
export function villageOf(resource: FhirResource): string | null {
  const address = (resource as PatientShape).address?.[0];
  const value = address?.city ?? address?.district ?? null;
  return typeof value === 'string' ? value : null;
}

export function indexForDueList(sqlite: Sqlite, pk: number, resource: FhirResource, fresh: boolean): void {
  if (resource.resourceType === 'Patient') {
    // After indexPatient: birth date and sort name are taken from its row, computed once.
    stmt(
      sqlite,
      `INSERT OR REPLACE INTO due_child (resource_pk, patient_id, birth_date, sort_name, village, listed)
       SELECT resource_pk, ?, birth_date, sort_name, ?, ? FROM patient_index WHERE resource_pk = ?`,
    ).run(resource.id ?? '', villageOf(resource), isListed(resource) ? 1 : 0, pk);
  } else if (resource.resourceType === 'Immunization') {
    if (!fresh) stmt(sqlite, 'DELETE FROM immunization_index WHERE resource_pk = ?').run(pk);
    const row = immunizationRow(resource as Immunization);
    if (row) {
      stmt(
        sqlite,
        'INSERT INTO immunization_index (resource_pk, patient_id, date, status, codes) VALUES (?, ?, ?, ?, ?)',
      ).run(pk, row.patientId, row.date, row.status, row.codes);
    }
  } else if (resource.resourceType === 'Appointment') {
    if (!fresh) stmt(sqlite, 'DELETE FROM appointment_index WHERE resource_pk = ?').run(pk);
    const row = appointmentRow(resource);
    if (row) {
      stmt(sqlite, 'INSERT INTO appointment_index (resource_pk, patient_id, date, status) VALUES (?, ?, ?, ?)').run(
        pk,
        row.patientId,
        row.date,
        row.status,
      );
    }
  }
}
