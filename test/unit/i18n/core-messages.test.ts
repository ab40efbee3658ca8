import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../../src-shared/domain/patient';
import type { RecordVitalsResult, Visit } from '../../../src-shared/domain/visit';
import { translateMessage } from '../../../src-shared/i18n/translate';
import { adultDraft, childDraft, startTestCore, type TestCore } from '../../support/temp-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore({
    now: () => new Date('2026-03-10T09:00:00Z'),
    sync: { runner: 'in-process', schedule: false },
  });
});
afterEach(() => t.close());

async function adultVisit(): Promise<Visit> {
  const patient = await t.call<PatientRecord>('patients:register', { draft: adultDraft() });
  return t.call<Visit>('visits:start', { patientId: patient.summary.id, type: 'Sick visit', reason: '' });
}

describe('core messages in French and Swahili', () => {
  it('translates a registration refused by the core, field by field, with its values', async () => {
    const error = await t.fail('patients:register', {
      draft: childDraft({ given: ' ', guardian: { name: '', relationship: 'mother', phone: '' } }),
    });
    expect(error.code).toBe('VALIDATION');
    const fields = (error.details as { fields: Record<string, string> }).fields;
    expect(translateMessage('fr', error.message)).toBe('Veuillez corriger les 2 champs signalés ci-dessous.');
    expect(translateMessage('fr', fields.given ?? '')).toBe('Saisissez le prénom.');
    expect(translateMessage('fr', fields['guardian.name'] ?? '')).toBe(
      'Les enfants de moins de 18 ans doivent avoir un parent, un tuteur ou un proche : saisissez son nom.',
    );
    expect(translateMessage('sw', fields['guardian.name'] ?? '')).toBe(
      'Watoto chini ya miaka 18 wanahitaji mzazi, mlezi au ndugu wa karibu: andika jina lake.',
    );
  });

  it('translates an impossible measurement with the noun, value and unit in place', async () => {
    const visit = await adultVisit();
    const error = await t.fail('visits:record-vitals', {
      id: visit.id,
      vitals: { weight: { value: '900', unit: 'kg' } },
    });
    const message = (error.details as { fields: Record<string, string> }).fields.weight ?? '';
    expect(message).toMatch(/^A weight of 900 kg is not possible/);
    expect(translateMessage('fr', message)).toBe(
      'Valeur impossible pour le poids : 900 kg. Vérifiez la valeur et l’unité.',
    );
    expect(translateMessage('sw', message)).toBe('Thamani ya 900 kg kwa uzito haiwezekani; angalia thamani na kipimo.');
  });

  it('translates a worrying vital sign, writing the decimal the French way', async () => {
    const visit = await adultVisit();
    const result = await t.call<RecordVitalsResult>('visits:record-vitals', {
      id: visit.id,
      vitals: { temperature: { value: '39.8', unit: '°C' } },
    });
    const reason = result.flagged[0]?.reason ?? '';
    expect(reason).toBe('Temperature of 39.8 °C is a high fever (39.5 °C or more).');
    expect(translateMessage('fr', reason)).toBe('Une température de 39,8 °C est une forte fièvre (39,5 °C ou plus).');
    expect(translateMessage('sw', reason)).toBe('Joto la 39.8 °C ni homa kali (39.5 °C au zaidi).');
  });

  it('translates a phrase nested inside a message ("4 weeks")', () => {
    const french = translateMessage('fr', 'Given 12 days after the previous dose; at least 4 weeks are needed.');
    expect(french).toContain('4 semaines');
    expect(french).not.toMatch(/weeks|Given/);
  });

  it('leaves a message it does not know in English rather than half-translating it', () => {
    // "{years} {months}" and "{found}." are catalog templates that would fit any sentence.
    expect(translateMessage('fr', 'The iCDR said something new today.')).toBe('The iCDR said something new today.');
    expect(translateMessage('en', 'Enter the family name.')).toBe('Enter the family name.');
  });
});

describe('message templates', () => {
  it('match a count only where a number stands', () => {
    expect(translateMessage('fr', '3 records')).toBe('3 dossiers');
    expect(translateMessage('fr', 'Save the record')).toBe('Save the record');
  });
});
