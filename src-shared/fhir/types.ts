/**
 * The few FHIR R4 shapes Kliniki reads and writes. Everything else in a resource is kept as
 * it came (the index signatures), because a resource goes back to the iCDR whole.
 */
export interface Meta {
  versionId?: string;
  lastUpdated?: string;
  [key: string]: unknown;
}

export interface FhirResource {
  resourceType: string;
  id?: string;
  meta?: Meta;
  [key: string]: unknown;
}

export interface Extension {
  url: string;
  valueBoolean?: boolean;
  valueString?: string;
  [key: string]: unknown;
}

export interface Coding {
  system?: string;
  code?: string;
  display?: string;
  [key: string]: unknown;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
  [key: string]: unknown;
}

export interface HumanName {
  use?: string;
  text?: string;
  family?: string;
  given?: string[];
  [key: string]: unknown;
}

export interface Identifier {
  use?: string;
  system?: string;
  value?: string;
  type?: CodeableConcept;
  [key: string]: unknown;
}

export interface ContactPoint {
  system?: string;
  value?: string;
  use?: string;
  [key: string]: unknown;
}

export interface Address {
  use?: string;
  text?: string;
  line?: string[];
  city?: string;
  district?: string;
  [key: string]: unknown;
}

export interface PatientContact {
  relationship?: CodeableConcept[];
  name?: HumanName;
  telecom?: ContactPoint[];
  [key: string]: unknown;
}

export interface Patient extends FhirResource {
  resourceType: 'Patient';
  identifier?: Identifier[];
  name?: HumanName[];
  telecom?: ContactPoint[];
  gender?: string;
  birthDate?: string;
  _birthDate?: { extension?: Extension[]; [key: string]: unknown };
  address?: Address[];
  contact?: PatientContact[];
}

export function isFhirResource(value: unknown): value is FhirResource {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { resourceType?: unknown }).resourceType === 'string'
  );
}
