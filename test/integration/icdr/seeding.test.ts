import type { Bundle, Encounter, Organization } from '@medplum/fhirtypes';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateClinic, loadSyntheaBundles, SYNTHEA_DIR } from '../../support/icdr';
import { startFhir, type Fhir } from './helpers';

let fhir: Fhir;

beforeAll(async () => {
  fhir = await startFhir();
});
afterAll(() => fhir.close());
beforeEach(() => {
  fhir.icdr.reset();
  fhir.icdr.setBehaviour('hapi');
});

describe.skipIf(!existsSync(SYNTHEA_DIR))('Synthea fixtures', () => {
  it('resolve urn:uuid references and deduplicate the repeated Organizations and Practitioners', async () => {
    const result = fhir.icdr.seed(loadSyntheaBundles());
    expect(result.created).toBeGreaterThan(700);
    expect(result.deduplicated).toBeGreaterThan(0);

    const encounters = (await fhir.pages('Encounter?_count=100')).flatMap((b) => b.entry ?? []);
    expect(encounters.length).toBeGreaterThan(50);
    const patients = new Set<string>();
    for (const entry of encounters) {
      const subject = (entry.resource as Encounter).subject!.reference!;
      expect(subject).toMatch(/^Patient\//);
      if (patients.has(subject)) continue;
      expect((await fhir.get(subject)).status).toBe(200);
      patients.add(subject);
    }
    const provider = (encounters[0]!.resource as Encounter).serviceProvider!.reference!;
    expect((await fhir.get(provider)).status).toBe(200);

    const orgs = (await fhir.pages('Organization?_count=100')).flatMap((b) => b.entry ?? []);
    const keys = orgs.map((e) => JSON.stringify((e.resource as Organization).identifier));
    expect(new Set(keys).size).toBe(keys.length);
    const everything = (await fhir.pages('_history?_count=1000')).flatMap((b) => b.entry ?? []);
    expect(JSON.stringify(everything)).not.toContain('urn:uuid:');
  });

  it('is idempotent: seeding the same bundles again creates nothing', () => {
    fhir.icdr.seed(loadSyntheaBundles());
    const size = fhir.icdr.size();
    expect(fhir.icdr.seed(loadSyntheaBundles()).created).toBe(0);
    expect(fhir.icdr.size()).toBe(size);
  });
});

describe('conditional references in seeded bundles', () => {
  it('resolve Organization?identifier=system|value to the stored Organization', async () => {
    fhir.icdr.seed({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          fullUrl: 'urn:uuid:0a0a0a0a-0000-4000-8000-000000000001',
          resource: {
            resourceType: 'Organization',
            id: 'org-1',
            identifier: [{ system: 'https://github.com/synthetichealth/synthea', value: 'abc' }],
          },
          request: { method: 'POST', url: 'Organization' },
        },
      ],
    });
    const result = fhir.icdr.seed({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        {
          resource: {
            resourceType: 'Organization',
            id: 'org-copy',
            identifier: [{ system: 'https://github.com/synthetichealth/synthea', value: 'abc' }],
          },
          request: {
            method: 'POST',
            url: 'Organization',
            ifNoneExist: 'identifier=https://github.com/synthetichealth/synthea|abc',
          },
        },
        {
          resource: {
            resourceType: 'Encounter',
            id: 'enc-1',
            status: 'finished',
            class: { code: 'AMB' },
            serviceProvider: { reference: 'Organization?identifier=https://github.com/synthetichealth/synthea|abc' },
          },
          request: { method: 'POST', url: 'Encounter' },
        },
      ],
    });
    expect(result).toMatchObject({ created: 1, deduplicated: 1, unresolvedReferences: 0 });
    expect((await fhir.get<Encounter>('Encounter/enc-1')).body.serviceProvider?.reference).toBe('Organization/org-1');
  });
});

describe('generated clinic', () => {
  it('is deterministic for a seed', () => {
    const a = generateClinic({ patients: 3, seed: 5 });
    expect(generateClinic({ patients: 3, seed: 5 })).toEqual(a);
    expect(generateClinic({ patients: 3, seed: 6 })[0]!.id).not.toBe(a[0]!.id);
    expect(a).toHaveLength(4 + 3 * 12);
  });

  it('seeds 10,000 patients (~120,000 resources) in seconds and serves them in pages of 1000', async () => {
    const started = performance.now();
    const result = fhir.icdr.seedClinic({ patients: 10_000 });
    const seedMs = performance.now() - started;
    expect(result.created).toBe(120_004);
    expect(seedMs).toBeLessThan(20_000);

    const pullStart = performance.now();
    const pages = await fhir.pages('Observation?_count=1000&_sort=_lastUpdated');
    const pullMs = performance.now() - pullStart;
    expect(pages.reduce((n, b) => n + (b.entry?.length ?? 0), 0)).toBe(50_000);
    expect(pullMs).toBeLessThan(15_000);
    const idsOnly = await fhir.pages('Patient?_count=1000&_elements=id');
    expect(idsOnly.reduce((n, b) => n + (b.entry?.length ?? 0), 0)).toBe(10_000);
    console.log(
      `seeded ${result.created} in ${Math.round(seedMs)} ms; pulled 50,000 Observations in ${Math.round(pullMs)} ms`,
    );
  });

  it('medplum: paging a large type without _sort fails past _offset 10,000 (field notes), with _sort it works', async () => {
    fhir.icdr.setBehaviour('medplum');
    fhir.icdr.seedClinic({ patients: 2_300, observationsPerPatient: 5 });
    await expect(fhir.pages('Observation?_count=1000')).rejects.toThrow(/400/);
    const pages: Bundle[] = await fhir.pages('Observation?_count=1000&_sort=_lastUpdated');
    expect(pages.reduce((n, b) => n + (b.entry?.length ?? 0), 0)).toBe(11_500);
  });
});
