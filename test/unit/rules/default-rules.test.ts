/**
 * Each rule of the shipped pack passes on good data and fires on bad, evaluated by the real
 * FHIRPath engine in the rule worker, exactly as a save evaluates it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FhirResource } from '../../../src-shared/fhir/types';
import { engineFixture, yearsAgo, type EngineFixture } from './support';

let f: EngineFixture;
beforeAll(() => {
  f = engineFixture();
});
afterAll(() => f.close());

const patient = (extra: Record<string, unknown> = {}): FhirResource => ({
  resourceType: 'Patient',
  id: 'p1',
  birthDate: yearsAgo(30),
  telecom: [{ system: 'phone', value: '+256 772 123456' }],
  ...extra,
});

function vital(code: string, value: number, unit: string): FhirResource {
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code }] },
    subject: { reference: 'Patient/p1' },
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  };
}

function bloodPressure(systolic: number, diastolic: number): FhirResource {
  const part = (code: string, value: number) => ({
    code: { coding: [{ system: 'http://loinc.org', code }] },
    valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
  });
  return {
    resourceType: 'Observation',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
    component: [part('8480-6', systolic), part('8462-4', diastolic)],
  };
}

const immunization = (extra: Record<string, unknown> = {}): FhirResource => ({
  resourceType: 'Immunization',
  status: 'completed',
  vaccineCode: { text: 'Pentavalent' },
  patient: { reference: 'Patient/p1' },
  occurrenceDateTime: yearsAgo(0, 1),
  lotNumber: 'PV-2291A',
  ...extra,
});

const check = (resource: FhirResource, subject: FhirResource | null = null) =>
  f.failing({ resource, patient: subject });

describe('shipped rules on patients', () => {
  it('accepts a complete adult record', () => {
    expect(check(patient())).toEqual([]);
  });
  it('pat-birth-not-future: refuses a date of birth in the future', () => {
    expect(check(patient({ birthDate: yearsAgo(-1) }))).toContain('pat-birth-not-future');
    expect(check(patient({ birthDate: yearsAgo(0) }))).not.toContain('pat-birth-not-future');
  });
  it('pat-birth-max-age: refuses someone older than 120 years', () => {
    expect(check(patient({ birthDate: yearsAgo(121) }))).toContain('pat-birth-max-age');
    expect(check(patient({ birthDate: yearsAgo(119) }))).not.toContain('pat-birth-max-age');
  });
  it('pat-very-old: warns above 100 years', () => {
    expect(check(patient({ birthDate: yearsAgo(101) }))).toEqual(['pat-very-old']);
    expect(check(patient({ birthDate: yearsAgo(99) }))).toEqual([]);
  });
  it('pat-phone-format: warns about a phone that is not a number, once per bad phone', () => {
    expect(check(patient({ telecom: [{ system: 'phone', value: 'call the chief' }] }))).toEqual(['pat-phone-format']);
    expect(check(patient({ telecom: [{ system: 'phone', value: '0772 555 111' }] }))).toEqual([]);
    // An e-mail address is not held to the phone format.
    expect(check(patient({ telecom: [{ system: 'email', value: 'a@b.org' }] }))).toEqual([]);
  });
  it('pat-child-guardian: warns when a child has no parent or guardian', () => {
    const child = patient({ birthDate: yearsAgo(4) });
    expect(check(child)).toEqual(['pat-child-guardian']);
    expect(check({ ...child, contact: [{ name: { text: 'Grace Mukasa' } }] })).toEqual([]);
    expect(check(patient({ birthDate: yearsAgo(19) }))).toEqual([]);
  });
});

describe('shipped rules on vital signs', () => {
  const baby = patient({ birthDate: yearsAgo(0, 200) });
  const child = patient({ birthDate: yearsAgo(3) });
  const adult = patient();
  it('obs-temperature-range: refuses a temperature outside 30–45 °C', () => {
    expect(check(vital('8310-5', 37.2, 'Cel'))).toEqual([]);
    expect(check(vital('8310-5', 29.5, 'Cel'))).toEqual(['obs-temperature-range']);
    expect(check(vital('8310-5', 45.5, 'Cel'))).toEqual(['obs-temperature-range']);
  });
  it('obs-bp-order: refuses a systolic not above the diastolic', () => {
    expect(check(bloodPressure(120, 80))).toEqual([]);
    expect(check(bloodPressure(80, 120))).toEqual(['obs-bp-order']);
    expect(check(bloodPressure(90, 90))).toEqual(['obs-bp-order']);
  });
  it('obs-weight-infant: warns about a baby over 15 kg', () => {
    expect(check(vital('29463-7', 7.5, 'kg'), baby)).toEqual([]);
    expect(check(vital('29463-7', 16, 'kg'), baby)).toEqual(['obs-weight-infant']);
  });
  it('obs-weight-under-five: warns about a young child over 35 kg', () => {
    expect(check(vital('29463-7', 14, 'kg'), child)).toEqual([]);
    expect(check(vital('29463-7', 40, 'kg'), child)).toEqual(['obs-weight-under-five']);
  });
  it('obs-weight-adult-low: warns about an adult under 25 kg', () => {
    expect(check(vital('29463-7', 62, 'kg'), adult)).toEqual([]);
    expect(check(vital('29463-7', 20, 'kg'), adult)).toEqual(['obs-weight-adult-low']);
  });
  it('weight rules stay silent when the patient or the birth date is unknown', () => {
    expect(check(vital('29463-7', 20, 'kg'), null)).toEqual([]);
    expect(check(vital('29463-7', 20, 'kg'), patient({ birthDate: undefined }))).toEqual([]);
  });
});

describe('shipped rules on immunizations', () => {
  const child = patient({ birthDate: yearsAgo(1) });
  it('accepts a dose given yesterday with its lot number', () => {
    expect(check(immunization(), child)).toEqual([]);
  });
  it('imm-not-future: refuses a date in the future', () => {
    expect(check(immunization({ occurrenceDateTime: yearsAgo(-1) }), child)).toEqual(['imm-not-future']);
  });
  it('imm-after-birth: refuses a dose before the patient was born', () => {
    expect(check(immunization({ occurrenceDateTime: yearsAgo(2) }), child)).toEqual(['imm-after-birth']);
    expect(check(immunization({ occurrenceDateTime: yearsAgo(2) }), null)).toEqual([]);
  });
  it('imm-lot-number: asks to confirm a dose given here without a lot number', () => {
    expect(check(immunization({ lotNumber: undefined }), child)).toEqual(['imm-lot-number']);
    expect(check(immunization({ lotNumber: undefined, primarySource: true }), child)).toEqual(['imm-lot-number']);
    // A dose copied from a card often has no lot number written; a dose not given has none.
    expect(check(immunization({ lotNumber: undefined, primarySource: false }), child)).toEqual([]);
    expect(check(immunization({ lotNumber: undefined, status: 'not-done' }), child)).toEqual([]);
    expect(check(immunization({ lotNumber: undefined, status: 'entered-in-error' }), child)).toEqual([]);
  });
});

describe('shipped rules on visits', () => {
  it('enc-end-after-start: refuses a visit that ends before it starts', () => {
    const visit = (start: string, end: string): FhirResource => ({
      resourceType: 'Encounter',
      status: 'finished',
      class: { code: 'AMB' },
      period: { start, end },
    });
    expect(check(visit('2026-03-01T09:00:00Z', '2026-03-01T09:30:00Z'))).toEqual([]);
    expect(check(visit('2026-03-01T09:30:00Z', '2026-03-01T09:00:00Z'))).toEqual(['enc-end-after-start']);
  });
});

it('the shipped pack has no rule skipped and a French and Swahili message for each rule', () => {
  const overview = f.engine.overview();
  expect(overview.problems).toEqual([]);
  expect(overview.rules.length).toBeGreaterThanOrEqual(13);
  for (const rule of overview.rules) {
    expect(rule.source).toBe('default');
    expect(rule.messages.fr, rule.key).toBeTruthy();
    expect(rule.messages.sw, rule.key).toBeTruthy();
  }
});
