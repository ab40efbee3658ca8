/** Register, edit and read patients: the registry's use cases, over the resource store. */
import type { PatientDraft, PatientRecord } from '../../src-shared/domain/patient';
import { AppError, validationError } from '../../src-shared/errors';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import {
  countPendingChanges,
  createLocalResource,
  getResource,
  updateLocalResource,
  type StoredResource,
  type WriteContext,
} from '../store/resource-repo';
import { recordAudit } from '../store/audit-repo';
import { stmt } from '../store/statements';
import { draftToPatient, patientToDraft, patientToSummary, readGuardian } from './fhir-patient';
import { validatePatientDraft } from './validate-draft';
import { nextClinicNumber } from './clinic-number';
import { identifierKey } from './search-keys';
import { readLinks } from './patient-links';

function toRecord(sqlite: Sqlite, stored: StoredResource, now: Date): PatientRecord {
  const patient = stored.resource as Patient;
  const summary = patientToSummary(stored.id, patient);
  return {
    summary,
    draft: patientToDraft(patient, now),
    guardian: readGuardian(patient),
    addressLine: patient.address?.[0]?.line?.join(', ') ?? null,
    rev: stored.rev,
    createdAt: stored.createdAt,
    createdBy: userName(sqlite, stored.createdBy),
    updatedAt: stored.updatedAt,
    updatedBy: userName(sqlite, stored.updatedBy),
    pendingChanges: countPendingChanges(sqlite, 'Patient', stored.id),
    links: readLinks(sqlite, patient),
  };
}

function userName(sqlite: Sqlite, userId: string | null): string | null {
  if (userId === null) return null;
  const row = stmt(sqlite, 'SELECT full_name FROM users WHERE id = ?').get(userId) as { full_name: string } | undefined;
  return row?.full_name ?? null;
}

/** A national ID belongs to one person: a second patient with it is almost surely a duplicate. */
function assertNationalIdFree(sqlite: Sqlite, nationalId: string, exceptPk: number | null): void {
  if (nationalId.trim() === '') return;
  const row = stmt(
    sqlite,
    "SELECT k.resource_pk AS pk, r.id FROM patient_keys k JOIN resources r ON r.pk = k.resource_pk WHERE k.kind = 'national-id' AND k.value = ? AND r.deleted = 0 LIMIT 2",
  ).all(identifierKey(nationalId)) as { pk: number; id: string }[];
  const other = row.find((r) => r.pk !== exceptPk);
  if (other) {
    const existing = getResource(sqlite, 'Patient', other.id);
    const number = existing ? patientToSummary(other.id, existing.resource as Patient).clinicNumber : '';
    throw validationError({
      nationalId: `Another patient${number ? ` (clinic number ${number})` : ''} already has this national ID. Search for them before registering again.`,
    });
  }
}

export function registerPatient(sqlite: Sqlite, draft: PatientDraft, ctx: WriteContext): PatientRecord {
  const birth = validatePatientDraft(draft, ctx.now);
  return sqlite.transaction(() => {
    assertNationalIdFree(sqlite, draft.nationalId, null);
    const patient = draftToPatient(draft, {
      birthDate: birth.birthDate,
      estimated: birth.estimated,
      clinicNumber: nextClinicNumber(sqlite),
    });
    const stored = createLocalResource(sqlite, patient, ctx);
    return toRecord(sqlite, stored, ctx.now);
  })();
}

export function updatePatient(
  sqlite: Sqlite,
  id: string,
  rev: number,
  draft: PatientDraft,
  ctx: WriteContext,
): PatientRecord {
  const birth = validatePatientDraft(draft, ctx.now);
  return sqlite.transaction(() => {
    const current = getResource(sqlite, 'Patient', id);
    if (!current) throw new AppError('NOT_FOUND', 'This patient is not on this laptop.');
    assertNationalIdFree(sqlite, draft.nationalId, current.pk);
    const stored = updateLocalResource(
      sqlite,
      'Patient',
      id,
      rev,
      (resource) => {
        const existing = resource as Patient;
        // The clinic number is never edited: it is printed on cards and quoted by families.
        // A patient registered elsewhere keeps having none: minting one here on every laptop
        // that edits the record would make each laptop's edit collide with the others'.
        const clinicNumber = patientToSummary(id, existing).clinicNumber;
        // An unchanged estimate keeps its date: recomputing from today would shift it each edit.
        const before = patientToDraft(existing, ctx.now).birth;
        const unchangedEstimate =
          draft.birth.kind === 'estimated' &&
          before.kind === 'estimated' &&
          before.years === draft.birth.years &&
          before.months === draft.birth.months;
        const birthDate = unchangedEstimate && existing.birthDate ? existing.birthDate : birth.birthDate;
        return draftToPatient(draft, { birthDate, estimated: birth.estimated, clinicNumber }, existing);
      },
      ctx,
    );
    return toRecord(sqlite, stored, ctx.now);
  })();
}

/** Reading a record is itself audited: who looked at which patient is part of the trail. */
export function readPatient(sqlite: Sqlite, id: string, ctx: WriteContext): PatientRecord {
  const stored = getResource(sqlite, 'Patient', id);
  if (!stored) throw new AppError('NOT_FOUND', 'This patient is not on this laptop.');
  recordAudit(sqlite, ctx, 'view', 'Patient', id);
  return toRecord(sqlite, stored, ctx.now);
}
