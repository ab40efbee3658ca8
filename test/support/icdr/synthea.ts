// Loads the Synthea R4 fixture bundles (../shared/fixtures/synthea-r4 relative to the repo root).
// Hospital and practitioner bundles come first so that the patient bundles' references to shared
// Organizations and Practitioners resolve to them.
import type { Bundle } from '@medplum/fhirtypes';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SYNTHEA_DIR = fileURLToPath(new URL('../../../../shared/fixtures/synthea-r4', import.meta.url));

function rank(file: string): number {
  if (file.startsWith('hospitalInformation')) return 0;
  if (file.startsWith('practitionerInformation')) return 1;
  return 2;
}

/** The fixture bundles in load order; an empty list when the folder is absent. */
export function loadSyntheaBundles(dir = SYNTHEA_DIR): Bundle[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Bundle);
}
