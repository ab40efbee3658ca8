/**
 * Demo data: generated patients stored as if they had come from the central registry.
 *
 * Why central and not registerPatient: a demo clinic should look like one that has synced,
 * where the registry's patients are already known to the iCDR and only what the presenter
 * registers during the demo shows as "not yet sent". Thousands of pending changes would
 * misrepresent the sync screen, and a sync worker pointed at a test iCDR would push them all.
 * The patients still go through the same validation and FHIR mapping as the registration form.
 */
import { randomUUID } from 'node:crypto';
import type { Sqlite } from '../store/client';
import { putCentralResource } from '../store/resource-repo';
import { readSetting, writeSetting } from '../store/settings-repo';
import { nextClinicNumber } from '../patients/clinic-number';
import { draftToPatient } from '../patients/fhir-patient';
import { validatePatientDraft } from '../patients/validate-draft';
import { DEFAULT_SEED, generatePatients } from './generate-patients';

/** Set in the same transaction as the patients: a re-run after a crash does not add them twice. */
export const DEMO_PATIENTS_SETTING = 'demo.generated-patients';

export interface SeedOptions {
  seed?: number;
  now?: Date;
}

/** Stores `count` generated patients once per database; returns how many were added now. */
export function seedDemoPatients(sqlite: Sqlite, count: number, options: SeedOptions = {}): number {
  const now = options.now ?? new Date();
  return sqlite.transaction(() => {
    if (readSetting<number>(sqlite, DEMO_PATIENTS_SETTING) !== undefined) return 0;
    let added = 0;
    for (const draft of generatePatients(count, { seed: options.seed ?? DEFAULT_SEED, now })) {
      const birth = validatePatientDraft(draft, now);
      const patient = draftToPatient(draft, {
        birthDate: birth.birthDate,
        estimated: birth.estimated,
        clinicNumber: nextClinicNumber(sqlite),
      });
      putCentralResource(sqlite, { ...patient, id: randomUUID() }, { userId: null, now });
      added += 1;
    }
    writeSetting(sqlite, DEMO_PATIENTS_SETTING, added);
    return added;
  })();
}
