import type { Patient } from '@medplum/fhirtypes';
import { startFhir, type Fhir } from '../icdr/helpers';
import type { StartTestIcdrOptions } from '../../support/icdr';
import { startTestCore, type TestCore } from '../../support/temp-core';
import type { SyncStatus } from '../../../src-shared/domain/sync';
import type { CoreOptions } from '../../../src-main/core';

export interface Laptop extends TestCore {
  /** Runs one sync to the end and returns the status after it. */
  sync(): Promise<SyncStatus>;
  patientJson(id: string): Patient | null;
  count(sql: string): number;
}

export async function connectLaptop(fhir: Fhir, options: Partial<CoreOptions> = {}): Promise<Laptop> {
  const t = await startTestCore({
    sync: { runner: 'in-process', schedule: false, pageSize: 25, reconcileEveryMs: 0, ...options.sync },
    ...options,
  });
  await t.call('sync:save-settings', {
    baseUrl: fhir.icdr.baseUrl,
    tokenUrl: fhir.icdr.tokenUrl,
    clientId: fhir.icdr.clientId,
    clientSecret: fhir.icdr.clientSecret,
    subscriptions: [
      { resourceType: 'Organization', query: '' },
      { resourceType: 'Practitioner', query: '' },
      { resourceType: 'Patient', query: '' },
      { resourceType: 'Encounter', query: '' },
      { resourceType: 'Observation', query: '' },
      { resourceType: 'Immunization', query: '' },
    ],
    intervalMinutes: 5,
  });
  const sqlite = t.core.store.sqlite;
  return {
    ...t,
    async sync() {
      await t.call('sync:run-now');
      await t.core.sync.idle();
      return t.call<SyncStatus>('sync:get-status');
    },
    patientJson(id) {
      const row = sqlite
        .prepare("SELECT json FROM resources WHERE type = 'Patient' AND id = ? AND deleted = 0")
        .get(id) as { json: string } | undefined;
      return row ? (JSON.parse(row.json) as Patient) : null;
    },
    count(sql) {
      return (sqlite.prepare(sql).get() as { n: number }).n;
    },
  };
}

export async function startIcdr(options: StartTestIcdrOptions): Promise<Fhir> {
  return startFhir(options);
}

/** Central edit through plain FHIR REST, as another system would make it. */
export async function editCentrally(
  fhir: Fhir,
  type: string,
  id: string,
  edit: (r: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const current = await fhir.get<Record<string, unknown>>(`${type}/${id}`);
  if (current.status !== 200) throw new Error(`GET ${type}/${id} answered ${current.status}`);
  const next = edit(structuredClone(current.body));
  const put = await fhir.request('PUT', `${type}/${id}`, next);
  if (put.status >= 300) throw new Error(`PUT ${type}/${id} answered ${put.status}: ${JSON.stringify(put.body)}`);
}
