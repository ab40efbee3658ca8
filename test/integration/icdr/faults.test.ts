import type { Bundle, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { patient, startFhir, type Fhir } from './helpers';

let fhir: Fhir;

beforeAll(async () => {
  fhir = await startFhir();
});
afterAll(() => fhir.close());
beforeEach(() => {
  fhir.icdr.reset();
  fhir.icdr.setBehaviour('hapi');
  fhir.icdr.seed(Array.from({ length: 50 }, (_, i) => patient(`f${i}`)));
});

const transaction = (id: string): Bundle => ({
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [{ resource: patient(id), request: { method: 'PUT', url: `Patient/${id}` } }],
});

async function timed<T>(fn: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

describe('faults', () => {
  it('resetMidPage: the connection drops inside a search page, then pages answer again', async () => {
    fhir.icdr.setFaults({ resetMidPage: 1 });
    await expect(fhir.get('Patient?_count=20')).rejects.toThrow();
    expect(fhir.icdr.requestLog.at(-1)).toMatchObject({ fault: 'reset-mid-page', status: 0 });
    expect((await fhir.get('Patient?_count=20')).status).toBe(200);
    fhir.icdr.setFaults({ resetMidPage: { afterBytes: 0, match: { path: /^_history/ } } });
    expect((await fhir.get('Patient?_count=20')).status).toBe(200);
    await expect(fhir.get('_history?_count=20')).rejects.toThrow();
  });

  it('resetMidPage with a probability stays bounded by times and is reproducible', async () => {
    const run = async (): Promise<number> => {
      fhir.icdr.setFaults({ resetMidPage: { probability: 0.5, times: 3 }, seed: 7 });
      let failures = 0;
      for (let i = 0; i < 20; i++) await fhir.get('Patient?_count=5').catch(() => failures++);
      return failures;
    };
    expect(await run()).toBe(3);
    expect(fhir.icdr.faultCounts()['reset-mid-page']).toBe(3);
  });

  it.each([
    ['during-upload', false],
    ['before-apply', false],
    ['after-apply', true],
  ] as const)('resetMidUpload %s: the request fails; the change is applied: %s', async (when, applied) => {
    fhir.icdr.setFaults({ resetMidUpload: { when } });
    await expect(fhir.request('POST', '', transaction('up-1'))).rejects.toThrow();
    expect(fhir.icdr.requestLog.at(-1)?.fault).toBe('reset-mid-upload');
    expect((await fhir.get('Patient/up-1')).status).toBe(applied ? 200 : 404);
    expect(fhir.icdr.changes().filter((c) => c.id === 'up-1')).toHaveLength(applied ? 1 : 0);
  });

  it('status5xx: the next N requests answer the status, then the server recovers', async () => {
    fhir.icdr.setFaults({ status5xx: { times: 2, status: 502 } });
    expect((await fhir.get('Patient/f1')).status).toBe(502);
    expect((await fhir.get('Patient/f1')).status).toBe(502);
    expect((await fhir.get('Patient/f1')).status).toBe(200);
    fhir.icdr.setFaults({ status5xx: { afterApply: true, status: 500 } });
    expect((await fhir.request('PUT', 'Patient/after', patient('after'))).status).toBe(500);
    expect((await fhir.get('Patient/after')).status).toBe(200);
  });

  it('status429: answers 429 with Retry-After in seconds', async () => {
    fhir.icdr.setFaults({ status429: { times: 1, retryAfterSeconds: 7 } });
    const limited = await fhir.get('Patient?_count=1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fhir.get('Patient?_count=1')).status).toBe(200);
  });

  it('latencyMs delays every response; slowPageMs delays one page only', async () => {
    fhir.icdr.setFaults({ latencyMs: 120 });
    expect(await timed(() => fhir.get('Patient/f1'))).toBeGreaterThanOrEqual(110);
    fhir.icdr.setFaults({ slowPageMs: { delayMs: 400, after: 1 } });
    const pages: number[] = [];
    let next: string | undefined = 'Patient?_count=10';
    while (next) {
      const url: string = next;
      let bundle: Bundle | undefined;
      pages.push(await timed(async () => (bundle = (await fhir.get<Bundle>(url)).body)));
      next = bundle?.link?.find((l) => l.relation === 'next')?.url;
    }
    expect(pages).toHaveLength(5);
    expect(pages[1]).toBeGreaterThanOrEqual(380);
    expect(pages.filter((ms) => ms >= 380)).toHaveLength(1);
  });

  it('clockOffsetMs shifts the Date header and the lastUpdated the server stamps', async () => {
    const offset = 6 * 3600_000;
    fhir.icdr.setFaults({ clockOffsetMs: offset });
    const { headers, body } = await fhir.request<Patient>('POST', 'Patient', patient());
    const skew = Date.parse(headers.get('date')!) - Date.now();
    expect(Math.abs(skew - offset)).toBeLessThan(5_000);
    expect(Math.abs(Date.parse(body.meta!.lastUpdated!) - Date.now() - offset)).toBeLessThan(5_000);
    fhir.icdr.setFaults({});
    const normal = await fhir.get('Patient/f1');
    expect(Math.abs(Date.parse(normal.headers.get('date')!) - Date.now())).toBeLessThan(5_000);
  });

  it('a fault can be limited to matching requests', async () => {
    fhir.icdr.setFaults({ status5xx: { times: 1, status: 503, match: { method: 'PUT' } } });
    expect((await fhir.get('Patient/f1')).status).toBe(200);
    const put = await fhir.request('PUT', 'Patient/f1', patient('f1', 'X'));
    expect(put.status).toBe(503);
    expect(put.headers.get('retry-after')).toBe('1');
  });
});
