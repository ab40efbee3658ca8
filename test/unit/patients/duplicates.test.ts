import { describe, expect, it } from 'vitest';
import type { Patient } from '../../../src-shared/fhir/types';
import { NATIONAL_ID_SYSTEM } from '../../../src-shared/fhir/systems';
import {
  LIKELY_SCORE,
  POSSIBLE_SCORE,
  draftToProbe,
  scoreCandidate,
  type DuplicateProbe,
} from '../../../src-main/patients/duplicates';
import { adultDraft } from '../../support/temp-core';

function probe(overrides: Partial<DuplicateProbe> = {}): DuplicateProbe {
  return {
    given: 'Mohamed',
    family: 'Abdi',
    sex: 'male',
    birthDate: '1980-06-15',
    birthEstimated: false,
    nationalId: '',
    phone: '',
    village: '',
    ...overrides,
  };
}

function patient(overrides: Partial<Patient> & { given?: string; family?: string } = {}): Patient {
  const { given = 'Muhammad', family = 'Abdi', ...rest } = overrides;
  return {
    resourceType: 'Patient',
    name: [{ use: 'official', given: given.split(' '), family }],
    gender: 'male',
    birthDate: '1980-06-15',
    ...rest,
  };
}

describe('duplicate scoring', () => {
  it('finds Mohamed and Muhammad born the same day likely the same person, saying why', () => {
    const { score, reasons } = scoreCandidate(probe(), patient(), []);
    expect(score).toBeGreaterThanOrEqual(LIKELY_SCORE);
    expect(reasons).toEqual(['Same family name: Abdi', 'Names sound alike: Mohamed ~ Muhammad', 'Born the same day']);
  });

  it('finds the same national ID likely the same person, even under other names', () => {
    const other = patient({
      given: 'Hassan',
      family: 'Warsame',
      identifier: [{ system: NATIONAL_ID_SYSTEM, value: 'CM80 0000 1234 AB' }],
    });
    const { score, reasons } = scoreCandidate(probe({ nationalId: 'cm8000001234ab' }), other, []);
    expect(score).toBeGreaterThanOrEqual(LIKELY_SCORE);
    expect(reasons).toContain('Same national ID');
  });

  it('does not offer a different person who only shares the family name', () => {
    const other = patient({ given: 'Fatuma', gender: 'female', birthDate: '1979-02-01' });
    const { score } = scoreCandidate(probe(), other, []);
    expect(score).toBeLessThan(POSSIBLE_SCORE);
  });

  it('counts a spelling slip in a name and a shared phone number, whatever its prefix', () => {
    const other = patient({ given: 'Mohamed', family: 'Otiemo', birthDate: '1981-01-01' });
    const { score, reasons } = scoreCandidate(probe({ family: 'Otieno', phone: '+256 772 123456' }), other, [
      '0772123456',
    ]);
    expect(reasons).toEqual([
      'Same phone number',
      'Names are spelled alike: Otieno ~ Otiemo',
      'Same given name: Mohamed',
      'Born within a year of each other',
    ]);
    expect(score).toBeGreaterThanOrEqual(POSSIBLE_SCORE);
  });

  it('does not offer twins: same family name and birthday, different given names', () => {
    const twin = patient({ given: 'Hassan' });
    expect(scoreCandidate(probe(), twin, []).score).toBeLessThan(POSSIBLE_SCORE);
  });

  it('does not offer someone who only shares a common full name and birth year', () => {
    const other = patient({ given: 'Mohamed', birthDate: '1980-01-20' });
    expect(scoreCandidate(probe(), other, []).score).toBeLessThan(POSSIBLE_SCORE);
    const sameVillage = patient({ given: 'Mohamed', birthDate: '1980-01-20', address: [{ city: 'Kasangati' }] });
    const { score, reasons } = scoreCandidate(probe({ village: 'kasangati' }), sameVillage, []);
    expect(score).toBeGreaterThanOrEqual(POSSIBLE_SCORE);
    expect(reasons).toContain('Same village: Kasangati');
  });

  it('lowers the score for a different national ID, a different sex and births far apart', () => {
    const same = scoreCandidate(probe(), patient({ given: 'Mohamed' }), []).score;
    const differs = scoreCandidate(
      probe({ nationalId: 'CM80AAA' }),
      patient({ given: 'Mohamed', identifier: [{ system: NATIONAL_ID_SYSTEM, value: 'CM80BBB' }] }),
      [],
    ).score;
    const otherSex = scoreCandidate(probe(), patient({ given: 'Mohamed', gender: 'female' }), []).score;
    const far = scoreCandidate(probe(), patient({ given: 'Mohamed', birthDate: '1990-06-15' }), []).score;
    expect(differs).toBeLessThan(same);
    expect(otherSex).toBeLessThan(same);
    expect(far).toBeLessThan(POSSIBLE_SCORE);
  });

  it('compares an estimated age by year only', () => {
    const now = new Date(2025, 5, 1);
    const p = draftToProbe(adultDraft({ birth: { kind: 'estimated', years: 45, months: 0 } }), now);
    expect(p.birthEstimated).toBe(true);
    const { reasons } = scoreCandidate(p, patient({ given: 'Mohamed' }), []);
    expect(reasons).toContain('Born about the same year (1980, estimated)');
  });
});
