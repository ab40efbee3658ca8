/**
 * A server whose CapabilityStatement claims more than it does. The lie is made at the network
 * edge (the one fault the test iCDR cannot produce on its own): its Medplum-like behaviour
 * refuses client-chosen ids, while the statement the laptop reads says it accepts them.
 */
import type { Patient } from '@medplum/fhirtypes';
import { afterEach, expect, it } from 'vitest';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import { adultDraft } from '../../support/temp-core';
import { connectLaptop, startIcdr } from './support';

const realFetch = globalThis.fetch;
const open: { close(): unknown }[] = [];
afterEach(async () => {
  globalThis.fetch = realFetch;
  for (const item of open.splice(0).reverse()) await item.close();
});

it('falls back to conditional create in the same run when advertised client ids are refused', async () => {
  const fhir = await startIcdr({ behaviour: 'medplum' });
  open.push(fhir);
  globalThis.fetch = async (input, init) => {
    const response = await realFetch(input, init);
    const url = input instanceof Request ? input.url : input.toString();
    if (!url.endsWith('/metadata')) return response;
    const statement = (await response.json()) as { rest?: { resource?: { updateCreate?: boolean }[] }[] };
    for (const resource of statement.rest?.[0]?.resource ?? []) resource.updateCreate = true;
    return new Response(JSON.stringify(statement), { status: response.status, headers: response.headers });
  };
  const laptop = await connectLaptop(fhir);
  open.push(laptop);
  const record = await laptop.call<PatientRecord>('patients:register', { draft: adultDraft() });
  const status = await laptop.sync();
  expect(status.waitingToSend).toBe(0);
  expect(status.rejected).toBe(0);
  const copies = fhir.icdr
    .resources<Patient>('Patient')
    .filter((p) => p.identifier?.some((i) => i.value === record.summary.id));
  expect(copies).toHaveLength(1);
});
