// Plain-fetch helpers for the test iCDR's own tests.
import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import { startTestIcdr, type StartTestIcdrOptions, type TestIcdr } from '../../support/icdr';

export interface FhirResult<T = Resource> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface Fhir {
  readonly icdr: TestIcdr;
  /** `path` relative to the FHIR base, or an absolute URL used verbatim. */
  request<T = Resource>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<FhirResult<T>>;
  get<T = Resource>(path: string, headers?: Record<string, string>): Promise<FhirResult<T>>;
  /** Follows next links verbatim and returns every page. */
  pages(path: string): Promise<Bundle[]>;
  close(): Promise<void>;
}

export async function startFhir(options: StartTestIcdrOptions = {}): Promise<Fhir> {
  const icdr = await startTestIcdr(options);
  let token: string | undefined;
  const request = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    token ??= icdr.oidc ? await icdr.getToken() : undefined;
    const url = /^https?:/.test(path) ? path : `${icdr.baseUrl}/${path}`;
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/fhir+json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/fhir+json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
  };
  const fhir: Fhir = {
    icdr,
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    pages: async (path) => {
      const out: Bundle[] = [];
      let next: string | undefined = path;
      while (next) {
        const { status, body }: FhirResult<Bundle> = await request<Bundle>('GET', next);
        if (status !== 200) throw new Error(`GET ${next} answered ${status}: ${JSON.stringify(body)}`);
        out.push(body);
        next = body.link?.find((l) => l.relation === 'next')?.url;
        if (out.length > 10_000) throw new Error('paging does not end');
      }
      return out;
    },
    close: () => icdr.close(),
  };
  return fhir;
}

export function ids(bundles: Bundle | Bundle[]): string[] {
  return [bundles]
    .flat()
    .flatMap((b) => b.entry ?? [])
    .map((e) => (e.resource ? `${e.resource.resourceType}/${e.resource.id}` : (e.request?.url ?? '')));
}

export function patient(id?: string, family = 'Test'): Patient {
  return { resourceType: 'Patient', ...(id ? { id } : {}), name: [{ family, given: ['Ada'] }], gender: 'female' };
}

export const BEHAVIOURS = ['hapi', 'medplum', 'santedb'] as const;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
