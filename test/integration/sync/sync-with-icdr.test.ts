/**
 * The sync guarantees, against the real test iCDR in each of the three server families a
 * clinic meets: nothing lost, nothing duplicated, merges where possible, conflicts shown.
 */
import type { Patient } from '@medplum/fhirtypes';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatientRecord, PatientSearchResult } from '../../../src-shared/domain/patient';
import type { SyncProblem } from '../../../src-shared/domain/sync';
import { BEHAVIOURS, type Fhir } from '../icdr/helpers';
import { loadSyntheaBundles, SYNTHEA_DIR } from '../../support/icdr';
import { adultDraft, childDraft } from '../../support/temp-core';
import { connectLaptop, editCentrally, startIcdr, type Laptop } from './support';
import { existsSync } from 'node:fs';

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function setup(behaviour: (typeof BEHAVIOURS)[number], patients = 12): Promise<{ fhir: Fhir; laptop: Laptop }> {
  const fhir = await startIcdr({
    behaviour,
    clinic: { patients, seed: 7, encountersPerPatient: 1, observationsPerPatient: 2, immunizationsPerPatient: 1 },
  });
  open.push(fhir);
  const laptop = await connectLaptop(fhir);
  open.push(laptop);
  return { fhir, laptop };
}

function localCount(laptop: Laptop, type: string): number {
  return laptop.count(`SELECT count(*) AS n FROM resources WHERE type = '${type}' AND deleted = 0`);
}

/** The server copy of a resource created here: by id, or (no client ids) by the local identifier. */
function centralCopies(fhir: Fhir, localId: string): Patient[] {
  return fhir.icdr
    .resources<Patient>('Patient')
    .filter(
      (p) =>
        p.id === localId ||
        p.identifier?.some((i) => i.system === 'https://kliniki.org/fhir/sid/local-id' && i.value === localId),
    );
}

describe.each(BEHAVIOURS)('sync with a %s-like iCDR', (behaviour) => {
  it('pulls the whole clinic and finds its patients offline', async () => {
    const { fhir, laptop } = await setup(behaviour);
    const status = await laptop.sync();
    expect(status.lastError).toBeNull();
    expect(status.state).toBe('idle');
    for (const type of ['Patient', 'Encounter', 'Observation', 'Immunization']) {
      expect(localCount(laptop, type)).toBe(fhir.icdr.resources(type).length);
    }
    const first = fhir.icdr.resources<Patient>('Patient')[0]!;
    const found = await laptop.call<PatientSearchResult>('patients:search', { text: first.name?.[0]?.family ?? '' });
    expect(found.items.map((p) => p.id)).toContain(first.id);
    // A second run brings nothing new and changes nothing.
    const again = await laptop.sync();
    expect(again.lastRun?.received ?? 0).toBeLessThanOrEqual(fhir.icdr.size());
    expect(localCount(laptop, 'Patient')).toBe(fhir.icdr.resources('Patient').length);
  });

  it('sends patients registered offline, once, and settles the outbox', async () => {
    const { fhir, laptop } = await setup(behaviour, 3);
    await laptop.sync();
    const record = await laptop.call<PatientRecord>('patients:register', { draft: childDraft() });
    expect((await laptop.call<{ waitingToSend: number }>('sync:get-status')).waitingToSend).toBe(1);
    const status = await laptop.sync();
    expect(status.waitingToSend).toBe(0);
    expect(status.rejected).toBe(0);
    const copies = centralCopies(fhir, record.summary.id);
    expect(copies).toHaveLength(1);
    expect(copies[0]!.name?.[0]?.family).toBe('Mukasa');
    expect(copies[0]!.meta?.lastUpdated).toBeDefined();
    await laptop.sync();
    expect(centralCopies(fhir, record.summary.id)).toHaveLength(1);
  });

  it('sends a day of registrations within the server’s transaction limits', async () => {
    const { fhir, laptop } = await setup(behaviour, 1);
    const ids: string[] = [];
    const numbers: string[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await laptop.call<PatientRecord>('patients:register', { draft: adultDraft({ given: `Batch${i}` }) });
      ids.push(r.summary.id);
      numbers.push(r.summary.clinicNumber);
    }
    const status = await laptop.sync();
    expect(status.lastError).toBeNull();
    expect(status.waitingToSend).toBe(0);
    for (const id of ids) expect(centralCopies(fhir, id)).toHaveLength(1);
    expect(fhir.icdr.resources('Patient')).toHaveLength(61);
    // Where the server names records itself, the laptop now uses its names, and search still finds them.
    const found = await laptop.call<PatientSearchResult>('patients:search', { text: numbers[42] });
    expect(found.items).toHaveLength(1);
    expect(fhir.icdr.resource('Patient', found.items[0]!.id)).toBeDefined();
  });

  it('keeps fields the portal does not know through pull, edit and push', async () => {
    const { fhir, laptop } = await setup(behaviour, 2);
    const target = fhir.icdr.resources<Patient>('Patient')[0]!;
    await editCentrally(fhir, 'Patient', target.id!, (p) => ({
      ...p,
      gender: 'female',
      birthDate: '1990-01-01',
      extension: [{ url: 'http://example.org/fhir/ethnicity', valueString: 'Muganda' }],
      maritalStatus: { text: 'Married' },
      communication: [{ language: { text: 'Luganda' }, preferred: true }],
    }));
    await laptop.sync();
    const record = await laptop.call<PatientRecord>('patients:get', { id: target.id });
    await laptop.call('patients:update', {
      id: target.id,
      rev: record.rev,
      draft: { ...record.draft, village: 'Gayaza' },
    });
    const status = await laptop.sync();
    expect(status.waitingToSend).toBe(0);
    const central = fhir.icdr.resource<Patient>('Patient', target.id!)!;
    expect(central.address?.[0]?.city).toBe('Gayaza');
    expect(central.extension).toEqual([{ url: 'http://example.org/fhir/ethnicity', valueString: 'Muganda' }]);
    expect(central.maritalStatus).toEqual({ text: 'Married' });
    expect(central.communication).toEqual([{ language: { text: 'Luganda' }, preferred: true }]);
  });

  it('merges a local and a central edit of different fields', async () => {
    const { fhir, laptop } = await setup(behaviour, 2);
    await laptop.sync();
    const target = fhir.icdr.resources<Patient>('Patient')[0]!;
    const record = await laptop.call<PatientRecord>('patients:get', { id: target.id });
    await laptop.call('patients:update', {
      id: target.id,
      rev: record.rev,
      draft: { ...record.draft, phone: '+256 700 111222' },
    });
    await editCentrally(fhir, 'Patient', target.id!, (p) => ({ ...p, maritalStatus: { text: 'Widowed' } }));
    const status = await laptop.sync();
    expect(status.conflicts).toBe(0);
    expect(status.waitingToSend).toBe(0);
    const central = fhir.icdr.resource<Patient>('Patient', target.id!)!;
    expect(central.telecom?.find((t) => t.system === 'phone')?.value).toBe('+256 700 111222');
    expect(central.maritalStatus).toEqual({ text: 'Widowed' });
    expect(laptop.patientJson(target.id!)?.maritalStatus).toEqual({ text: 'Widowed' });
  });

  it('shows edits of the same field as a conflict, and sends the nurse’s choice', async () => {
    const { fhir, laptop } = await setup(behaviour, 2);
    await laptop.sync();
    const target = fhir.icdr.resources<Patient>('Patient')[0]!;
    const record = await laptop.call<PatientRecord>('patients:get', { id: target.id });
    await laptop.call('patients:update', {
      id: target.id,
      rev: record.rev,
      draft: { ...record.draft, village: 'Wakiso' },
    });
    await editCentrally(fhir, 'Patient', target.id!, (p) => ({ ...p, address: [{ city: 'Entebbe' }] }));
    // Even where the server does not check If-Match (SanteDB), the laptop reads before it writes.
    const status = await laptop.sync();
    expect(status.conflicts).toBe(1);
    const problems = await laptop.call<SyncProblem[]>('sync:list-problems');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.fields).toEqual([
      expect.objectContaining({ path: 'address', mine: 'Wakiso', theirs: 'Entebbe' }),
    ]);
    // Untouched until a person decides: the local edit is neither lost nor sent.
    expect(fhir.icdr.resource<Patient>('Patient', target.id!)?.address?.[0]?.city).toBe('Entebbe');
    expect(laptop.patientJson(target.id!)?.address?.[0]?.city).toBe('Wakiso');
    await laptop.call('sync:resolve-conflict', {
      resourceType: 'Patient',
      resourceId: target.id,
      choices: { address: 'mine' },
    });
    const after = await laptop.sync();
    expect(after.conflicts).toBe(0);
    expect(after.waitingToSend).toBe(0);
    expect(fhir.icdr.resource<Patient>('Patient', target.id!)?.address?.[0]?.city).toBe('Wakiso');
  });

  it('removes a patient deleted centrally', async () => {
    const { fhir, laptop } = await setup(behaviour, 3);
    await laptop.sync();
    const target = fhir.icdr.resources<Patient>('Patient')[1]!;
    // Its clinical records go first, as a central registry would require.
    for (const type of ['Observation', 'Immunization', 'Encounter']) {
      for (const resource of fhir.icdr.resources(type)) {
        const r = resource as unknown as {
          id: string;
          subject?: { reference?: string };
          patient?: { reference?: string };
        };
        const ref = r.subject?.reference ?? r.patient?.reference;
        if (ref === `Patient/${target.id}`)
          expect((await fhir.request('DELETE', `${type}/${r.id}`)).status).toBeLessThan(300);
      }
    }
    expect((await fhir.request('DELETE', `Patient/${target.id}`)).status).toBeLessThan(300);
    await laptop.sync();
    expect(laptop.patientJson(target.id!)).toBeNull();
    const found = await laptop.call<PatientSearchResult>('patients:search', { text: target.name?.[0]?.family ?? '' });
    expect(found.items.map((p) => p.id)).not.toContain(target.id);
  });

  it('resumes a pull cut mid-page without loss or duplicates', async () => {
    const { fhir, laptop } = await setup(behaviour, 20);
    fhir.icdr.setFaults({ resetMidPage: { times: 2, after: 3 } });
    const status = await laptop.sync();
    expect(status.lastError).toBeNull();
    expect(fhir.icdr.faultCounts()['reset-mid-page']).toBe(2);
    for (const type of ['Patient', 'Encounter', 'Observation', 'Immunization']) {
      expect(localCount(laptop, type)).toBe(fhir.icdr.resources(type).length);
    }
  });

  it('sends nothing twice when the connection drops after the server stored an upload', async () => {
    const { fhir, laptop } = await setup(behaviour, 1);
    await laptop.sync();
    const records = [];
    for (let i = 0; i < 3; i++)
      records.push(
        await laptop.call<PatientRecord>('patients:register', { draft: adultDraft({ given: `Upload${i}` }) }),
      );
    fhir.icdr.setFaults({ resetMidUpload: { when: 'after-apply', times: 1 } });
    const status = await laptop.sync();
    expect(status.waitingToSend).toBe(0);
    expect(fhir.icdr.faultCounts()['reset-mid-upload']).toBe(1);
    for (const record of records) expect(centralCopies(fhir, record.summary.id)).toHaveLength(1);
  });

  it('works with a server clock six hours off', async () => {
    const { fhir, laptop } = await setup(behaviour, 4);
    fhir.icdr.setFaults({ clockOffsetMs: -6 * 3600_000 });
    await laptop.sync();
    const target = fhir.icdr.resources<Patient>('Patient')[0]!;
    await editCentrally(fhir, 'Patient', target.id!, (p) => ({ ...p, maritalStatus: { text: 'Married' } }));
    await laptop.sync();
    expect(laptop.patientJson(target.id!)?.maritalStatus).toEqual({ text: 'Married' });
  });

  it('renews an expired token without losing the run', async () => {
    const { fhir, laptop } = await setup(behaviour, 10);
    fhir.icdr.setFaults({ expireTokensAfterMs: 1 });
    const status = await laptop.sync();
    expect(status.lastError).toBeNull();
    expect(localCount(laptop, 'Observation')).toBe(fhir.icdr.resources('Observation').length);
  });
});

describe('sync across laptops and data', () => {
  it('lets two laptops edit the same patient: different fields merge, the server has both', async () => {
    const fhir = await startIcdr({ behaviour: 'hapi', clinic: { patients: 2, seed: 3 } });
    open.push(fhir);
    const a = await connectLaptop(fhir);
    open.push(a);
    const b = await connectLaptop(fhir);
    open.push(b);
    await a.sync();
    await b.sync();
    const id = fhir.icdr.resources<Patient>('Patient')[0]!.id!;
    const ra = await a.call<PatientRecord>('patients:get', { id });
    await a.call('patients:update', { id, rev: ra.rev, draft: { ...ra.draft, phone: '0700 000 111' } });
    const rb = await b.call<PatientRecord>('patients:get', { id });
    await b.call('patients:update', { id, rev: rb.rev, draft: { ...rb.draft, village: 'Mukono' } });
    await a.sync();
    await b.sync();
    await a.sync();
    const central = fhir.icdr.resource<Patient>('Patient', id)!;
    expect(central.telecom?.find((t) => t.system === 'phone')?.value).toBe('0700 000 111');
    expect(central.address?.[0]?.city).toBe('Mukono');
    expect(a.patientJson(id)?.address?.[0]?.city).toBe('Mukono');
  });

  it.runIf(existsSync(SYNTHEA_DIR))('pulls the Synthea patients with every resource type kept', async () => {
    const fhir = await startIcdr({ behaviour: 'hapi', seed: loadSyntheaBundles() });
    open.push(fhir);
    const laptop = await connectLaptop(fhir);
    open.push(laptop);
    await laptop.call('sync:save-settings', {
      baseUrl: fhir.icdr.baseUrl,
      tokenUrl: fhir.icdr.tokenUrl,
      clientId: fhir.icdr.clientId,
      clientSecret: '',
      subscriptions: [
        'Organization',
        'Practitioner',
        'Patient',
        'Encounter',
        'Observation',
        'Immunization',
        'Condition',
        'Claim',
        'ExplanationOfBenefit',
        'CarePlan',
      ].map((resourceType) => ({ resourceType, query: '' })),
      intervalMinutes: 5,
    });
    const status = await laptop.sync();
    expect(status.lastError).toBeNull();
    expect(localCount(laptop, 'Patient')).toBe(7);
    expect(localCount(laptop, 'Claim')).toBe(fhir.icdr.resources('Claim').length);
    expect(localCount(laptop, 'Claim')).toBeGreaterThan(0);
  });
});
