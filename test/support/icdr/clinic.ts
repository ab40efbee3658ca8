// A deterministic generated clinic for bulk tests and benchmarks: one Organization, a few
// Practitioners, and per patient a Patient, Encounters, vital-sign Observations and Immunizations
// (12 resources per patient with the defaults: 10,000 patients ≈ 120,000 resources).
import type {
  Encounter,
  Immunization,
  Observation,
  Organization,
  Patient,
  Practitioner,
  Resource,
} from '@medplum/fhirtypes';
import { mulberry32 } from '../../../src-main/demo/random';

export interface ClinicOptions {
  readonly patients: number;
  /** Same seed, same clinic (ids included). */
  readonly seed?: number;
  readonly encountersPerPatient?: number;
  readonly observationsPerPatient?: number;
  readonly immunizationsPerPatient?: number;
}

export const CLINIC_MRN_SYSTEM = 'urn:kliniki:test-clinic:mrn';

const FAMILY = [
  'Müller',
  'Okafor',
  'Nguyễn',
  'García',
  'Smith',
  'Kowalski',
  'Haddad',
  'Mensah',
  'Øster',
  'Dubois',
  'Ivanova',
  'Tanaka',
  'Banda',
  'Silva',
  'Khan',
  'Moreau',
];
const GIVEN_F = ['Amara', 'Zoë', 'Maria', 'Aïcha', 'Lena', 'Grace', 'Fatima', 'Sofia', 'Wanjiru', 'Ana'];
const GIVEN_M = ['Jonas', 'Kofi', 'José', 'Luca', 'Omar', 'Ethan', 'Bram', 'Tariq', 'Chidi', 'Mateo'];
const CITIES = ['Kisumu', 'Lilongwe', 'Zürich', 'Porto', 'Gdańsk', 'Accra'];
const VITALS = [
  { code: '29463-7', display: 'Body weight', unit: 'kg', min: 3, max: 95 },
  { code: '8302-2', display: 'Body height', unit: 'cm', min: 50, max: 190 },
  { code: '8310-5', display: 'Body temperature', unit: 'Cel', min: 36, max: 39.5 },
  { code: '8867-4', display: 'Heart rate', unit: '/min', min: 55, max: 140 },
  { code: '9279-1', display: 'Respiratory rate', unit: '/min', min: 12, max: 40 },
];
const VACCINES = [
  { code: '08', display: 'Hep B, adolescent or pediatric' },
  { code: '20', display: 'DTaP' },
  { code: '10', display: 'IPV' },
  { code: '03', display: 'MMR' },
  { code: '140', display: 'Influenza, seasonal, injectable, preservative free' },
  { code: '133', display: 'Pneumococcal conjugate PCV 13' },
];

export function generateClinic(options: ClinicOptions): Resource[] {
  const random = mulberry32(options.seed ?? 42);
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = '89ab'[Math.floor(random() * 4)]!;
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  const day = (start: number, spanDays: number): Date =>
    new Date(start + int(0, spanDays) * 86_400_000 + int(8, 16) * 3_600_000);
  const encounters = options.encountersPerPatient ?? 3;
  const observations = options.observationsPerPatient ?? 5;
  const immunizations = options.immunizationsPerPatient ?? 3;

  const org: Organization = {
    resourceType: 'Organization',
    id: uuid(),
    identifier: [{ system: 'urn:kliniki:test-clinic', value: 'CLINIC-1' }],
    active: true,
    name: 'Kliniki Test Clinic',
  };
  const practitioners: Practitioner[] = [0, 1, 2].map((n) => ({
    resourceType: 'Practitioner',
    id: uuid(),
    identifier: [{ system: 'urn:kliniki:test-clinic:staff', value: `NURSE-${n + 1}` }],
    active: true,
    name: [{ family: pick(FAMILY), given: [pick(GIVEN_F)], prefix: ['Nurse'] }],
  }));
  const out: Resource[] = [org, ...practitioners];
  const now = Date.UTC(2025, 0, 1);

  for (let p = 0; p < options.patients; p++) {
    const female = random() < 0.5;
    const birth = day(now - 80 * 365 * 86_400_000, 80 * 365);
    const practitioner = pick(practitioners);
    const patient: Patient = {
      resourceType: 'Patient',
      id: uuid(),
      identifier: [{ system: CLINIC_MRN_SYSTEM, value: `MRN-${String(p + 1).padStart(6, '0')}` }],
      active: true,
      name: [{ use: 'official', family: pick(FAMILY), given: [pick(female ? GIVEN_F : GIVEN_M)] }],
      gender: female ? 'female' : 'male',
      birthDate: birth.toISOString().slice(0, 10),
      address: [{ city: pick(CITIES), country: 'KE' }],
      managingOrganization: { reference: `Organization/${org.id}` },
      generalPractitioner: [{ reference: `Practitioner/${practitioner.id}` }],
    };
    out.push(patient);
    const subject = { reference: `Patient/${patient.id}` };
    const visits: Encounter[] = [];
    for (let e = 0; e < encounters; e++) {
      const start = day(now - 3 * 365 * 86_400_000, 3 * 365);
      const visit: Encounter = {
        resourceType: 'Encounter',
        id: uuid(),
        status: 'finished',
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
        type: [
          { coding: [{ system: 'http://snomed.info/sct', code: '185349003', display: 'Encounter for check up' }] },
        ],
        subject,
        participant: [{ individual: { reference: `Practitioner/${practitioner.id}` } }],
        period: { start: start.toISOString(), end: new Date(start.getTime() + 20 * 60_000).toISOString() },
        serviceProvider: { reference: `Organization/${org.id}` },
      };
      visits.push(visit);
      out.push(visit);
    }
    for (let o = 0; o < observations; o++) {
      const visit = visits[o % Math.max(1, visits.length)];
      const vital = VITALS[o % VITALS.length]!;
      const observation: Observation = {
        resourceType: 'Observation',
        id: uuid(),
        status: 'final',
        category: [
          { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] },
        ],
        code: {
          coding: [{ system: 'http://loinc.org', code: vital.code, display: vital.display }],
          text: vital.display,
        },
        subject,
        ...(visit ? { encounter: { reference: `Encounter/${visit.id}` }, effectiveDateTime: visit.period!.start } : {}),
        valueQuantity: {
          value: Math.round((vital.min + random() * (vital.max - vital.min)) * 10) / 10,
          unit: vital.unit,
          system: 'http://unitsofmeasure.org',
          code: vital.unit,
        },
      };
      out.push(observation);
    }
    for (let i = 0; i < immunizations; i++) {
      const visit = visits[i % Math.max(1, visits.length)];
      const vaccine = pick(VACCINES);
      const immunization: Immunization = {
        resourceType: 'Immunization',
        id: uuid(),
        status: 'completed',
        vaccineCode: {
          coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: vaccine.code, display: vaccine.display }],
        },
        patient: subject,
        ...(visit ? { encounter: { reference: `Encounter/${visit.id}` } } : {}),
        occurrenceDateTime: visit?.period?.start ?? birth.toISOString(),
        primarySource: true,
        lotNumber: `LOT-${int(1000, 9999)}`,
      };
      out.push(immunization);
    }
  }
  return out;
}
