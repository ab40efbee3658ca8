import type { Bundle, BundleEntry, Observation, OperationOutcome } from '@medplum/fhirtypes';
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

const endpoint = (name: string): string => (name === 'santedb' ? 'Bundle' : '');
const tx = (entry: BundleEntry[], type: 'transaction' | 'batch' = 'transaction'): Bundle => ({
  resourceType: 'Bundle',
  type,
  entry,
});
const put = (id: string, family = 'Tx'): BundleEntry => ({
  resource: patient(id, family),
  request: { method: 'PUT', url: `Patient/${id}` },
});

describe('transactions', () => {
  it.each(BEHAVIOURS)(
    '%s: a failing second entry rolls the first back; the answer is its OperationOutcome',
    async (name) => {
      fhir.icdr.setBehaviour(name);
      if (name === 'medplum') fhir.icdr.seed([patient('tx-1', 'Before'), patient('tx-2', 'Before')]); // no PUT-create there
      const bad = {
        resource: { resourceType: 'Patient', id: 'tx-2', birthDate: 'not-a-date' },
        request: { method: 'PUT', url: 'Patient/tx-2' },
      };
      const result = await fhir.request<OperationOutcome>(
        'POST',
        endpoint(name),
        tx([put('tx-1', 'After'), bad as BundleEntry]),
      );
      expect(result.status).toBe(400);
      expect(result.body.resourceType).toBe('OperationOutcome');
      expect(result.body.issue?.[0]?.diagnostics).toContain('Bundle.entry[1]');
      const first = await fhir.get<{ name?: { family?: string }[] }>('Patient/tx-1');
      if (name === 'medplum') expect(first.body.name?.[0]?.family).toBe('Before');
      else expect(first.status).toBe(404);
      expect((await fhir.get('Patient/tx-2')).status).toBe(name === 'medplum' ? 200 : 404);
    },
  );

  it.each(BEHAVIOURS)(
    '%s: rewrites urn:uuid references and answers each entry with status, location and etag',
    async (name) => {
      fhir.icdr.setBehaviour(name);
      const urn = 'urn:uuid:6f1c3c56-3a5e-4c8f-9b1d-6f0e0a2b7c11';
      const bundle = tx([
        {
          resource: { resourceType: 'Observation', status: 'final', code: { text: 'w' }, subject: { reference: urn } },
          request: { method: 'POST', url: 'Observation' },
        },
        { fullUrl: urn, resource: patient(), request: { method: 'POST', url: 'Patient' } },
      ]);
      const { status, body } = await fhir.request<Bundle>('POST', endpoint(name), bundle);
      expect(status).toBe(200);
      expect(body.type).toBe('transaction-response');
      const [obs, pat] = body.entry!;
      expect(obs!.response?.status).toBe('201 Created');
      expect(pat!.response?.location).toMatch(/^Patient\/[^/]+\/_history\/.+$/);
      expect(obs!.response?.etag).toMatch(/^W\/"/);
      const stored = await fhir.get<Observation>(obs!.response!.location!.split('/_history')[0]!);
      expect(stored.body.subject?.reference).toBe(`Patient/${pat!.resource!.id}`);
    },
  );

  it('santedb: transactions only at POST [base]/Bundle; the base answers 501 and batches are refused', async () => {
    fhir.icdr.setBehaviour('santedb');
    expect((await fhir.request('POST', '', tx([put('s1')]))).status).toBe(501);
    expect((await fhir.request('POST', 'Bundle', tx([put('s1')], 'batch'))).status).toBe(501);
    expect((await fhir.request('POST', 'Bundle', tx([put('s1')]))).status).toBe(200);
  });

  it('medplum: more than 50 PUT entries, or more than 8 entries when one is conditional, is "too many entries"', async () => {
    fhir.icdr.setBehaviour('medplum');
    fhir.icdr.seed(Array.from({ length: 51 }, (_, i) => patient(`m${i}`)));
    const fifty = Array.from({ length: 50 }, (_, i) => put(`m${i}`, 'Fifty'));
    expect((await fhir.request('POST', '', tx(fifty))).status).toBe(200);
    const tooMany = await fhir.request<OperationOutcome>('POST', '', tx([...fifty, put('m50')]));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.issue?.[0]?.details?.text).toContain('too many entries');
    const posts = Array.from({ length: 60 }, (): BundleEntry => ({
      resource: patient(),
      request: { method: 'POST', url: 'Patient' },
    }));
    expect((await fhir.request('POST', '', tx(posts))).status).toBe(200); // POSTs do not count
    const conditional: BundleEntry = {
      resource: { ...patient(), identifier: [{ system: 'urn:x', value: '1' }] },
      request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:x|1' },
    };
    const nine = [conditional, ...posts.slice(0, 8)];
    expect((await fhir.request<OperationOutcome>('POST', '', tx(nine))).status).toBe(400);
    expect((await fhir.request('POST', '', tx(nine.slice(0, 8)))).status).toBe(200);
  });

  it('hapi: no entry limits (60 PUTs in one transaction)', async () => {
    const sixty = Array.from({ length: 60 }, (_, i) => put(`h${i}`));
    const { status, body } = await fhir.request<Bundle>('POST', '', tx(sixty));
    expect(status).toBe(200);
    expect(body.entry!.every((e) => e.response?.status === '201 Created')).toBe(true);
  });

  it.each(['hapi', 'medplum'] as const)('%s: a batch applies entries one by one and reports each', async (name) => {
    fhir.icdr.setBehaviour(name);
    fhir.icdr.seed([patient('b1')]);
    const bad = {
      resource: { resourceType: 'Patient', id: 'b1', birthDate: 'nope' },
      request: { method: 'PUT', url: 'Patient/b1' },
    };
    const { status, body } = await fhir.request<Bundle>(
      'POST',
      '',
      tx([put('b1', 'Batched'), bad as BundleEntry, { request: { method: 'GET', url: 'Patient/b1' } }], 'batch'),
    );
    expect(status).toBe(200);
    expect(body.type).toBe('batch-response');
    expect(body.entry!.map((e) => e.response?.status)).toEqual(['200 OK', '400 Bad Request', '200 OK']);
    expect((body.entry![2]!.resource as { name?: { family?: string }[] }).name?.[0]?.family).toBe('Batched');
  });

  it('Prefer: return=minimal leaves the resources out of the response Bundle, not the Bundle itself', async () => {
    const response = await fhir.request<Bundle>('POST', '', tx([put('min-1')]), { prefer: 'return=minimal' });
    expect(response.status).toBe(200);
    expect(response.body.entry![0]!.resource).toBeUndefined();
    expect(response.body.entry![0]!.response?.location).toMatch(/^Patient\/min-1\/_history\/1$/);
  });

  it('an If-Match conflict inside a transaction answers 412 and applies nothing', async () => {
    fhir.icdr.seed([patient('c1'), patient('c2')]);
    await fhir.request('PUT', 'Patient/c2', patient('c2', 'Moved on'));
    const stale: BundleEntry = {
      ...put('c2', 'Mine'),
      request: { method: 'PUT', url: 'Patient/c2', ifMatch: 'W/"1"' },
    };
    const result = await fhir.request('POST', '', tx([put('c1', 'Mine'), stale]));
    expect(result.status).toBe(412);
    expect((await fhir.get<{ meta?: { versionId?: string } }>('Patient/c1')).body.meta?.versionId).toBe('1');
  });
});
