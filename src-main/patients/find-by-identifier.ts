/**
 * Exact identifier look-up: a scanned patient card names one clinic number, and only the
 * record(s) holding exactly that number may open — never a prefix or a sound-alike as the
 * type-ahead search would offer.
 */
import type { PatientSummary } from '../../src-shared/domain/patient';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { patientToSummary } from './fhir-patient';
import { identifierKey } from './search-keys';

/** The identifiers a card or a person may quote exactly (kinds of patient_keys). */
export type IdentifierKind = 'clinic-number' | 'national-id';

/** More than one record with a clinic number is a duplicate to resolve; a handful is plenty to show. */
const MAX_MATCHES = 10;

export function findPatientsByIdentifier(sqlite: Sqlite, kind: IdentifierKind, value: string): PatientSummary[] {
  const key = identifierKey(value);
  if (key === '') return [];
  // Deleted records keep no index rows, so the deleted check only guards a half-applied state.
  const rows = stmt(
    sqlite,
    `SELECT r.id, r.json FROM patient_keys k JOIN resources r ON r.pk = k.resource_pk
     WHERE k.kind = ? AND k.value = ? AND r.type = 'Patient' AND r.deleted = 0
     ORDER BY r.pk LIMIT ?`,
  ).all(kind, key, MAX_MATCHES) as { id: string; json: string }[];
  return rows.map((row) => patientToSummary(row.id, JSON.parse(row.json) as Patient));
}
