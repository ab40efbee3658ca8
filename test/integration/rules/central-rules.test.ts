/**
 * The centre's knowledge reaches the laptop at the next sync and works offline: a rule published
 * on the test iCDR refuses a save after the server is gone; a malformed central rule is listed
 * with its reason and blocks nothing; a published schedule replaces the shipped one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { RulesOverview, RuleViolation } from '../../../src-shared/domain/rules';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import { violationsOf } from '../../../src-shared/domain/rules';
import { adultDraft } from '../../support/temp-core';
import { connectLaptop, startIcdr } from '../sync/support';
import { pack } from '../../unit/rules/support';

const open: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

/** As the centre's tooling would: PUT by id where the server allows it, else POST. */
async function publish(fhir: Awaited<ReturnType<typeof startIcdr>>, resource: Record<string, unknown>) {
  const type = String(resource.resourceType);
  const put = fhir.icdr.behaviour.updateCreate
    ? await fhir.request('PUT', `${type}/${String(resource.id)}`, resource)
    : await fhir.request('POST', type, { ...resource, id: undefined });
  if (put.status >= 300) throw new Error(`publishing answered ${put.status}: ${JSON.stringify(put.body)}`);
}

const nationalIdRule = pack(
  'Patient',
  [
    {
      key: 'moh-national-id',
      severity: 'error',
      human: 'Adults must have their national ID recorded.',
      expression: "identifier.where(system = 'https://kliniki.org/fhir/sid/national-id').exists()",
    },
  ],
  { url: 'https://moh.example.org/fhir/StructureDefinition/patient-national-id' },
);

it('a rule published centrally reaches the laptop at the next sync and refuses a save offline', async () => {
  const fhir = await startIcdr({ behaviour: 'hapi' });
  open.push(fhir);
  const laptop = await connectLaptop(fhir);
  open.push(laptop);
  // Before the rule exists an adult without national ID is saved.
  await laptop.call('patients:register', { draft: adultDraft({ nationalId: '' }) });

  await publish(fhir, nationalIdRule);
  // A StructureDefinition the centre did not tag for Kliniki stays on the server.
  await publish(fhir, { ...nationalIdRule, id: 'untagged', url: 'https://moh.example.org/other', meta: {} });
  const status = await laptop.sync();
  expect(status.lastError).toBeNull();
  expect(laptop.count("SELECT count(*) AS n FROM resources WHERE type = 'StructureDefinition'")).toBe(1);

  await fhir.close();
  open.splice(open.indexOf(fhir), 1);
  const outboxBefore = laptop.count('SELECT count(*) AS n FROM outbox');
  const refused = await laptop.fail('patients:register', { draft: adultDraft({ given: 'Juma', nationalId: '' }) });
  expect(refused.code).toBe('RULE_VIOLATION');
  const violations: RuleViolation[] = violationsOf(refused.details);
  expect(violations).toEqual([
    expect.objectContaining({ key: 'moh-national-id', severity: 'error', field: null, resourceType: 'Patient' }),
  ]);
  expect(laptop.count('SELECT count(*) AS n FROM outbox')).toBe(outboxBefore);

  const saved = await laptop.call<PatientRecord>('patients:register', {
    draft: adultDraft({ given: 'Juma', nationalId: 'CM90012345ABCD' }),
  });
  expect(saved.summary.id).toBeTruthy();
  const overview = await laptop.call<RulesOverview>('rules:list');
  expect(overview.rules.find((r) => r.key === 'moh-national-id')).toMatchObject({
    source: 'central',
    packVersion: '1',
    receivedAt: expect.any(String) as string,
  });
});

it('a malformed central rule is listed with its reason and blocks nothing', async () => {
  const fhir = await startIcdr({ behaviour: 'medplum' });
  open.push(fhir);
  const laptop = await connectLaptop(fhir);
  open.push(laptop);
  await publish(
    fhir,
    pack(
      'Patient',
      [
        { key: 'moh-broken', severity: 'error', expression: "name.where(family = 'x'" },
        { key: 'moh-unknown-function', severity: 'error', expression: 'name.soundex().exists()' },
      ],
      { url: 'https://moh.example.org/fhir/StructureDefinition/broken' },
    ),
  );
  expect((await laptop.sync()).lastError).toBeNull();
  const overview = await laptop.call<RulesOverview>('rules:list');
  expect(overview.problems).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        key: 'moh-broken',
        source: 'central',
        message: expect.stringMatching(/not written correctly/) as string,
      }),
      expect.objectContaining({
        key: 'moh-unknown-function',
        message: expect.stringMatching(/function Kliniki does not know/) as string,
      }),
    ]),
  );
  await laptop.call('patients:register', { draft: adultDraft() });
});

it('a schedule published centrally is the schedule in force after sync', async () => {
  // Published through the test iCDR's validator: the shipped schedule must be valid FHIR R4.
  const fhir = await startIcdr({ behaviour: 'hapi' });
  open.push(fhir);
  const laptop = await connectLaptop(fhir);
  open.push(laptop);
  const shipped = JSON.parse(
    readFileSync(join(process.cwd(), 'resources/immunization-schedule/who-epi-schedule.json'), 'utf8'),
  ) as { entry: { resource: Record<string, unknown> }[] };
  for (const { resource } of shipped.entry) {
    await publish(fhir, { ...resource, version: '2027.1' });
  }
  expect((await laptop.sync()).lastError).toBeNull();
  const status = await laptop.call<{ source: string; versions?: string[] }>('immunizations:schedule-status');
  expect(status.source).toBe('central');
});
