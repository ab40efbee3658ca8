import { mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src-main/core';
import { silentLogger } from '../../../src-main/log/logger';
import { importBundleFolder, importOrder } from '../../../src-main/import/bundle-folder';
import {
  BundleImportError,
  MAX_BUNDLE_BYTES,
  importBundle,
  importBundleFile,
  parseBundleText,
  type ImportProblem,
} from '../../../src-main/import/fhir-bundle';
import { getResource, createLocalResource } from '../../../src-main/store/resource-repo';
import { searchPatients } from '../../../src-main/patients/search';
import { isValidClinicNumber } from '../../../src-main/patients/clinic-number';
import { CLINIC_NUMBER_SYSTEM } from '../../../src-shared/fhir/systems';
import type { FhirResource, Identifier } from '../../../src-shared/fhir/types';
import type { Sqlite } from '../../../src-main/store/client';
import {
  BIBI,
  BIBI_ID,
  DENISHA,
  HIPOLITO,
  HOSPITALS,
  PRACTITIONERS,
  SHARED_ORGANIZATION,
  SYNTHEA_DIR,
  fixture,
  readFixture,
} from './synthea-fixtures';

const NOW = new Date('2025-03-01T09:00:00Z');
let dir: string;
let core: Core;
let sqlite: Sqlite;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kliniki-import-'));
  core = await createCore({ dataDir: dir, logger: silentLogger, now: () => NOW });
  sqlite = core.store.sqlite;
});

afterEach(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

function countByType(): Record<string, number> {
  const rows = sqlite.prepare('SELECT type, count(*) AS n FROM resources GROUP BY type').all() as {
    type: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

function stored<T extends FhirResource = FhirResource>(type: string, id: string): T {
  const found = getResource(sqlite, type, id);
  if (!found) throw new Error(`${type}/${id} is not stored`);
  return found.resource as T;
}

/** Everything that an import could change, to prove a refused file changed nothing. */
function snapshot(): string {
  return JSON.stringify({
    resources: sqlite.prepare('SELECT type, id, rev, json FROM resources ORDER BY pk').all(),
    refs: sqlite.prepare('SELECT count(*) AS n FROM resource_references').get(),
    keys: sqlite.prepare('SELECT count(*) AS n FROM patient_keys').get(),
    settings: sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all(),
    outbox: sqlite.prepare('SELECT count(*) AS n FROM outbox').get(),
  });
}

function expectRefused(action: () => unknown, problem: ImportProblem): BundleImportError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(BundleImportError);
    const refused = error as BundleImportError;
    expect(refused.problem).toBe(problem);
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/Nothing was imported/);
    return refused;
  }
  throw new Error('the import was not refused');
}

describe('importing the Synthea sample folder', () => {
  it('keeps every resource of every type, storing shared Organizations and Practitioners once', () => {
    const report = importBundleFolder(sqlite, SYNTHEA_DIR, { now: NOW });

    // What the files hold, counted independently of the importer.
    const inFiles: Record<string, number> = {};
    const identifiers = new Map<string, Set<string>>();
    for (const name of readdirSync(SYNTHEA_DIR).filter((n) => n.endsWith('.json'))) {
      for (const { resource } of readFixture(name).entry) {
        inFiles[resource.resourceType] = (inFiles[resource.resourceType] ?? 0) + 1;
        const ids = identifiers.get(resource.resourceType) ?? new Set<string>();
        for (const i of (resource.identifier as Identifier[] | undefined) ?? []) ids.add(`${i.system}|${i.value}`);
        identifiers.set(resource.resourceType, ids);
      }
    }
    const stored = countByType();
    for (const [type, n] of Object.entries(inFiles)) {
      if (type === 'Organization' || type === 'Practitioner') {
        expect(stored[type]).toBe(identifiers.get(type)!.size);
        expect((report.written[type] ?? 0) + (report.deduplicated[type] ?? 0)).toBe(n);
      } else {
        expect(stored[type], type).toBe(n);
        expect(report.written[type], type).toBe(n);
      }
    }
    expect(Object.keys(stored).sort()).toEqual(Object.keys(inFiles).sort());
    for (const type of ['Claim', 'ExplanationOfBenefit', 'CareTeam', 'CarePlan'])
      expect(stored[type]).toBeGreaterThan(0);
    expect(report.files.map((f) => f.source).slice(0, 2)).toEqual([HOSPITALS, PRACTITIONERS]);
  });

  it('rewrites urn:uuid references to the imported ids, so every reference resolves', () => {
    importBundleFolder(sqlite, SYNTHEA_DIR, { now: NOW });
    const leftovers = sqlite
      .prepare('SELECT count(*) AS n FROM resources WHERE json LIKE \'%"reference":"urn:%\'')
      .get() as { n: number };
    expect(leftovers.n).toBe(0);
    const dangling = sqlite
      .prepare(
        'SELECT count(*) AS n FROM resource_references rr LEFT JOIN resources r ON r.type = rr.target_type AND r.id = rr.target_id WHERE r.pk IS NULL',
      )
      .get() as { n: number };
    expect(dangling.n).toBe(0);

    const encounterId = readFixture(BIBI).entry.find((e) => e.resource.resourceType === 'Encounter')!.resource.id!;
    const encounter = stored<FhirResource & { subject: { reference: string }; serviceProvider: { reference: string } }>(
      'Encounter',
      encounterId,
    );
    expect(encounter.subject.reference).toBe(`Patient/${BIBI_ID}`);
    const [type, orgId] = encounter.serviceProvider.reference.split('/');
    expect(type).toBe('Organization');
    expect(stored('Organization', orgId!).resourceType).toBe('Organization');
    // Contained references are local to the resource and stay as they were.
    expect(
      sqlite
        .prepare(
          'SELECT count(*) AS n FROM resources WHERE type = \'ExplanationOfBenefit\' AND json LIKE \'%"reference":"#coverage"%\'',
        )
        .get(),
    ).toEqual({ n: 99 });
  });

  it('gives each patient a clinic number and finds them by name and by that number', () => {
    const report = importBundleFolder(sqlite, SYNTHEA_DIR, { now: NOW });
    const patients = report.files.flatMap((f) => f.patients);
    expect(patients).toHaveLength(7);
    expect(new Set(patients.map((p) => p.clinicNumber)).size).toBe(7);
    for (const { clinicNumber } of patients) expect(isValidClinicNumber(clinicNumber)).toBe(true);

    const bibi = patients.find((p) => p.id === BIBI_ID)!;
    const identifiers = stored<FhirResource & { identifier: Identifier[] }>('Patient', BIBI_ID).identifier;
    expect(identifiers).toContainEqual({ use: 'usual', system: CLINIC_NUMBER_SYSTEM, value: bibi.clinicNumber });
    // Synthea's own identifiers are all kept.
    expect(identifiers.length).toBe((readFixture(BIBI).entry[0]!.resource.identifier as unknown[]).length + 1);

    for (const text of [
      'Bibi Schowalter',
      'schowalter',
      bibi.clinicNumber,
      bibi.clinicNumber.replace(/-/g, '').toLowerCase(),
    ]) {
      const result = searchPatients(sqlite, { text });
      expect(
        result.items.map((p) => p.id),
        text,
      ).toContain(BIBI_ID);
    }
    expect(searchPatients(sqlite, { text: 'Bibi Schowalter' }).items[0]).toMatchObject({
      clinicNumber: bibi.clinicNumber,
      family: 'Schowalter414',
    });
  });

  it('queues nothing for the iCDR: imported data is central data', () => {
    importBundleFolder(sqlite, SYNTHEA_DIR, { now: NOW });
    expect(sqlite.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('can run twice: the second import replaces, duplicates nothing, and keeps the clinic numbers', () => {
    const first = importBundleFolder(sqlite, SYNTHEA_DIR, { now: NOW });
    const before = countByType();
    const second = importBundleFolder(sqlite, SYNTHEA_DIR, { now: NOW });
    expect(countByType()).toEqual(before);
    expect(second.files.flatMap((f) => f.patients)).toEqual(first.files.flatMap((f) => f.patients));
    expect(second.written.Organization).toBeUndefined();
  });

  it('orders the hospital and practitioner files first', () => {
    expect(importOrder(['b.json', PRACTITIONERS, 'a.json', HOSPITALS, 'LICENSE', 'README.md'])).toEqual([
      HOSPITALS,
      PRACTITIONERS,
      'a.json',
      'b.json',
    ]);
  });
});

describe('de-duplicating shared reference data', () => {
  it('stores an Organization repeated in two patient files once, and points both at it', () => {
    const first = importBundleFile(sqlite, fixture(DENISHA), { now: NOW });
    const second = importBundleFile(sqlite, fixture(HIPOLITO), { now: NOW });
    expect(first.written.Organization).toBe(2);
    expect(second.deduplicated.Organization).toBeGreaterThanOrEqual(1);
    const orgs = sqlite.prepare("SELECT json FROM resources WHERE type = 'Organization'").all() as { json: string }[];
    const keys = orgs.flatMap((o) =>
      ((JSON.parse(o.json) as { identifier: Identifier[] }).identifier ?? []).map((i) => `${i.system}|${i.value}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const referrers = sqlite
      .prepare(
        "SELECT count(DISTINCT resource_pk) AS n FROM resource_references WHERE target_type = 'Organization' AND target_id = ?",
      )
      .get(SHARED_ORGANIZATION) as { n: number };
    const encountersBoth = [DENISHA, HIPOLITO]
      .flatMap((n) => readFixture(n).entry)
      .filter(
        (e) => e.resource.resourceType === 'Encounter' && JSON.stringify(e.resource).includes(SHARED_ORGANIZATION),
      ).length;
    expect(referrers.n).toBeGreaterThanOrEqual(encountersBoth);
  });

  it('recognises a copy under another id by its identifier and rewrites references to the first copy', () => {
    importBundleFile(sqlite, fixture(HOSPITALS), { now: NOW });
    const bundle = readFixture(BIBI);
    // Another Synthea run gives the same hospital another UUID; its identifier stays.
    const orgEntry = bundle.entry.find((e) => e.resource.resourceType === 'Organization')!;
    const originalId = orgEntry.resource.id!;
    const otherUrl = 'urn:uuid:00000000-0000-4000-8000-000000000001';
    const text = JSON.stringify(bundle).split(`urn:uuid:${originalId}`).join(otherUrl);
    const changed = JSON.parse(
      text.replace(`"id":"${originalId}"`, '"id":"00000000-0000-4000-8000-000000000001"'),
    ) as unknown;
    const report = importBundle(sqlite, changed, { now: NOW });
    expect(report.deduplicated.Organization).toBe(2);
    expect(getResource(sqlite, 'Organization', '00000000-0000-4000-8000-000000000001')).toBeNull();
    const pointing = sqlite
      .prepare("SELECT count(*) AS n FROM resource_references WHERE target_type = 'Organization' AND target_id = ?")
      .get(originalId) as { n: number };
    expect(pointing.n).toBeGreaterThan(0);
  });
});

describe('conditional references and other bundle shapes', () => {
  const encounterWith = (serviceProvider: string, practitioner?: string) => ({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111',
        resource: { resourceType: 'Patient', name: [{ family: 'Nakato', given: ['Amina'] }] },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: 'urn:uuid:22222222-2222-4222-8222-222222222222',
        resource: {
          resourceType: 'Encounter',
          status: 'finished',
          subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
          serviceProvider: { reference: serviceProvider },
          ...(practitioner ? { participant: [{ individual: { reference: practitioner } }] } : {}),
        },
        request: { method: 'POST', url: 'Encounter' },
      },
    ],
  });

  it('resolves Organization?identifier= and Practitioner?identifier= to resources imported before', () => {
    importBundleFile(sqlite, fixture(HOSPITALS), { now: NOW });
    importBundleFile(sqlite, fixture(PRACTITIONERS), { now: NOW });
    const org = readFixture(HOSPITALS).entry[0]!.resource;
    const practitioner = readFixture(PRACTITIONERS).entry[0]!.resource;
    const npi = (practitioner.identifier as Identifier[])[0]!.value!;
    importBundle(
      sqlite,
      encounterWith(
        `Organization?identifier=https://github.com/synthetichealth/synthea|${org.id}`,
        `Practitioner?identifier=http://hl7.org/fhir/sid/us-npi%7C${npi}`,
      ),
      { now: NOW },
    );
    const encounter = stored<
      FhirResource & {
        subject: { reference: string };
        serviceProvider: { reference: string };
        participant: { individual: { reference: string } }[];
      }
    >('Encounter', '22222222-2222-4222-8222-222222222222');
    expect(encounter.subject.reference).toBe('Patient/11111111-1111-4111-8111-111111111111');
    expect(encounter.serviceProvider.reference).toBe(`Organization/${org.id}`);
    expect(encounter.participant[0]!.individual.reference).toBe(`Practitioner/${practitioner.id}`);
  });

  it('refuses a conditional reference to something not imported yet, naming what to import first', () => {
    const before = snapshot();
    const error = expectRefused(
      () =>
        importBundle(
          sqlite,
          encounterWith('Organization?identifier=https://github.com/synthetichealth/synthea|nowhere'),
          { now: NOW },
        ),
      'unresolved-reference',
    );
    expect(error.message).toMatch(/hospital and practitioner files/);
    expect(snapshot()).toBe(before);
  });

  it('skips an entry whose ifNoneExist matches a stored resource and points references at that one', () => {
    importBundleFile(sqlite, fixture(HOSPITALS), { now: NOW });
    const org = readFixture(HOSPITALS).entry[0]!.resource;
    const bundle = encounterWith('urn:uuid:33333333-3333-4333-8333-333333333333');
    bundle.entry.push({
      fullUrl: 'urn:uuid:33333333-3333-4333-8333-333333333333',
      resource: { ...org, id: undefined, name: 'A later copy' } as never,
      request: {
        method: 'POST',
        url: 'Organization',
        ifNoneExist: `identifier=https://github.com/synthetichealth/synthea|${org.id}`,
      } as never,
    });
    const report = importBundle(sqlite, bundle, { now: NOW });
    expect(report.deduplicated).toEqual({ Organization: 1 });
    expect(
      stored<FhirResource & { serviceProvider: { reference: string } }>(
        'Encounter',
        '22222222-2222-4222-8222-222222222222',
      ).serviceProvider.reference,
    ).toBe(`Organization/${org.id}`);
    expect(stored<FhirResource & { name: string }>('Organization', org.id!).name).not.toBe('A later copy');
  });

  it('keeps resource types the portal does not know, and counts them', () => {
    const report = importBundle(
      sqlite,
      {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          {
            fullUrl: 'urn:uuid:44444444-4444-4444-8444-444444444444',
            resource: {
              resourceType: 'SupplyDelivery',
              status: 'completed',
              extension: [{ url: 'x', valueString: 'kept' }],
            },
            request: { method: 'POST', url: 'SupplyDelivery' },
          },
          {
            resource: { resourceType: 'ResearchStudy', id: 'study-1', status: 'active' },
            request: { method: 'PUT', url: 'ResearchStudy/study-1' },
          },
        ],
      },
      { now: NOW },
    );
    expect(report.written).toEqual({ SupplyDelivery: 1, ResearchStudy: 1 });
    expect(stored('SupplyDelivery', '44444444-4444-4444-8444-444444444444')).toMatchObject({
      status: 'completed',
      extension: [{ url: 'x', valueString: 'kept' }],
    });
    expect(stored('ResearchStudy', 'study-1')).toMatchObject({ status: 'active' });
  });

  it('uses the resource id when the fullUrl is not a urn:uuid, and a new UUID when there is neither', () => {
    const report = importBundle(
      sqlite,
      {
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          {
            fullUrl: 'http://example.org/fhir/Observation/obs-1',
            resource: {
              resourceType: 'Observation',
              id: 'obs-1',
              status: 'final',
              hasMember: [{ reference: 'http://example.org/fhir/Observation/obs-2' }],
            },
          },
          {
            fullUrl: 'http://example.org/fhir/Observation/obs-2',
            resource: { resourceType: 'Observation', status: 'final' },
          },
        ],
      },
      { now: NOW },
    );
    expect(report.written).toEqual({ Observation: 2 });
    const member = stored<FhirResource & { hasMember: { reference: string }[] }>('Observation', 'obs-1').hasMember[0]!
      .reference;
    expect(member).toMatch(/^Observation\/[0-9a-f-]{36}$/);
    expect(stored('Observation', member.split('/')[1]!).status).toBe('final');
  });
});

describe('refusing bad files without writing anything', () => {
  const validPatient = {
    fullUrl: 'urn:uuid:55555555-5555-4555-8555-555555555555',
    resource: { resourceType: 'Patient', name: [{ family: 'Okello' }] },
    request: { method: 'POST', url: 'Patient' },
  };
  const cases: [string, () => unknown, ImportProblem][] = [
    ['text that is not JSON', () => parseBundleText('{"resourceType": "Bundle", '), 'not-json'],
    ['a resource that is not a Bundle', () => importBundle(sqlite, { resourceType: 'Patient' }), 'not-bundle'],
    ['an array', () => importBundle(sqlite, [1, 2]), 'not-bundle'],
    [
      'a history bundle',
      () => importBundle(sqlite, { resourceType: 'Bundle', type: 'history', entry: [] }),
      'unsupported-bundle-type',
    ],
    [
      'an entry without a resource, after a valid patient',
      () =>
        importBundle(sqlite, {
          resourceType: 'Bundle',
          type: 'batch',
          entry: [validPatient, { fullUrl: 'urn:uuid:x' }],
        }),
      'bad-entry',
    ],
    [
      'a resource without a type',
      () =>
        importBundle(sqlite, {
          resourceType: 'Bundle',
          type: 'batch',
          entry: [validPatient, { resource: { id: 'x' } }],
        }),
      'bad-entry',
    ],
    [
      'a DELETE entry',
      () =>
        importBundle(sqlite, {
          resourceType: 'Bundle',
          type: 'transaction',
          entry: [
            validPatient,
            { request: { method: 'DELETE', url: 'Patient/1' }, resource: { resourceType: 'Patient' } },
          ],
        }),
      'unsupported-request',
    ],
    [
      'a reference to a urn:uuid that is not in the file',
      () =>
        importBundle(sqlite, {
          resourceType: 'Bundle',
          type: 'batch',
          entry: [
            validPatient,
            {
              fullUrl: 'urn:uuid:66666666-6666-4666-8666-666666666666',
              resource: {
                resourceType: 'Encounter',
                subject: { reference: 'urn:uuid:77777777-7777-4777-8777-777777777777' },
              },
            },
          ],
        }),
      'unresolved-reference',
    ],
    [
      'two entries with one fullUrl',
      () => importBundle(sqlite, { resourceType: 'Bundle', type: 'batch', entry: [validPatient, validPatient] }),
      'bad-entry',
    ],
  ];

  it.each(cases)('refuses %s', (_, action, problem) => {
    importBundleFile(sqlite, fixture(HOSPITALS), { now: NOW });
    const before = snapshot();
    expectRefused(action, problem);
    expect(snapshot()).toBe(before);
  });

  it('refuses a file over 50 MB before reading it', () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_BUNDLE_BYTES + 1);
    const before = snapshot();
    const error = expectRefused(() => importBundleFile(sqlite, path), 'too-large');
    expect(error.message).toMatch(/huge\.json.*50 MB/);
    expect(snapshot()).toBe(before);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const path = join(dir, 'notes.json');
    writeFileSync(path, 'Patient list, printed 3 March');
    expect(expectRefused(() => importBundleFile(sqlite, path), 'not-json').message).toMatch(
      /^notes\.json: this is not a FHIR JSON file/,
    );
  });

  it('refuses to overwrite a record with changes not yet sent to the iCDR', () => {
    createLocalResource(
      sqlite,
      { resourceType: 'Patient', id: BIBI_ID, name: [{ family: 'Edited here' }] },
      { userId: null, now: NOW },
    );
    importBundleFile(sqlite, fixture(HOSPITALS), { now: NOW });
    importBundleFile(sqlite, fixture(PRACTITIONERS), { now: NOW });
    const before = snapshot();
    expectRefused(() => importBundleFile(sqlite, fixture(BIBI), { now: NOW }), 'local-changes');
    expect(snapshot()).toBe(before);
  });
});
