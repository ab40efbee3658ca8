/**
 * The meaning checks of a patient form, run in the core for every caller. Each problem is a
 * message next to the field that caused it; a draft with any problem changes nothing.
 */
import type { PatientDraft } from '../../src-shared/domain/patient';
import { validationError, type FieldErrors } from '../../src-shared/errors';

export const ADULT_AGE_YEARS = 18;
const MAX_AGE_YEARS = 130;
// Control characters and bidi overrides have no place in a name and can disguise one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const PHONE = /^\+?[0-9][0-9 ()-]*$/;

export function localIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function checkName(fields: FieldErrors, key: string, value: string, label: string): void {
  const trimmed = value.trim();
  if (trimmed === '') fields[key] = `Enter the ${label}.`;
  else if (FORBIDDEN_CHARS.test(value)) fields[key] = `The ${label} contains characters that cannot be part of a name.`;
  else if (!/\p{L}/u.test(trimmed)) fields[key] = `The ${label} must contain letters.`;
}

function checkPhone(fields: FieldErrors, key: string, value: string): void {
  const trimmed = value.trim();
  if (trimmed === '') return;
  const digits = trimmed.replace(/\D/g, '');
  if (!PHONE.test(trimmed) || digits.length < 7 || digits.length > 15) {
    fields[key] = 'Enter a phone number of 7 to 15 digits, for example +256 772 123456.';
  }
}

export function subtractAge(now: Date, years: number, months: number): string {
  const d = new Date(now.getFullYear(), now.getMonth() - years * 12 - months, now.getDate());
  // Going back from the 31st into a shorter month rolls forward; clamp to that month's end.
  if (d.getDate() !== now.getDate()) d.setDate(0);
  return localIsoDate(d);
}

export interface CheckedBirth {
  birthDate: string;
  estimated: boolean;
  ageYears: number;
}

export function ageInYears(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

/** Returns the birth facts to store, or throws VALIDATION with every problem found. */
export function validatePatientDraft(draft: PatientDraft, now: Date): CheckedBirth {
  const fields: FieldErrors = {};
  checkName(fields, 'given', draft.given, 'given name');
  checkName(fields, 'family', draft.family, 'family name');

  let birth: CheckedBirth | null = null;
  if (draft.birth.kind === 'exact') {
    const date = draft.birth.date;
    const today = localIsoDate(now);
    if (date === '') fields['birth.date'] = 'Enter the date of birth, or choose “Age (estimated)”.';
    else if (!isRealDate(date)) fields['birth.date'] = 'This date does not exist. Check the day and month.';
    else if (date > today) fields['birth.date'] = 'The date of birth cannot be in the future.';
    else if (ageInYears(date, now) > MAX_AGE_YEARS)
      fields['birth.date'] = `The date of birth is more than ${MAX_AGE_YEARS} years ago.`;
    else birth = { birthDate: date, estimated: false, ageYears: ageInYears(date, now) };
  } else {
    const { years, months } = draft.birth;
    birth = { birthDate: subtractAge(now, years, months), estimated: true, ageYears: years };
  }

  const nationalId = draft.nationalId.trim();
  if (nationalId !== '' && !/^[\p{L}\p{N}][\p{L}\p{N} /-]{2,39}$/u.test(nationalId)) {
    fields.nationalId = 'A national ID has 3 to 40 letters or digits (spaces, / and - allowed).';
  }
  checkPhone(fields, 'phone', draft.phone);

  const guardianName = draft.guardian.name.trim();
  if (birth && birth.ageYears < ADULT_AGE_YEARS && guardianName === '') {
    fields['guardian.name'] =
      `Children under ${ADULT_AGE_YEARS} need a parent, guardian or next of kin: enter their name.`;
  } else if (guardianName !== '' && FORBIDDEN_CHARS.test(guardianName)) {
    fields['guardian.name'] = 'The name contains characters that cannot be part of a name.';
  }
  checkPhone(fields, 'guardian.phone', draft.guardian.phone);
  for (const key of ['village', 'addressLine'] as const) {
    if (FORBIDDEN_CHARS.test(draft[key])) fields[key] = 'This contains characters that cannot be stored.';
  }

  if (Object.keys(fields).length > 0 || !birth) throw validationError(fields);
  return birth;
}
