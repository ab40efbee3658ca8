/**
 * Plain HTTP to the test iCDR from the test itself, as someone at the centre would change a
 * record, and to check what really reached the registry.
 */
import type { Patient } from '@medplum/fhirtypes';
import type { TestIcdr } from '../../support/icdr';

export interface IcdrHttp {
  get<T>(path: string): Promise<{ status: number; body: T }>;
  put(resource: Patient & { id: string }): Promise<number>;
  delete(path: string): Promise<number>;
  /** Adults only: a child's record needs a guardian before the form saves it. */
  adults(count: number): Promise<(Patient & { id: string })[]>;
}

export async function icdrHttp(icdr: TestIcdr): Promise<IcdrHttp> {
  const token = await icdr.getToken();
  const headers = {
    authorization: `Bearer ${token}`,
    accept: 'application/fhir+json',
    'content-type': 'application/fhir+json',
  };
  const url = (path: string) => `${icdr.baseUrl}/${path}`;
  const http: IcdrHttp = {
    async get<T>(path: string) {
      const response = await fetch(url(path), { headers });
      return { status: response.status, body: (await response.json()) as T };
    },
    async put(resource) {
      const response = await fetch(url(`Patient/${resource.id}`), {
        method: 'PUT',
        headers,
        body: JSON.stringify(resource),
      });
      await response.body?.cancel();
      return response.status;
    },
    async delete(path) {
      const response = await fetch(url(path), { method: 'DELETE', headers });
      await response.body?.cancel();
      return response.status;
    },
    async adults(count) {
      const { body } = await http.get<{ entry?: { resource: Patient & { id: string } }[] }>(
        `Patient?birthdate=lt2000-01-01&_count=${count}`,
      );
      return (body.entry ?? []).map((e) => e.resource);
    },
  };
  return http;
}
