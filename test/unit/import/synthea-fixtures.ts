/** The Synthea R4 sample bundles kept beside the repository (../shared/fixtures/synthea-r4). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SYNTHEA_DIR = resolve(
  process.env.KLINIKI_SYNTHEA_FIXTURES ??
    join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'fixtures', 'synthea-r4'),
);

if (!existsSync(SYNTHEA_DIR)) {
  throw new Error(
    `The Synthea fixtures are missing: expected them in ${SYNTHEA_DIR} (or set KLINIKI_SYNTHEA_FIXTURES).`,
  );
}

export const HOSPITALS = 'hospitalInformation1603148702656.json';
export const PRACTITIONERS = 'practitionerInformation1603148702656.json';
export const BIBI = 'Bibi254_Schowalter414_475d72ca-91c7-7211-97e3-f000af33fc04.json';
export const BIBI_ID = '475d72ca-91c7-7211-97e3-f000af33fc04';
/** These two patients share one Organization and one Practitioner. */
export const DENISHA = 'Denisha680_Keeling57_6a93e0ad-9bd0-6d85-34a7-015186f7880a.json';
export const HIPOLITO = 'Hipolito984_Schulist381_6b9c211c-2c38-3955-43a0-4d285c714fab.json';
export const SHARED_ORGANIZATION = '5e765f2b-e908-3888-9fc7-df2cb87beb58';

export const fixture = (name: string): string => join(SYNTHEA_DIR, name);

export interface RawBundle {
  resourceType: string;
  type: string;
  entry: {
    fullUrl: string;
    resource: { resourceType: string; id?: string; [key: string]: unknown };
    request?: unknown;
  }[];
}

export function readFixture(name: string): RawBundle {
  return JSON.parse(readFileSync(fixture(name), 'utf8')) as RawBundle;
}
