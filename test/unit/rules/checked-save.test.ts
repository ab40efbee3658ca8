/**
 * Rules are enforced by the core on every save, through the real channels: an error refuses and
 * leaves nothing behind; a warning refuses until the nurse confirms it, and her confirmation is
 * kept as a Provenance that travels to the iCDR.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import { violationsOf } from '../../../src-shared/domain/rules';
import type { RecordVitalsResult, Visit } from '../../../src-shared/domain/visit';
import { createLocalResource } from '../../../src-main/store/resource-repo';
import { adultDraft, childDraft, startTestCore, type TestCore } from '../../support/temp-core';
import { pack, yearsAgo } from './support';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const count = (sql: string) => (t.core.store.sqlite.prepare(sql).get() as { n: number }).n;
const outbox = () => count('SELECT count(*) AS n FROM outbox');
const patients = () => count("SELECT count(*) AS n FROM resources WHERE type = 'Patient'");

function publishLocally(resource: Record<string, unknown>) {
  createLocalResource(
    t.core.store.sqlite,
    { resourceType: 'StructureDefinition', ...resource },
    { userId: null, now: new Date() },
  );
}

describe('patients', () => {
  const veryOld = () => adultDraft({ birth: { kind: 'exact', date: yearsAgo(101) } });

  it('a warning refuses the save until the nurse confirms it, and nothing is written meanwhile', async () => {
    const before = { outbox: outbox(), patients: patients() };
    const refused = await t.fail('patients:register', { draft: veryOld() });
    expect(refused.code).toBe('RULE_VIOLATION');
    const [violation, ...others] = violationsOf(refused.details);
    expect(others).toEqual([]);
    expect(violation).toMatchObject({ key: 'pat-very-old', severity: 'warning', field: 'birth' });
    expect(violation?.messages.fr).toMatch(/plus de 100 ans/);
    expect(violation?.messages.sw).toMatch(/zaidi ya miaka 100/);
    expect({ outbox: outbox(), patients: patients() }).toEqual(before);

    // Confirming some other warning is not confirming this one.
    const wrong = await t.fail('patients:register', { draft: veryOld(), confirmWarnings: ['something|else'] });
    expect(wrong.code).toBe('RULE_VIOLATION');

    const saved = await t.call<PatientRecord>('patients:register', {
      draft: veryOld(),
      confirmWarnings: [violation!.ruleId],
    });
    expect(patients()).toBe(before.patients + 1);
    const provenance = t.core.store.sqlite
      .prepare("SELECT json FROM resources WHERE type = 'Provenance'")
      .all()
      .map((r) => JSON.parse((r as { json: string }).json) as Record<string, unknown>);
    expect(provenance).toEqual([
      expect.objectContaining({
        target: [{ reference: `Patient/${saved.summary.id}` }],
        agent: [{ who: { display: 'Amina Otieno' } }],
        reason: [
          expect.objectContaining({
            coding: [expect.objectContaining({ code: 'pat-very-old', system: violation!.ruleId.split('|')[0] })],
          }),
        ],
      }),
    ]);
    // The confirmation goes to the iCDR with the record.
    expect(count("SELECT count(*) AS n FROM outbox WHERE resource_type = 'Provenance'")).toBe(1);
  });

  it('an error refuses even when the nurse tries to confirm it, and the edit is not written', async () => {
    const record = await t.call<PatientRecord>('patients:register', { draft: childDraft() });
    publishLocally(
      pack('Patient', [
        { key: 'no-x', severity: 'error', human: 'No X in names.', expression: "name.family.all($this != 'X')" },
      ]),
    );
    const before = outbox();
    const refused = await t.fail('patients:update', {
      id: record.summary.id,
      rev: record.rev,
      draft: childDraft({ family: 'X' }),
      confirmWarnings: ['https://moh.example.org/fhir/StructureDefinition/patient-extra|no-x'],
    });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details?.fields).toEqual({});
    expect(violationsOf(refused.details).map((v) => [v.key, v.severity])).toEqual([['no-x', 'error']]);
    expect(outbox()).toBe(before);
    const kept = await t.call<PatientRecord>('patients:get', { id: record.summary.id });
    expect(kept.summary.family).toBe('Mukasa');
    expect(kept.rev).toBe(record.rev);
  });
});

describe('visits', () => {
  async function visitOf(draft = adultDraft()) {
    const patient = await t.call<PatientRecord>('patients:register', { draft });
    return t.call<Visit>('visits:start', { patientId: patient.summary.id, type: 'Sick visit', reason: 'Cough' });
  }

  it('a vitals error names the field, and none of the form’s measurements are saved', async () => {
    const visit = await visitOf();
    const observations = () => count("SELECT count(*) AS n FROM resources WHERE type = 'Observation'");
    const refused = await t.fail('visits:record-vitals', {
      id: visit.id,
      vitals: { temperature: { value: '29', unit: '°C' }, weight: { value: '70', unit: 'kg' } },
    });
    expect(refused.code).toBe('RULE_VIOLATION');
    expect(refused.details?.fields).toEqual({
      temperature: 'A body temperature must be between 30 and 45 °C. Please measure again.',
    });
    expect(observations()).toBe(0);
  });

  it('a weight warning for the patient’s age is saved once confirmed', async () => {
    const visit = await visitOf(adultDraft());
    const vitals = { weight: { value: '20', unit: 'kg' } };
    const refused = await t.fail('visits:record-vitals', { id: visit.id, vitals });
    const [warning] = violationsOf(refused.details);
    expect(warning).toMatchObject({ key: 'obs-weight-adult-low', field: 'weight', severity: 'warning' });
    const saved = await t.call<RecordVitalsResult>('visits:record-vitals', {
      id: visit.id,
      vitals,
      confirmWarnings: [warning!.ruleId],
    });
    expect(saved.visit.vitals.map((v) => v.kind)).toEqual(['weight']);
  });

  it('a central rule on visits applies to starting and finishing one', async () => {
    publishLocally(
      pack('Encounter', [
        {
          key: 'needs-reason',
          severity: 'error',
          human: 'Write why the patient came.',
          expression: 'reasonCode.exists()',
        },
      ]),
    );
    const patient = await t.call<PatientRecord>('patients:register', { draft: adultDraft() });
    const refused = await t.fail('visits:start', { patientId: patient.summary.id, type: 'Sick visit', reason: '' });
    expect(violationsOf(refused.details).map((v) => v.key)).toEqual(['needs-reason']);
    expect(count("SELECT count(*) AS n FROM resources WHERE type = 'Encounter'")).toBe(0);
  });
});

describe('immunizations', () => {
  it('a central lot-number warning holds a dose until confirmed', async () => {
    publishLocally(
      pack('Immunization', [
        {
          key: 'lot',
          severity: 'warning',
          human: 'Write the lot number.',
          expression: "status = 'completed' implies lotNumber.exists()",
        },
      ]),
    );
    const child = await t.call<PatientRecord>('patients:register', {
      draft: childDraft({ birth: { kind: 'exact', date: yearsAgo(0, 60) } }),
    });
    const input = { patientId: child.summary.id, doses: [{ seriesId: 'who-epi-bcg', outcome: 'given' }] };
    const refused = await t.fail('immunizations:record', input);
    // The shipped pack asks the same of a dose given here; the central rule adds to it.
    const warnings = violationsOf(refused.details);
    expect(warnings.map((w) => [w.key, w.resourceType, w.index]).sort()).toEqual([
      ['imm-lot-number', 'Immunization', 0],
      ['lot', 'Immunization', 0],
    ]);
    expect(count("SELECT count(*) AS n FROM resources WHERE type = 'Immunization'")).toBe(0);
    const central = warnings.find((w) => w.key === 'lot')!;
    // Confirming one warning is not confirming them all.
    expect((await t.fail('immunizations:record', { ...input, confirmWarnings: [central.ruleId] })).code).toBe(
      'RULE_VIOLATION',
    );
    await t.call('immunizations:record', { ...input, confirmWarnings: warnings.map((w) => w.ruleId) });
    expect(count("SELECT count(*) AS n FROM resources WHERE type = 'Immunization'")).toBe(1);
    expect(count("SELECT count(*) AS n FROM resources WHERE type = 'Provenance'")).toBe(1);
  });
});

describe('immunizations: where a rule error shows', () => {
  it('names the field and which dose of the save it is about', async () => {
    publishLocally(
      pack(
        'Immunization',
        [{ key: 'no-test-lots', human: 'Test lots must not be used.', expression: "$this.startsWith('TEST').not()" }],
        { path: 'Immunization.lotNumber' },
      ),
    );
    const child = await t.call<PatientRecord>('patients:register', {
      draft: childDraft({ birth: { kind: 'exact', date: yearsAgo(0, 60) } }),
    });
    const refused = await t.fail('immunizations:record', {
      patientId: child.summary.id,
      doses: [
        { seriesId: 'who-epi-bcg', outcome: 'given', lotNumber: 'BCG-0425' },
        { seriesId: 'who-epi-opv', outcome: 'given', lotNumber: 'TEST-1' },
      ],
    });
    expect(violationsOf(refused.details)).toEqual([
      expect.objectContaining({ key: 'no-test-lots', severity: 'error', field: 'lotNumber', index: 1 }),
    ]);
    expect(count("SELECT count(*) AS n FROM resources WHERE type = 'Immunization'")).toBe(0);
  });
});

describe('the clock', () => {
  it('today() in rules is the core’s day, not the computer’s', async () => {
    const later = await startTestCore({ now: () => new Date('2031-01-10T09:00:00Z') });
    try {
      // 15 and a half by the core's clock (an adult for the rule), 11 by the real one in 2026.
      const patient = await later.call<PatientRecord>('patients:register', {
        draft: childDraft({ birth: { kind: 'exact', date: '2015-06-01' } }),
      });
      const visit = await later.call<Visit>('visits:start', {
        patientId: patient.summary.id,
        type: 'Sick visit',
        reason: '',
      });
      const refused = await later.fail('visits:record-vitals', {
        id: visit.id,
        vitals: { weight: { value: '20', unit: 'kg' } },
      });
      expect(violationsOf(refused.details).map((v) => v.key)).toEqual(['obs-weight-adult-low']);
    } finally {
      later.close();
    }
  });
});
