/**
 * The registration/edit form's own model (strings, as inputs hold them) and its conversion to
 * the draft the core validates. Checks here are the ones a draft cannot carry (an unanswered
 * choice, an age that is not a number) plus the empty names: once a draft cannot be sent, the
 * core cannot report those, and the first failed submit should list every empty required field.
 * Everything else (phone format, guardian of a child, plausible dates) is the core's to judge.
 */
import type { GuardianRelationship, PatientDraft, Sex } from '../../../src-shared/domain/patient';
import type { FieldErrors } from '../../../src-shared/errors';
import { ageParts, todayIso } from '../../lib/format';
import { t } from '../../lib/i18n.svelte';

export interface PatientFormModel {
  given: string;
  family: string;
  sex: Sex | '';
  birthMode: 'exact' | 'estimated';
  birthDate: string;
  ageYears: string;
  ageMonths: string;
  nationalId: string;
  phone: string;
  village: string;
  addressLine: string;
  guardianName: string;
  guardianRelationship: GuardianRelationship | '';
  guardianPhone: string;
}

/** Field path used by the core → id of the control to focus for it. */
export const FIELD_IDS: Record<string, string> = {
  given: 'pf-given',
  family: 'pf-family',
  sex: 'pf-sex-female',
  birth: 'pf-birth-mode-exact',
  'birth.date': 'pf-birth-date',
  'birth.years': 'pf-age-years',
  'birth.months': 'pf-age-months',
  nationalId: 'pf-national-id',
  phone: 'pf-phone',
  village: 'pf-village',
  addressLine: 'pf-address',
  guardian: 'pf-guardian-name',
  'guardian.name': 'pf-guardian-name',
  'guardian.relationship': 'pf-guardian-relationship',
  'guardian.phone': 'pf-guardian-phone',
};

/** Order of the fields on screen, so the summary lists errors in reading order. */
const FIELD_ORDER = Object.keys(FIELD_IDS);

export function emptyForm(prefillName = ''): PatientFormModel {
  const form: PatientFormModel = {
    given: '',
    family: '',
    sex: '',
    birthMode: 'exact',
    birthDate: '',
    ageYears: '',
    ageMonths: '',
    nationalId: '',
    phone: '',
    village: '',
    addressLine: '',
    guardianName: '',
    guardianRelationship: '',
    guardianPhone: '',
  };
  // What was typed in the search box: words only (numbers are clinic numbers or phones).
  const words = /\d/.test(prefillName) ? [] : prefillName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1) form.given = words[0] ?? '';
  if (words.length > 1) {
    form.family = words.at(-1) ?? '';
    form.given = words.slice(0, -1).join(' ');
  }
  return form;
}

export function formFromDraft(draft: PatientDraft): PatientFormModel {
  const hasGuardian = draft.guardian.name.trim() !== '';
  return {
    ...emptyForm(),
    given: draft.given,
    family: draft.family,
    sex: draft.sex,
    birthMode: draft.birth.kind,
    birthDate: draft.birth.kind === 'exact' ? draft.birth.date : '',
    ageYears: draft.birth.kind === 'estimated' ? String(draft.birth.years) : '',
    ageMonths: draft.birth.kind === 'estimated' ? String(draft.birth.months) : '',
    nationalId: draft.nationalId,
    phone: draft.phone,
    village: draft.village,
    addressLine: draft.addressLine,
    guardianName: draft.guardian.name,
    guardianRelationship: hasGuardian ? draft.guardian.relationship : '',
    guardianPhone: draft.guardian.phone,
  };
}

function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,3}$/.test(t) ? Number(t) : null;
}

/** Age in whole years as the form stands, or null while it is not known yet. */
export function formAgeYears(form: PatientFormModel): number | null {
  if (form.birthMode === 'estimated') return wholeNumber(form.ageYears);
  return form.birthDate ? (ageParts(form.birthDate)?.years ?? null) : null;
}

export function toDraft(
  form: PatientFormModel,
): { draft: PatientDraft; errors: null } | { draft: null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!form.given.trim()) errors.given = t('Enter the given names.');
  if (!form.family.trim()) errors.family = t('Enter the family name.');
  if (form.sex === '') errors.sex = t('Choose the sex.');
  let birth: PatientDraft['birth'] = { kind: 'exact', date: form.birthDate };
  if (form.birthMode === 'exact') {
    if (!form.birthDate) errors['birth.date'] = t('Enter the date of birth, or choose “Age (estimated)”.');
    else if (form.birthDate > todayIso()) errors['birth.date'] = t('The date of birth cannot be in the future.');
  } else {
    const years = wholeNumber(form.ageYears);
    const months = form.ageMonths.trim() === '' ? 0 : wholeNumber(form.ageMonths);
    if (years === null || years > 130) errors['birth.years'] = t('Enter the age in whole years, from 0 to 130.');
    if (months === null || months > 11) errors['birth.months'] = t('Enter months from 0 to 11, or leave it empty.');
    birth = { kind: 'estimated', years: years ?? 0, months: months ?? 0 };
  }
  const guardianName = form.guardianName.trim();
  if (guardianName && form.guardianRelationship === '') {
    errors['guardian.relationship'] = t('Choose how this person is related to the patient.');
  }
  if (Object.keys(errors).length > 0) return { draft: null, errors };
  return {
    errors: null,
    draft: {
      given: form.given.trim(),
      family: form.family.trim(),
      sex: form.sex as Sex,
      birth,
      nationalId: form.nationalId.trim(),
      phone: form.phone.trim(),
      village: form.village.trim(),
      addressLine: form.addressLine.trim(),
      guardian: {
        name: guardianName,
        // With no name there is no guardian; the relationship is then ignored by the core.
        relationship: form.guardianRelationship || 'guardian',
        phone: form.guardianPhone.trim(),
      },
    },
  };
}

/** Errors in the order their fields appear, each with the control to focus. */
export function summaryItems(errors: FieldErrors): { target: string | null; message: string }[] {
  const rank = (path: string) => {
    const i = FIELD_ORDER.indexOf(path);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  return Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, message]) => ({ target: FIELD_IDS[path] ?? null, message }));
}
