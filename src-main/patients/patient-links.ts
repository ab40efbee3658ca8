/**
 * Marking two records as the same person with FHIR Patient.link. Both records stay whole and
 * active: each gets a 'seealso' link to the other. No survivor is chosen ('replaced-by' /
 * 'replaces') because visits and vaccinations may already point at either record, possibly on
 * other laptops, and nothing here moves them; declaring one record retired would hide that
 * history. A later, deliberate merge can still pick a survivor from these links.
 */
import type { LinkedPatient } from '../../src-shared/domain/patient';
import { AppError } from '../../src-shared/errors';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { getResource, updateLocalResource, type WriteContext } from '../store/resource-repo';
import { patientToSummary } from './fhir-patient';

export const LINK_TYPE = 'seealso';

interface PatientLink {
  other?: { reference?: string; display?: string; [key: string]: unknown };
  type?: string;
  [key: string]: unknown;
}

function linksOf(patient: Patient): PatientLink[] {
  return Array.isArray(patient.link) ? (patient.link as PatientLink[]) : [];
}

function linkedId(link: PatientLink): string | null {
  const match = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(link.other?.reference ?? '');
  return match ? match[1]! : null;
}

/** The other records this patient is linked to, named as the patient page shows them. */
export function readLinks(sqlite: Sqlite, patient: Patient): LinkedPatient[] {
  const seen = new Set<string>();
  const out: LinkedPatient[] = [];
  for (const link of linksOf(patient)) {
    const id = linkedId(link);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const other = getResource(sqlite, 'Patient', id);
    const summary = other ? patientToSummary(id, other.resource as Patient) : null;
    out.push({
      id,
      displayName: summary?.displayName ?? link.other?.display ?? 'A record not on this laptop',
      clinicNumber: summary?.clinicNumber ?? '',
      type: link.type ?? LINK_TYPE,
      present: summary !== null,
    });
  }
  return out;
}

function addLink(patient: Patient, otherId: string): Patient {
  return { ...patient, link: [...linksOf(patient), { other: { reference: `Patient/${otherId}` }, type: LINK_TYPE }] };
}

/**
 * Links two records both ways in one transaction: each side is its own versioned edit with its
 * outbox entry and audit record, so both reach the iCDR, and either both are linked or neither.
 */
export function linkPatients(sqlite: Sqlite, id: string, otherId: string, ctx: WriteContext): void {
  if (id === otherId) throw new AppError('VALIDATION', 'A record cannot be marked as the same person as itself.');
  sqlite.transaction(() => {
    const a = getResource(sqlite, 'Patient', id);
    const b = getResource(sqlite, 'Patient', otherId);
    if (!a || !b) throw new AppError('NOT_FOUND', 'One of these patient records is not on this laptop.');
    const already = (p: Patient, other: string) => linksOf(p).some((l) => linkedId(l) === other);
    if (already(a.resource as Patient, otherId) && already(b.resource as Patient, id)) {
      throw new AppError('CONFLICT', 'These two records are already marked as the same person.');
    }
    // A link made halfway elsewhere (only one side synced yet) is completed, not doubled.
    if (!already(a.resource as Patient, otherId)) {
      updateLocalResource(sqlite, 'Patient', id, a.rev, (r) => addLink(r as Patient, otherId), ctx);
    }
    if (!already(b.resource as Patient, id)) {
      updateLocalResource(sqlite, 'Patient', otherId, b.rev, (r) => addLink(r as Patient, id), ctx);
    }
  })();
}

function withoutLink(patient: Patient, otherId: string): Patient {
  const link = linksOf(patient).filter((l) => linkedId(l) !== otherId);
  const next: Patient = { ...patient };
  // An empty list is not valid FHIR: the element goes when its last entry does.
  if (link.length > 0) next.link = link;
  else delete next.link;
  return next;
}

/**
 * Undoes a link made by mistake, on both sides in one transaction. The other record may not be
 * on this laptop (linked elsewhere, not synced here): then only this side changes, and the other
 * side is undone where it lives. Neither record's own data is touched.
 */
export function unlinkPatients(sqlite: Sqlite, id: string, otherId: string, ctx: WriteContext): void {
  sqlite.transaction(() => {
    const a = getResource(sqlite, 'Patient', id);
    if (!a) throw new AppError('NOT_FOUND', 'This patient record is not on this laptop.');
    const linkedTo = (p: Patient, other: string) => linksOf(p).some((l) => linkedId(l) === other);
    if (!linkedTo(a.resource as Patient, otherId)) {
      throw new AppError('CONFLICT', 'These two records are not marked as the same person.');
    }
    updateLocalResource(sqlite, 'Patient', id, a.rev, (r) => withoutLink(r as Patient, otherId), ctx);
    const b = getResource(sqlite, 'Patient', otherId);
    if (b && linkedTo(b.resource as Patient, id)) {
      updateLocalResource(sqlite, 'Patient', otherId, b.rev, (r) => withoutLink(r as Patient, id), ctx);
    }
  })();
}
