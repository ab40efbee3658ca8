import type { Bundle, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BEHAVIOURS, patient, startFhir, type Fhir } from './helpers';

let fhir: Fhir;

beforeAll(async () => {
  fhir = await startFhir();
});
afterAll(() => fhir.close());
beforeEach(() => {
  fhir.icdr.reset();
  fhir.icdr.setBehaviour('hapi');
});

const CLIENT_ID = '5d1c8a9e-0b7f-4c1e-9a55-3f1b2c7d9e01';

describe('create and update', () => {
  it.each(BEHAVIOURS)('%s: POST assigns a server id and answers 201 with Location and ETag', async (name) => {
    fhir.icdr.setBehaviour(name);
    const { status, headers, body } = await fhir.request<Patient>('POST', 'Patient', patient('client-chosen'));
    expect(status).toBe(201);
    expect(body.id).not.toBe('client-chosen');
    expect(headers.get('location')).toBe(`${fhir.icdr.baseUrl}/Patient/${body.id}/_history/${body.meta!.versionId}`);
    expect(headers.get('etag')).toBe(`W/"${body.meta!.versionId}"`);
    expect(headers.get('date')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    if (name === 'hapi') expect(body.id).toMatch(/^\d+$/);
    if (name === 'medplum') expect(body.meta!.versionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    ['hapi', 201],
    ['santedb', 201],
    ['medplum', 404],
  ] as const)('%s: PUT to a new client id answers %i', async (name, expected) => {
    fhir.icdr.setBehaviour(name);
    const created = await fhir.request<Patient>('PUT', `Patient/${CLIENT_ID}`, patient(CLIENT_ID));
    expect(created.status).toBe(expected);
    if (expected === 201) {
      expect(created.headers.get('location')).toContain(`/Patient/${CLIENT_ID}/_history/`);
      const again = await fhir.request<Patient>('PUT', `Patient/${CLIENT_ID}`, patient(CLIENT_ID, 'Renamed'));
      expect(again.status).toBe(200);
      expect(again.headers.get('etag')).toBe(`W/"${again.body.meta!.versionId}"`);
    }
  });

  it('medplum: PUT with If-Match to a missing id creates it (the documented deviation)', async () => {
    fhir.icdr.setBehaviour('medplum');
    expect(
      (await fhir.request('PUT', `Patient/${CLIENT_ID}`, patient(CLIENT_ID), { 'if-match': 'W/"1"' })).status,
    ).toBe(201);
  });

  it.each([
    ['hapi', 412],
    ['medplum', 412],
    ['santedb', 200],
  ] as const)('%s: a stale If-Match answers %i', async (name, expected) => {
    fhir.icdr.setBehaviour(name);
    const { body } = await fhir.request<Patient>('POST', 'Patient', patient());
    const stale = `W/"${body.meta!.versionId}"`;
    expect(
      (await fhir.request('PUT', `Patient/${body.id}`, { ...body, gender: 'male' }, { 'if-match': stale })).status,
    ).toBe(200);
    const second = await fhir.request('PUT', `Patient/${body.id}`, { ...body, gender: 'other' }, { 'if-match': stale });
    expect(second.status).toBe(expected);
    const now = await fhir.get<Patient>(`Patient/${body.id}`);
    expect(now.body.gender).toBe(expected === 412 ? 'male' : 'other');
  });

  it.each(['hapi', 'medplum'] as const)(
    '%s: conditional create answers 201, then 200 with the existing one, 412 on several matches',
    async (name) => {
      fhir.icdr.setBehaviour(name);
      const withMrn = (value: string) => ({ ...patient(), identifier: [{ system: 'urn:kliniki:local', value }] });
      const header = { 'if-none-exist': 'identifier=urn:kliniki:local|L-1' };
      const first = await fhir.request<Patient>('POST', 'Patient', withMrn('L-1'), header);
      expect(first.status).toBe(201);
      const second = await fhir.request<Patient>('POST', 'Patient', withMrn('L-1'), header);
      expect(second.status).toBe(200);
      expect(second.body.id).toBe(first.body.id);
      fhir.icdr.seed([
        { ...withMrn('L-2'), id: 'dup-a' },
        { ...withMrn('L-2'), id: 'dup-b' },
      ]);
      const several = await fhir.request('POST', 'Patient', withMrn('L-2'), {
        'if-none-exist': 'identifier=urn:kliniki:local|L-2',
      });
      expect(several.status).toBe(412);
    },
  );

  it('santedb: If-None-Exist is ignored, so a retry creates a duplicate', async () => {
    fhir.icdr.setBehaviour('santedb');
    const body = { ...patient(), identifier: [{ system: 'urn:kliniki:local', value: 'S-1' }] };
    const header = { 'if-none-exist': 'identifier=urn:kliniki:local|S-1' };
    expect((await fhir.request('POST', 'Patient', body, header)).status).toBe(201);
    expect((await fhir.request('POST', 'Patient', body, header)).status).toBe(201);
    expect((await fhir.get<Bundle>('Patient?identifier=urn:kliniki:local|S-1')).body.entry).toHaveLength(2);
  });

  it('medplum keeps a client-supplied meta.lastUpdated on create, hiding it from _lastUpdated polling', async () => {
    fhir.icdr.setBehaviour('medplum');
    const watermark = fhir.icdr.now().toISOString();
    const sent = { ...patient(), meta: { lastUpdated: '2020-01-01T00:00:00.000Z' } };
    const { body } = await fhir.request<Patient>('POST', 'Patient', sent);
    expect(body.meta!.lastUpdated).toBe('2020-01-01T00:00:00.000Z');
    const poll = await fhir.get<Bundle>(`Patient?_lastUpdated=ge${encodeURIComponent(watermark)}`);
    expect(poll.body.entry ?? []).toHaveLength(0);
    fhir.icdr.setBehaviour('hapi');
    const other = await fhir.request<Patient>('POST', 'Patient', sent);
    expect(other.body.meta!.lastUpdated).not.toBe('2020-01-01T00:00:00.000Z');
  });

  it('hapi and medplum: a PUT that changes nothing creates no new version', async () => {
    const { body } = await fhir.request<Patient>('PUT', 'Patient/same', patient('same'));
    const again = await fhir.request<Patient>('PUT', 'Patient/same', { ...body });
    expect(again.status).toBe(200);
    expect(again.body.meta!.versionId).toBe(body.meta!.versionId);
  });

  it('rejects resources that are not valid R4 with 400 and an OperationOutcome', async () => {
    const bad = await fhir.request('POST', 'Patient', { resourceType: 'Patient', birthDate: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.resourceType).toBe('OperationOutcome');
    expect((await fhir.request('POST', 'Patient', { resourceType: 'Observation' })).status).toBe(400);
  });

  it('behaviour overrides: checkReferences refuses a reference to a missing resource', async () => {
    fhir.icdr.setBehaviour('medplum', { checkReferences: true });
    const observation = {
      resourceType: 'Observation',
      status: 'final',
      code: { text: 'w' },
      subject: { reference: 'Patient/nobody' },
    };
    const refused = await fhir.request('POST', 'Observation', observation);
    expect(refused.status).toBe(400);
    fhir.icdr.seed([patient('nobody')]);
    expect((await fhir.request('POST', 'Observation', observation)).status).toBe(201);
    expect(fhir.icdr.behaviour.checkReferences).toBe(true);
  });

  it('vread returns old versions; Prefer: return=minimal returns no body', async () => {
    const { body } = await fhir.request<Patient>('PUT', 'Patient/v', patient('v', 'One'));
    await fhir.request('PUT', 'Patient/v', patient('v', 'Two'));
    const old = await fhir.get<Patient>(`Patient/v/_history/${body.meta!.versionId}`);
    expect(old.body.name?.[0]?.family).toBe('One');
    const minimal = await fetch(`${fhir.icdr.baseUrl}/Patient/v`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${await fhir.icdr.getToken()}`,
        'content-type': 'application/fhir+json',
        prefer: 'return=minimal',
      },
      body: JSON.stringify(patient('v', 'Three')),
    });
    expect(minimal.status).toBe(200);
    expect(minimal.headers.get('etag')).toBe('W/"3"');
    expect(await minimal.text()).toBe('');
  });
});
