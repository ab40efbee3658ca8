/** Identifier systems and extension URLs Kliniki writes. */
export const CLINIC_NUMBER_SYSTEM = 'https://kliniki.org/fhir/sid/clinic-number';
export const NATIONAL_ID_SYSTEM = 'https://kliniki.org/fhir/sid/national-id';
/** Marks a birthDate that was estimated from a stated age rather than known. */
export const BIRTH_DATE_ESTIMATED_URL = 'https://kliniki.org/fhir/StructureDefinition/birth-date-estimated';
export const ROLE_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const CONTACT_ROLE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0131';
