import { describe, expect, it } from 'vitest';
import { validatePatientDraft } from '../../../src-main/patients/validate-draft';
import { AppError } from '../../../src-shared/errors';
import { adultDraft, childDraft } from '../../support/temp-core';

const now = new Date(2026, 10, 25, 10, 0);

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') return error.details?.fields ?? {};
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('patient form validation', () => {
  it('accepts a complete child record', () => {
    expect(validatePatientDraft(childDraft(), now)).toEqual({ birthDate: '2019-04-02', estimated: false, ageYears: 7 });
  });

  it('names every missing required field', () => {
    const fields = fieldsOf(() =>
      validatePatientDraft(
        childDraft({
          given: ' ',
          family: '',
          birth: { kind: 'exact', date: '' },
          guardian: { name: '', relationship: 'mother', phone: '' },
        }),
        now,
      ),
    );
    expect(Object.keys(fields).sort()).toEqual(['birth.date', 'family', 'given']);
  });

  it('refuses a birth date in the future, and a date that does not exist', () => {
    expect(
      fieldsOf(() => validatePatientDraft(childDraft({ birth: { kind: 'exact', date: '2026-11-26' } }), now))[
        'birth.date'
      ],
    ).toMatch(/future/);
    expect(
      fieldsOf(() => validatePatientDraft(childDraft({ birth: { kind: 'exact', date: '2023-02-29' } }), now))[
        'birth.date'
      ],
    ).toMatch(/does not exist/);
  });

  it('accepts a child born today and a leap day birth', () => {
    expect(validatePatientDraft(childDraft({ birth: { kind: 'exact', date: '2026-11-25' } }), now).ageYears).toBe(0);
    expect(validatePatientDraft(childDraft({ birth: { kind: 'exact', date: '2024-02-29' } }), now).birthDate).toBe(
      '2024-02-29',
    );
  });

  it('requires a guardian for children, not for adults', () => {
    const noGuardian = { name: '', relationship: 'mother' as const, phone: '' };
    expect(fieldsOf(() => validatePatientDraft(childDraft({ guardian: noGuardian }), now))['guardian.name']).toMatch(
      /Children under 18/,
    );
    expect(validatePatientDraft(adultDraft({ guardian: noGuardian }), now).ageYears).toBe(46);
  });

  it('turns an estimated age into a birth date, clamping month ends', () => {
    expect(validatePatientDraft(adultDraft({ birth: { kind: 'estimated', years: 30, months: 0 } }), now)).toEqual({
      birthDate: '1996-11-25',
      estimated: true,
      ageYears: 30,
    });
    const endOfMonth = new Date(2026, 2, 31);
    expect(
      validatePatientDraft(childDraft({ birth: { kind: 'estimated', years: 0, months: 1 } }), endOfMonth).birthDate,
    ).toBe('2026-02-28');
  });

  it('checks phone numbers and national IDs for shape', () => {
    const fields = fieldsOf(() => validatePatientDraft(adultDraft({ phone: '12ab', nationalId: '!' }), now));
    expect(fields.phone).toMatch(/7 to 15 digits/);
    expect(fields.nationalId).toMatch(/3 to 40/);
  });

  it('refuses control and bidi override characters in names', () => {
    expect(fieldsOf(() => validatePatientDraft(adultDraft({ family: 'Abdi\u202Eevil' }), now)).family).toMatch(
      /cannot be part of a name/,
    );
  });
});
