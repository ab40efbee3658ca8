/**
 * Which form field a rule is about, so its message shows next to that field. Rules name FHIR
 * elements (Patient.birthDate); forms name their own fields (birth). Vital signs are one
 * Observation each, told apart by their LOINC code.
 */
import type { FhirResource } from '../../src-shared/fhir/types';
import type { Rule } from './rule-pack';

const PATIENT_FIELDS: [prefix: string, field: string][] = [
  ['Patient.birthDate', 'birth'],
  ['Patient.telecom', 'phone'],
  ['Patient.contact', 'guardian'],
  ['Patient.name', 'family'],
  ['Patient.gender', 'sex'],
  ['Patient.identifier', 'nationalId'],
  ['Patient.address', 'village'],
];

/** The vaccine forms' fields (visit doses and earlier doses from a card). */
const IMMUNIZATION_FIELDS: [prefix: string, field: string][] = [
  ['Immunization.occurrence', 'date'],
  ['Immunization.lotNumber', 'lotNumber'],
  ['Immunization.site', 'site'],
  ['Immunization.route', 'route'],
  ['Immunization.statusReason', 'reason'],
  ['Immunization.vaccineCode', 'seriesId'],
  ['Immunization.performer', 'givenElsewhereBy'],
  ['Immunization.note', 'note'],
];

const VITAL_FIELDS: Record<string, string> = {
  '29463-7': 'weight',
  '8306-3': 'length',
  '8302-2': 'height',
  '56072-2': 'muac',
  '8310-5': 'temperature',
  '8867-4': 'pulse',
  '9279-1': 'respiratory-rate',
  '85354-9': 'systolic',
  '59408-5': 'spo2',
};

function loincOf(resource: FhirResource): string | null {
  const code = resource.code as { coding?: { system?: string; code?: string }[] } | undefined;
  const coding = code?.coding?.find((c) => c.system === 'http://loinc.org' && c.code && c.code in VITAL_FIELDS);
  return coding?.code ?? null;
}

export function fieldOf(rule: Rule, resource: FhirResource): string | null {
  if (resource.resourceType === 'Patient') {
    return PATIENT_FIELDS.find(([prefix]) => rule.path.startsWith(prefix))?.[1] ?? null;
  }
  if (resource.resourceType === 'Observation') {
    const code = loincOf(resource);
    return code ? (VITAL_FIELDS[code] ?? null) : null;
  }
  if (resource.resourceType === 'Immunization') {
    return IMMUNIZATION_FIELDS.find(([prefix]) => rule.path.startsWith(prefix))?.[1] ?? null;
  }
  return null;
}
