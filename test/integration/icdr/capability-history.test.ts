import type { Bundle, CapabilityStatement } from '@medplum/fhirtypes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BEHAVIOURS, ids, patient, startFhir, type Fhir } from './helpers';

let fhir: Fhir;

beforeAll(async () => {
  fhir = await startFhir();
});
afterAll(() => fhir.close());
beforeEach(() => {
  fhir.icdr.reset();
  fhir.icdr.setBehaviour('hapi');
});

async function metadata(): Promise<CapabilityStatement> {
  const { status, body } = await fhir.get<CapabilityStatement>('metadata');
  expect(status).toBe(200);
  return body;
}

describe('CapabilityStatement reflects the current behaviour', () => {
  const expected = {
    hapi: {
      system: true,
      type: true,
      updateCreate: true,
      conditionalCreate: true,
      versioning: 'versioned-update',
      lastModified: false,
    },
    medplum: {
      system: false,
      type: false,
      updateCreate: false,
      conditionalCreate: true,
      versioning: 'versioned-update',
      lastModified: false,
    },
    santedb: {
      system: false,
      type: false,
      updateCreate: true,
      conditionalCreate: false,
      versioning: 'versioned',
      lastModified: true,
    },
  } as const;

  it.each(BEHAVIOURS)('%s', async (name) => {
    fhir.icdr.setBehaviour(name);
    const cs = await metadata();
    const rest = cs.rest![0]!;
    const want = expected[name];
    expect(rest.interaction?.some((i) => i.code === 'history-system')).toBe(want.system);
    expect(rest.interaction?.some((i) => i.code === 'batch')).toBe(name !== 'santedb');
    const observation = rest.resource!.find((r) => r.type === 'Observation')!;
    expect(observation.interaction?.some((i) => i.code === 'history-type')).toBe(want.type);
    expect(observation.interaction?.some((i) => i.code === 'history-instance')).toBe(true);
    expect(observation.updateCreate).toBe(want.updateCreate);
    expect(observation.conditionalCreate).toBe(want.conditionalCreate);
    expect(observation.versioning).toBe(want.versioning);
    const params = observation.searchParam!.map((p) => p.name);
    expect(params).toContain('_lastUpdated'); // SanteDB advertises it although it ignores it
    expect(params.includes('_lastModified')).toBe(want.lastModified);
    expect(cs.software?.name).toContain(name);
  });
});

describe('history', () => {
  it('hapi: system and type history with _since, paged by next links, oldest first, deletions included', async () => {
    const before = await fhir.request('POST', 'Patient', patient(undefined, 'Old'));
    expect(before.status).toBe(201);
    await new Promise((r) => setTimeout(r, 5));
    const since = new Date(fhir.icdr.now().getTime()).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    const created: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { body } = await fhir.request('PUT', `Patient/h${i}`, patient(`h${i}`, `N${i}`));
      created.push(`Patient/${body.id}`);
    }
    await fhir.request('POST', 'Observation', {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'w' },
      subject: { reference: 'Patient/h0' },
    });
    expect((await fhir.request('DELETE', 'Patient/h3')).status).toBe(200);

    const pages = await fhir.pages(`Patient/_history?_since=${encodeURIComponent(since)}&_count=3`);
    expect(pages.length).toBe(3);
    const entries = pages.flatMap((p) => p.entry ?? []);
    expect(entries.map((e) => e.request?.method)).toEqual(['PUT', 'PUT', 'PUT', 'PUT', 'PUT', 'PUT', 'PUT', 'DELETE']);
    expect(entries.map((e) => e.response?.status)).toEqual([...Array<string>(7).fill('201 Created'), '410 Gone']);
    const deletion = entries.at(-1)!;
    expect(deletion.resource).toBeUndefined();
    expect(deletion.request?.url).toBe('Patient/h3');
    expect(deletion.fullUrl).toBe(`${fhir.icdr.baseUrl}/Patient/h3`);
    const stamps = entries.map((e) => e.response!.lastModified!);
    expect([...stamps].sort()).toEqual(stamps);
    expect(pages.every((p) => p.type === 'history')).toBe(true);
    expect(pages[0]!.link!.find((l) => l.relation === 'next')!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fhir\?/);

    const system = await fhir.pages(`_history?_since=${encodeURIComponent(since)}&_count=4`);
    const systemEntries = system.flatMap((p) => p.entry ?? []);
    expect(systemEntries.length).toBe(9);
    expect(systemEntries.some((e) => e.resource?.resourceType === 'Observation')).toBe(true);
    expect(ids(system)).not.toContain(`Patient/${before.body.id}`);
  });

  it('hapi: an expired paging link answers 410; resume from your own watermark', async () => {
    for (let i = 0; i < 5; i++) await fhir.request('PUT', `Patient/x${i}`, patient(`x${i}`));
    const first = await fhir.get<Bundle>('_history?_count=2');
    const next = first.body.link!.find((l) => l.relation === 'next')!.url;
    fhir.icdr.expireSearchCache();
    expect((await fhir.get(next)).status).toBe(410);
  });

  it.each(['medplum', 'santedb'] as const)('%s: no type or system history, instance history works', async (name) => {
    fhir.icdr.setBehaviour(name);
    const { body } = await fhir.request('POST', 'Patient', patient());
    const id = body.id!;
    const updated = { ...patient(id, 'Changed'), id };
    expect((await fhir.request('PUT', `Patient/${id}`, updated)).status).toBe(200);
    expect((await fhir.request('DELETE', `Patient/${id}`)).status).toBe(200);

    const type = await fhir.get('Patient/_history');
    const system = await fhir.get('_history');
    if (name === 'medplum') {
      expect(type.status).toBe(404);
      expect(system.status).toBe(400);
      expect(JSON.stringify(system.body)).toContain('Unknown resource type');
    } else {
      expect(type.status).toBe(405);
      expect(system.status).toBe(405);
    }
    const instance = await fhir.get<Bundle>(`Patient/${id}/_history`);
    expect(instance.status).toBe(200);
    const entries = instance.body.entry!;
    expect(entries.map((e) => e.request?.method)).toEqual(['DELETE', 'PUT', 'POST']);
    expect(entries[0]!.response?.status).toBe('410 Gone');
    expect(entries[0]!.resource).toBeUndefined();
  });

  it.each(BEHAVIOURS)('%s: reading a deleted resource answers 410 Gone with an OperationOutcome', async (name) => {
    fhir.icdr.setBehaviour(name);
    const { body } = await fhir.request('POST', 'Patient', patient());
    expect((await fhir.request('DELETE', `Patient/${body.id}`)).status).toBe(200);
    const gone = await fhir.get(`Patient/${body.id}`);
    expect(gone.status).toBe(410);
    expect(gone.body.resourceType).toBe('OperationOutcome');
    expect((await fhir.get('Patient/never-existed')).status).toBe(404);
    const search = await fhir.get<Bundle>(`Patient?_id=${body.id}`);
    expect(search.body.entry ?? []).toEqual([]);
  });
});
