import { describe, expect, it } from 'vitest';
import { assessMeasurement } from '../../../src-main/vitals/measurements';
import { bloodPressureObservation, vitalObservation } from '../../../src-main/vitals/vital-observation';

const adult = { ageDays: 30 * 365, sex: 'female' as const };
const infant = { ageDays: 120, sex: 'male' as const };
const toddler = { ageDays: 400, sex: 'female' as const };
const now = new Date('2025-03-01T10:00:00Z');
const ctx = { patient: adult, subject: 'Patient/p1', encounter: 'Encounter/e1', now };

describe('unit conversion', () => {
  it('converts grams and pounds to kilograms', () => {
    expect(assessMeasurement('weight', 3250, 'g', infant)).toMatchObject({ ok: true, value: 3.25 });
    expect(assessMeasurement('weight', 22, 'lb', adult)).toMatchObject({ ok: true, value: 9.979 });
  });
  it('converts metres, millimetres and inches to centimetres', () => {
    expect(assessMeasurement('height', 1.62, 'm', adult)).toMatchObject({ ok: true, value: 162 });
    expect(assessMeasurement('muac', 118, 'mm', toddler)).toMatchObject({ ok: true, value: 11.8 });
    expect(assessMeasurement('length', 24, 'in', infant)).toMatchObject({ ok: true, value: 61 });
  });
  it('converts Fahrenheit to Celsius', () => {
    expect(assessMeasurement('temperature', 98.6, '°F', adult)).toMatchObject({ ok: true, value: 37 });
  });
  it('refuses a unit the measurement does not accept', () => {
    const r = assessMeasurement('temperature', 37, 'kg', adult);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('°C, °F');
  });
});

describe('impossible values are refused with a message in words', () => {
  it('refuses a temperature of 3 °C', () => {
    expect(assessMeasurement('temperature', 3, '°C', adult)).toEqual({
      ok: false,
      message: 'A temperature of 3 °C is not possible; check the value and the unit.',
    });
  });
  it('refuses a weight typed in grams as kilograms', () => {
    const r = assessMeasurement('weight', 3250, 'kg', infant);
    expect(r.ok).toBe(false);
  });
  it('refuses an SpO2 above 100 % and a pulse of 0', () => {
    expect(assessMeasurement('spo2', 101, '%', adult).ok).toBe(false);
    expect(assessMeasurement('pulse', 0, '/min', adult).ok).toBe(false);
  });
  it('refuses a diastolic at or above the systolic', () => {
    const r = bloodPressureObservation({ systolic: 80, diastolic: 120 }, ctx);
    expect(r).toMatchObject({ ok: false, field: 'diastolic' });
  });
  it('refuses a measurement dated in the future', () => {
    const r = vitalObservation(
      { kind: 'temperature', value: 37, unit: '°C' },
      { ...ctx, effectiveDateTime: '2025-03-02T10:00:00Z' },
    );
    expect(r).toMatchObject({ ok: false, field: 'effectiveDateTime' });
  });
});

describe('worrying values are flagged with the reason', () => {
  it('flags fever from 38 °C and hypothermia below 35.5 °C', () => {
    expect(assessMeasurement('temperature', 38, '°C', adult)).toMatchObject({ concern: { interpretation: 'H' } });
    expect(assessMeasurement('temperature', 37.9, '°C', adult)).toMatchObject({ concern: null });
    const cold = assessMeasurement('temperature', 35.4, '°C', adult);
    expect(cold).toMatchObject({ concern: { interpretation: 'L' } });
    if (cold.ok) expect(cold.concern?.reason).toContain('hypothermia');
  });
  it('judges pulse and respiratory rate by age', () => {
    expect(assessMeasurement('pulse', 130, '/min', infant)).toMatchObject({ concern: null });
    expect(assessMeasurement('pulse', 130, '/min', adult)).toMatchObject({ concern: { interpretation: 'H' } });
    expect(assessMeasurement('respiratory-rate', 45, '/min', infant)).toMatchObject({ concern: null });
    expect(assessMeasurement('respiratory-rate', 52, '/min', infant)).toMatchObject({
      concern: { interpretation: 'H' },
    });
    expect(assessMeasurement('respiratory-rate', 45, '/min', adult)).toMatchObject({
      concern: { interpretation: 'H' },
    });
  });
  it('flags SpO2 below 94 %', () => {
    expect(assessMeasurement('spo2', 94, '%', adult)).toMatchObject({ concern: null });
    expect(assessMeasurement('spo2', 93, '%', adult)).toMatchObject({ concern: { interpretation: 'L' } });
  });
  it('flags MUAC below 11.5 cm as severe and below 12.5 cm as moderate for 6–59 months only', () => {
    const severe = assessMeasurement('muac', 11.4, 'cm', toddler);
    expect(severe).toMatchObject({ concern: { interpretation: 'LL' } });
    if (severe.ok) expect(severe.concern?.reason).toContain('severe acute malnutrition');
    expect(assessMeasurement('muac', 12.0, 'cm', toddler)).toMatchObject({ concern: { interpretation: 'L' } });
    expect(assessMeasurement('muac', 12.5, 'cm', toddler)).toMatchObject({ concern: null });
    expect(assessMeasurement('muac', 11.0, 'cm', infant)).toMatchObject({ concern: null });
  });
});

describe('Observation shape', () => {
  it('is a vital-signs Observation with LOINC code, UCUM quantity and references', () => {
    const r = vitalObservation({ kind: 'weight', value: 7200, unit: 'g' }, { ...ctx, patient: infant });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.observation).toEqual({
      resourceType: 'Observation',
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'vital-signs',
              display: 'Vital Signs',
            },
          ],
          text: 'Vital Signs',
        },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }], text: 'Body weight' },
      subject: { reference: 'Patient/p1' },
      encounter: { reference: 'Encounter/e1' },
      effectiveDateTime: '2025-03-01T10:00:00.000Z',
      valueQuantity: { value: 7.2, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    });
  });
  it('carries the interpretation code and the reason as a note when flagged', () => {
    const r = vitalObservation({ kind: 'temperature', value: 102.2, unit: '°F' }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.observation.code.coding?.[0]?.code).toBe('8310-5');
    expect(r.observation.valueQuantity).toMatchObject({ value: 39, code: 'Cel' });
    expect(r.observation.interpretation?.[0]?.coding?.[0]).toMatchObject({
      system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
      code: 'H',
    });
    expect(r.observation.note?.[0]?.text).toContain('fever');
  });
  it('records blood pressure as a 85354-9 panel with systolic and diastolic components', () => {
    const r = bloodPressureObservation({ systolic: 150, diastolic: 85 }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.observation.code.coding?.[0]?.code).toBe('85354-9');
    expect(r.observation.valueQuantity).toBeUndefined();
    expect(r.observation.component?.map((c) => c.code.coding?.[0]?.code)).toEqual(['8480-6', '8462-4']);
    expect(r.observation.component?.[0]?.valueQuantity).toEqual({
      value: 150,
      unit: 'mmHg',
      system: 'http://unitsofmeasure.org',
      code: 'mm[Hg]',
    });
    expect(r.observation.component?.[0]?.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
    expect(r.observation.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
  });
  it('uses the SpO2 pulse-oximetry code with the % unit', () => {
    const r = vitalObservation({ kind: 'spo2', value: 97, unit: '%' }, ctx);
    expect(r.ok && r.observation.code.coding?.[0]?.code).toBe('59408-5');
    expect(r.ok && r.observation.valueQuantity?.code).toBe('%');
    expect(r.ok && r.observation.interpretation).toBeUndefined();
  });
});
