/**
 * FHIR R4 Immunization as Kliniki reads it: the shape the due computation needs, taken from a
 * resource that may have been written here or by any other system feeding the iCDR. Anything the
 * computation cannot use (no vaccine code, no date) is left out here rather than guessed.
 */
import type { CodeableConcept, FhirResource } from '../../src-shared/fhir/types';
import type { GivenImmunization } from './due';

export interface Reference {
  reference?: string;
  display?: string;
  identifier?: { system?: string; value?: string };
}

export interface Immunization extends FhirResource {
  resourceType: 'Immunization';
  status: 'completed' | 'not-done' | 'entered-in-error';
  statusReason?: CodeableConcept;
  vaccineCode: CodeableConcept;
  patient: Reference;
  encounter?: Reference;
  occurrenceDateTime?: string;
  occurrenceString?: string;
  recorded?: string;
  primarySource?: boolean;
  lotNumber?: string;
  expirationDate?: string;
  site?: CodeableConcept;
  route?: CodeableConcept;
  performer?: { function?: CodeableConcept; actor: Reference }[];
  note?: { text: string }[];
  protocolApplied?: { series?: string; doseNumberPositiveInt?: number; doseNumberString?: string }[];
}

/** The local date part of an occurrence: the day the dose was given, as the clinic saw it. */
function occurrenceDate(resource: Immunization): string | undefined {
  const value = resource.occurrenceDateTime;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})/.exec(value);
  return match?.[1];
}

function patientId(resource: Immunization): string | undefined {
  const reference = resource.patient?.reference;
  if (typeof reference !== 'string') return undefined;
  const match = /^Patient\/([A-Za-z0-9\-.]{1,64})$/.exec(reference);
  return match?.[1];
}

export type PatientImmunization = GivenImmunization & { patientId: string };

/**
 * The dose as the due computation counts it, or null when it cannot be counted (entered in error,
 * no date, no coded vaccine, no patient). Every coding of the vaccine may match a series, so a
 * dose coded both in CVX and in a national code system is found either way, and counted once.
 */
export function toGiven(resource: Immunization): PatientImmunization | null {
  if (resource.status !== 'completed' && resource.status !== 'not-done') return null;
  const date = occurrenceDate(resource);
  const patient = patientId(resource);
  if (date === undefined || patient === undefined) return null;
  const codings = (Array.isArray(resource.vaccineCode?.coding) ? resource.vaccineCode.coding : []).flatMap((c) =>
    typeof c.system === 'string' && typeof c.code === 'string' ? [{ system: c.system, code: c.code }] : [],
  );
  const [first, ...others] = codings;
  if (!first) return null;
  const given: PatientImmunization = { patientId: patient, vaccineCode: first, date, status: resource.status };
  if (others.length > 0) given.otherCodes = others;
  if (resource.id !== undefined) given.id = resource.id;
  const dose = resource.protocolApplied?.[0]?.doseNumberPositiveInt;
  if (typeof dose === 'number') given.doseNumber = dose;
  const reason = resource.statusReason?.text ?? resource.statusReason?.coding?.[0]?.display;
  if (typeof reason === 'string') given.reason = reason;
  return given;
}
