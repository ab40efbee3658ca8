/**
 * Between the form model (PatientDraft) and the stored FHIR Patient. Writing touches only the
 * elements the form models and keeps everything else — other names, identifiers, telecoms,
 * extensions — exactly as it was, so an edit never erases what the iCDR knows and we don't.
 */
import type {
  Guardian,
  GuardianRelationship,
  PatientDraft,
  PatientSummary,
  Sex,
} from '../../src-shared/domain/patient';
import type { ContactPoint, HumanName, Identifier, Patient, PatientContact } from '../../src-shared/fhir/types';
import {
  BIRTH_DATE_ESTIMATED_URL,
  CLINIC_NUMBER_SYSTEM,
  CONTACT_ROLE_SYSTEM,
  NATIONAL_ID_SYSTEM,
  ROLE_CODE_SYSTEM,
} from '../../src-shared/fhir/systems';

const RELATIONSHIP_CODES: Record<GuardianRelationship, { system: string; code: string; display: string }> = {
  mother: { system: ROLE_CODE_SYSTEM, code: 'MTH', display: 'mother' },
  father: { system: ROLE_CODE_SYSTEM, code: 'FTH', display: 'father' },
  guardian: { system: ROLE_CODE_SYSTEM, code: 'GUARD', display: 'guardian' },
  other: { system: CONTACT_ROLE_SYSTEM, code: 'N', display: 'Next-of-Kin' },
};

/** The name the form edits: the official one, else the usual one, else the first. */
function primaryNameIndex(names: HumanName[]): number {
  const official = names.findIndex((n) => n.use === 'official');
  if (official >= 0) return official;
  const usual = names.findIndex((n) => n.use === 'usual');
  return usual >= 0 ? usual : 0;
}

function splitParts(text: string): string[] {
  return text.split(/\s+/).filter((p) => p.length > 0);
}

function withoutEmpty<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}

function upsertIdentifier(list: Identifier[], system: string, value: string): Identifier[] {
  const at = list.findIndex((i) => i.system === system);
  if (value === '') return at >= 0 ? list.filter((_, i) => i !== at) : list;
  if (at >= 0) {
    const next = [...list];
    next[at] = { ...list[at], system, value };
    return next;
  }
  return [...list, { use: system === CLINIC_NUMBER_SYSTEM ? 'usual' : 'official', system, value }];
}

function upsertPhone(list: ContactPoint[], phone: string): ContactPoint[] {
  const at = list.findIndex((t) => t.system === 'phone');
  if (phone === '') return at >= 0 ? list.filter((_, i) => i !== at) : list;
  if (at >= 0) {
    const next = [...list];
    next[at] = { ...list[at], system: 'phone', value: phone };
    return next;
  }
  return [...list, { system: 'phone', value: phone, use: 'mobile' }];
}

function guardianContactIndex(contacts: PatientContact[]): number {
  const known = new Set(Object.values(RELATIONSHIP_CODES).map((c) => c.code));
  const at = contacts.findIndex((c) => c.relationship?.some((r) => r.coding?.some((k) => known.has(k.code ?? ''))));
  return at >= 0 ? at : contacts.length > 0 ? 0 : -1;
}

function guardianToContact(guardian: Guardian, existing: PatientContact | undefined): PatientContact {
  const code = RELATIONSHIP_CODES[guardian.relationship];
  const contact: PatientContact = {
    ...existing,
    relationship: [{ coding: [{ ...code }] }],
    name: { ...existing?.name, text: guardian.name.trim() },
  };
  delete contact.name!.family;
  delete contact.name!.given;
  const telecom = upsertPhone(existing?.telecom ?? [], guardian.phone.trim());
  if (telecom.length > 0) contact.telecom = telecom;
  else delete contact.telecom;
  return contact;
}

export interface PatientWriteFacts {
  /** The birth date already computed from the draft (exact or estimated). */
  birthDate: string;
  estimated: boolean;
  clinicNumber: string;
}

/** Applies the draft to a copy of `existing` (or a new Patient). */
export function draftToPatient(draft: PatientDraft, facts: PatientWriteFacts, existing?: Patient): Patient {
  const patient: Patient = existing ? structuredClone(existing) : { resourceType: 'Patient' };

  const names = patient.name ?? [];
  const at = names.length > 0 ? primaryNameIndex(names) : -1;
  const current: HumanName = at >= 0 ? names[at]! : { use: 'official' };
  const name: HumanName = { ...current, family: draft.family.trim(), given: splitParts(draft.given) };
  // A stored text would contradict the edited parts; keep it only in sync.
  if (name.text !== undefined) name.text = [...(name.given ?? []), name.family].join(' ');
  if (at >= 0) names[at] = name;
  else names.push(name);
  patient.name = names;

  patient.gender = draft.sex;
  patient.birthDate = facts.birthDate;
  const otherBirthExtensions = (patient._birthDate?.extension ?? []).filter((e) => e.url !== BIRTH_DATE_ESTIMATED_URL);
  const birthExtensions = facts.estimated
    ? [...otherBirthExtensions, { url: BIRTH_DATE_ESTIMATED_URL, valueBoolean: true }]
    : otherBirthExtensions;
  if (birthExtensions.length > 0) patient._birthDate = { ...patient._birthDate, extension: birthExtensions };
  else if (patient._birthDate) {
    const rest = { ...patient._birthDate };
    delete rest.extension;
    if (Object.keys(rest).length > 0) patient._birthDate = rest;
    else delete patient._birthDate;
  }

  let identifiers = upsertIdentifier(patient.identifier ?? [], CLINIC_NUMBER_SYSTEM, facts.clinicNumber);
  identifiers = upsertIdentifier(identifiers, NATIONAL_ID_SYSTEM, draft.nationalId.trim());
  patient.identifier = identifiers;

  const telecom = upsertPhone(patient.telecom ?? [], draft.phone.trim());
  if (telecom.length > 0) patient.telecom = telecom;
  else delete patient.telecom;

  const addresses = patient.address ?? [];
  const village = draft.village.trim();
  const line = draft.addressLine.trim();
  const address = withoutEmpty({
    ...addresses[0],
    city: village === '' ? undefined : village,
    line: line === '' ? undefined : [line],
  });
  if (addresses.length > 0) addresses[0] = address;
  else if (village !== '' || line !== '') addresses.push({ use: 'home', ...address });
  const kept = addresses.filter((a) => Object.keys(a).some((k) => k !== 'use'));
  if (kept.length > 0) patient.address = kept;
  else delete patient.address;

  const contacts = patient.contact ?? [];
  const g = guardianContactIndex(contacts);
  if (draft.guardian.name.trim() !== '') {
    const contact = guardianToContact(draft.guardian, g >= 0 ? contacts[g] : undefined);
    if (g >= 0) contacts[g] = contact;
    else contacts.push(contact);
  } else if (g >= 0) {
    contacts.splice(g, 1);
  }
  if (contacts.length > 0) patient.contact = contacts;
  else delete patient.contact;

  return patient;
}

function identifierValue(patient: Patient, system: string): string | null {
  return patient.identifier?.find((i) => i.system === system)?.value ?? null;
}

function toSex(gender: string | undefined): Sex {
  return gender === 'female' || gender === 'male' || gender === 'other' ? gender : 'unknown';
}

export function isBirthDateEstimated(patient: Patient): boolean {
  return (
    patient._birthDate?.extension?.some((e) => e.url === BIRTH_DATE_ESTIMATED_URL && e.valueBoolean === true) ?? false
  );
}

export function primaryName(patient: Patient): { given: string; family: string } {
  const names = patient.name ?? [];
  const name = names.length > 0 ? names[primaryNameIndex(names)] : undefined;
  const given = (name?.given ?? []).join(' ');
  const family = name?.family ?? '';
  if (given === '' && family === '' && name?.text) return { given: name.text, family: '' };
  return { given, family };
}

export function readGuardian(patient: Patient): Guardian | null {
  const contacts = patient.contact ?? [];
  const at = guardianContactIndex(contacts);
  if (at < 0) return null;
  const contact = contacts[at]!;
  const codes = contact.relationship?.flatMap((r) => r.coding ?? []).map((c) => c.code) ?? [];
  const relationship =
    (Object.entries(RELATIONSHIP_CODES).find(([, c]) => codes.includes(c.code))?.[0] as
      GuardianRelationship | undefined) ?? 'other';
  const name = contact.name?.text ?? [...(contact.name?.given ?? []), contact.name?.family ?? ''].join(' ').trim();
  const phone = contact.telecom?.find((t) => t.system === 'phone')?.value ?? '';
  return { name, relationship, phone };
}

export function patientToSummary(id: string, patient: Patient): PatientSummary {
  const { given, family } = primaryName(patient);
  const address = patient.address?.[0];
  return {
    id,
    clinicNumber: identifierValue(patient, CLINIC_NUMBER_SYSTEM) ?? '',
    nationalId: identifierValue(patient, NATIONAL_ID_SYSTEM),
    given,
    family,
    displayName: [given, family].filter((p) => p !== '').join(' ') || 'Name not recorded',
    sex: toSex(patient.gender),
    birthDate: patient.birthDate ?? null,
    birthDateEstimated: isBirthDateEstimated(patient),
    phone: patient.telecom?.find((t) => t.system === 'phone')?.value ?? null,
    village: address?.city ?? address?.district ?? null,
  };
}

/** The form model for editing; an estimated birth date is shown as the age it stands for. */
export function patientToDraft(patient: Patient, now: Date): PatientDraft {
  const summary = patientToSummary('', patient);
  const guardian = readGuardian(patient) ?? { name: '', relationship: 'mother', phone: '' };
  const birthDate = patient.birthDate ?? '';
  let birth: PatientDraft['birth'] = { kind: 'exact', date: birthDate.length === 10 ? birthDate : '' };
  if (summary.birthDateEstimated && birthDate.length === 10) {
    const months = monthsBetween(birthDate, now);
    birth = { kind: 'estimated', years: Math.floor(months / 12), months: months % 12 };
  }
  return {
    given: summary.given,
    family: summary.family,
    sex: summary.sex,
    birth,
    nationalId: summary.nationalId ?? '',
    phone: summary.phone ?? '',
    village: summary.village ?? '',
    addressLine: patient.address?.[0]?.line?.join(', ') ?? '',
    guardian,
  };
}

export function monthsBetween(isoDate: string, now: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  let months = (now.getFullYear() - y) * 12 + (now.getMonth() + 1 - m);
  if (now.getDate() < d) months -= 1;
  return Math.max(0, months);
}
