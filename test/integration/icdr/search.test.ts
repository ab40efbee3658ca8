import type { Bundle } from '@medplum/fhirtypes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BEHAVIOURS, ids, patient, sleep, startFhir, type Fhir } from './helpers';

let fhir: Fhir;

beforeAll(async () => {
  fhir = await startFhir();
});
afterAll(() => fhir.close());
beforeEach(() => {
  fhir.icdr.reset();
  fhir.icdr.setBehaviour('hapi');
});

/** Seeds `old` patients, waits, then creates `fresh` ones over HTTP; returns the instant between. */
async function oldAndNew(old: number, fresh: number): Promise<string> {
  fhir.icdr.seed(Array.from({ length: old }, (_, i) => patient(`old-${i}`, 'Old')));
  await sleep(5);
  const watermark = fhir.icdr.now().toISOString();
  await sleep(5);
  for (let i = 0; i < fresh; i++) {
    expect((await fhir.request('POST', 'Patient', patient(undefined, 'New'))).status).toBe(201);
  }
  return watermark;
}

describe('incremental search', () => {
  it.each(['hapi', 'medplum'] as const)(
    '%s: _lastUpdated=ge returns only what changed; _lastModified is refused',
    async (name) => {
      fhir.icdr.setBehaviour(name);
      const watermark = await oldAndNew(30, 3);
      const pages = await fhir.pages(
        `Patient?_lastUpdated=ge${encodeURIComponent(watermark)}&_sort=_lastUpdated&_count=2`,
      );
      const found = pages.flatMap((p) => p.entry ?? []);
      expect(found.length).toBe(3);
      expect(found.every((e) => (e.resource as { name?: { family?: string }[] }).name?.[0]?.family === 'New')).toBe(
        true,
      );
      expect((await fhir.get(`Patient?_lastModified=ge${encodeURIComponent(watermark)}`)).status).toBe(400);
    },
  );

  it('santedb: _lastUpdated is silently ignored (everything comes back), _lastModified works', async () => {
    fhir.icdr.setBehaviour('santedb');
    const watermark = await oldAndNew(30, 3);
    const ignored = await fhir.pages(`Patient?_lastUpdated=ge${encodeURIComponent(watermark)}&_count=10`);
    expect(ignored.flatMap((p) => p.entry ?? []).length).toBe(33);
    const modified = await fhir.pages(`Patient?_lastModified=ge${encodeURIComponent(watermark)}&_count=10`);
    expect(modified.flatMap((p) => p.entry ?? []).length).toBe(3);
    expect((await fhir.get('Patient?no-such-param=1')).status).toBe(200);
  });

  it('gt excludes the whole precision of the value (seconds), ge includes it', async () => {
    fhir.icdr.seed([patient('p1')], { at: Date.parse('2024-05-01T10:00:00.400Z') });
    const gt = await fhir.get<Bundle>('Patient?_lastUpdated=gt2024-05-01T10:00:00Z');
    const ge = await fhir.get<Bundle>('Patient?_lastUpdated=ge2024-05-01T10:00:00Z');
    const gtMs = await fhir.get<Bundle>('Patient?_lastUpdated=gt2024-05-01T10:00:00.399Z');
    expect(gt.body.entry ?? []).toHaveLength(0);
    expect(ge.body.entry).toHaveLength(1);
    expect(gtMs.body.entry).toHaveLength(1);
  });
});

describe('paging', () => {
  it.each(BEHAVIOURS)('%s: next links are absolute and, followed verbatim, give every resource once', async (name) => {
    fhir.icdr.setBehaviour(name);
    fhir.icdr.seed(Array.from({ length: 95 }, (_, i) => patient(`p-${String(i).padStart(3, '0')}`)));
    for (const query of ['Patient?_count=20', 'Patient?_count=20&_sort=_lastUpdated']) {
      const pages = await fhir.pages(query);
      expect(pages.length).toBe(5);
      const all = ids(pages);
      expect(new Set(all).size).toBe(95);
      for (const page of pages.slice(0, -1)) {
        expect(page.link!.find((l) => l.relation === 'next')!.url.startsWith(fhir.icdr.baseUrl)).toBe(true);
      }
    }
    const style = (await fhir.get<Bundle>('Patient?_count=20&_sort=_lastUpdated')).body.link!.find(
      (l) => l.relation === 'next',
    )!.url;
    expect(style).toMatch({ hapi: /_getpages=/, medplum: /_cursor=/, santedb: /_offset=20/ }[name]);
  });

  it('medplum: without _sort links use _offset, and an _offset above 10,000 answers 400', async () => {
    fhir.icdr.setBehaviour('medplum');
    const next = (await fhir.get<Bundle>('Patient?_count=20')).body.link?.find((l) => l.relation === 'next');
    expect(next).toBeUndefined(); // empty store
    fhir.icdr.seed(Array.from({ length: 30 }, (_, i) => patient(`m${i}`)));
    expect((await fhir.get<Bundle>('Patient?_count=20')).body.link!.find((l) => l.relation === 'next')!.url).toContain(
      '_offset=20',
    );
    const tooFar = await fhir.get('Patient?_count=20&_offset=10020');
    expect(tooFar.status).toBe(400);
  });

  it('clamps _count at 1000 (the next link says 1000)', async () => {
    fhir.icdr.setBehaviour('medplum');
    fhir.icdr.seed(Array.from({ length: 1500 }, (_, i) => patient(`c${i}`)));
    const { body } = await fhir.get<Bundle>('Patient?_count=5000&_sort=_lastUpdated');
    expect(body.entry).toHaveLength(1000);
    expect(body.link!.find((l) => l.relation === 'next')!.url).toContain('_count=1000');
  });

  it('santedb: _sort is ignored (creation order), the others honour _sort=-_lastUpdated', async () => {
    fhir.icdr.seed([patient('a'), patient('b')]);
    await sleep(3);
    await fhir.request('PUT', 'Patient/a', patient('a', 'Later'));
    expect(ids((await fhir.get<Bundle>('Patient?_sort=-_lastUpdated')).body)).toEqual(['Patient/a', 'Patient/b']);
    expect(ids((await fhir.get<Bundle>('Patient?_sort=_lastUpdated')).body)).toEqual(['Patient/b', 'Patient/a']);
    fhir.icdr.setBehaviour('santedb');
    expect(ids((await fhir.get<Bundle>('Patient?_sort=-_lastUpdated')).body)).toEqual(['Patient/a', 'Patient/b']);
    expect(ids((await fhir.get<Bundle>('Patient?_sort=_lastUpdated')).body)).toEqual(['Patient/a', 'Patient/b']);
  });
});

describe('other search features', () => {
  it('_elements=id returns id and meta only (for id reconciliation)', async () => {
    fhir.icdr.seed([patient('e1')]);
    const { body } = await fhir.get<Bundle>('Patient?_elements=id');
    const resource = body.entry![0]!.resource!;
    expect(Object.keys(resource).sort()).toEqual(['id', 'meta', 'resourceType']);
    expect(resource.meta?.versionId).toBe('1');
    expect(resource.meta?.lastUpdated).toBeTruthy();
    expect(resource.meta?.tag?.[0]?.code).toBe('SUBSETTED');
  });

  it('matches ordinary search parameters, identifiers and one-level chains', async () => {
    fhir.icdr.seed([
      { ...patient('s1', 'Smith'), identifier: [{ system: 'urn:mrn', value: 'A1' }] },
      { ...patient('s2', 'Jones'), identifier: [{ system: 'urn:mrn', value: 'B2' }] },
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { text: 'w' },
        subject: { reference: 'Patient/s1' },
      },
      {
        resourceType: 'Observation',
        id: 'o2',
        status: 'final',
        code: { text: 'w' },
        subject: { reference: 'Patient/s2' },
      },
    ]);
    expect(ids((await fhir.get<Bundle>('Patient?family=smith')).body)).toEqual(['Patient/s1']);
    expect(ids((await fhir.get<Bundle>('Patient?identifier=urn:mrn|B2')).body)).toEqual(['Patient/s2']);
    expect(ids((await fhir.get<Bundle>('Observation?subject=Patient/s2')).body)).toEqual(['Observation/o2']);
    expect(ids((await fhir.get<Bundle>('Observation?subject:Patient.family=Smith')).body)).toEqual(['Observation/o1']);
    expect((await fhir.get<Bundle>('Patient?_summary=count')).body.total).toBe(2);
    expect((await fhir.get('Patient?no-such-param=1')).status).toBe(400);
  });
});
