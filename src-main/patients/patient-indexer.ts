import type { Patient } from '../../src-shared/fhir/types';
import { CLINIC_NUMBER_SYSTEM, NATIONAL_ID_SYSTEM } from '../../src-shared/fhir/systems';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { fold, nameTokens, phoneticKey } from './name-keys';
import { identifierKey, phoneKey } from './search-keys';
import { primaryName } from './fhir-patient';

type KeyKind = 'clinic-number' | 'national-id' | 'other-id' | 'phone';

export function indexPatient(sqlite: Sqlite, pk: number, patient: Patient, fresh = false): void {
  const { given, family } = primaryName(patient);
  const birthDate = typeof patient.birthDate === 'string' ? patient.birthDate : null;
  const year = birthDate ? Number(birthDate.slice(0, 4)) : NaN;
  stmt(
    sqlite,
    'INSERT OR REPLACE INTO patient_index (resource_pk, sort_name, sex, birth_date, birth_year) VALUES (?, ?, ?, ?, ?)',
  ).run(
    pk,
    fold(`${family} ${given}`).trim(),
    patient.gender ?? 'unknown',
    birthDate,
    Number.isFinite(year) ? year : null,
  );

  if (!fresh) stmt(sqlite, 'DELETE FROM patient_name_tokens WHERE resource_pk = ?').run(pk);
  const insertToken = stmt(
    sqlite,
    'INSERT OR IGNORE INTO patient_name_tokens (resource_pk, token, phonetic) VALUES (?, ?, ?)',
  );
  // Every name the patient is known by (maiden, nickname...) finds them, not only the edited one.
  const allNames = (patient.name ?? []).flatMap((n) => [...(n.given ?? []), n.family ?? '', n.text ?? '']);
  for (const token of new Set(nameTokens([given, family, ...allNames].join(' ')))) {
    insertToken.run(pk, token, phoneticKey(token));
  }

  if (!fresh) stmt(sqlite, 'DELETE FROM patient_keys WHERE resource_pk = ?').run(pk);
  const insertKey = stmt(sqlite, 'INSERT OR IGNORE INTO patient_keys (resource_pk, kind, value) VALUES (?, ?, ?)');
  for (const identifier of patient.identifier ?? []) {
    if (typeof identifier.value !== 'string') continue;
    const value = identifierKey(identifier.value);
    if (value === '') continue;
    const kind: KeyKind =
      identifier.system === CLINIC_NUMBER_SYSTEM
        ? 'clinic-number'
        : identifier.system === NATIONAL_ID_SYSTEM
          ? 'national-id'
          : 'other-id';
    insertKey.run(pk, kind, value);
  }
  const phones = [...(patient.telecom ?? []), ...(patient.contact ?? []).flatMap((c) => c.telecom ?? [])];
  for (const telecom of phones) {
    if (telecom.system !== 'phone' || typeof telecom.value !== 'string') continue;
    const value = phoneKey(telecom.value);
    if (value.length >= 4) insertKey.run(pk, 'phone', value);
  }
}
