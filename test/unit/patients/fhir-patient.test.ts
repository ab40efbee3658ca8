import { describe, expect, it } from 'vitest';
import { draftToPatient, patientToDraft, patientToSummary } from '../../../src-main/patients/fhir-patient';
import type { Patient } from '../../../src-shared/fhir/types';
import { BIRTH_DATE_ESTIMATED_URL, CLINIC_NUMBER_SYSTEM } from '../../../src-shared/fhir/systems';
import { childDraft } from '../../support/temp-core';

const facts = { birthDate: '2019-04-02', estimated: false, clinicNumber: 'ACDE-000001-8' };

describe('FHIR Patient mapping', () => {
  it('writes the form into a FHIR Patient', () => {
    const patient = draftToPatient(childDraft(), facts);
    expect(patient.name).toEqual([{ use: 'official', family: 'Mukasa', given: ['Nakato', 'Sarah'] }]);
    expect(patient.gender).toBe('female');
    expect(patient.identifier).toContainEqual({ use: 'usual', system: CLINIC_NUMBER_SYSTEM, value: 'ACDE-000001-8' });
    expect(patient.contact?.[0]?.relationship?.[0]?.coding?.[0]?.code).toBe('MTH');
    expect(patient.address?.[0]).toMatchObject({ city: 'Kasangati', line: ['Near the market'] });
  });

  it('keeps every field and extension the form does not model when editing', () => {
    const fromCentre: Patient = {
      resourceType: 'Patient',
      id: 'p1',
      meta: { versionId: '7', profile: ['http://example.org/StructureDefinition/ug-patient'] },
      extension: [{ url: 'http://example.org/ethnicity', valueString: 'Muganda' }],
      name: [
        { use: 'maiden', family: 'Nansubuga', given: ['Nakato'] },
        { use: 'official', family: 'Mukasa', given: ['Nakato'], period: { start: '2020-01-01' } },
      ],
      identifier: [{ system: 'http://example.org/nin', value: 'CM123' }],
      telecom: [{ system: 'email', value: 'n@example.org' }],
      maritalStatus: { text: 'Married' },
      birthDate: '2019-04-02',
      _birthDate: { extension: [{ url: 'http://example.org/time-of-birth', valueString: '04:00' }] },
    };
    const edited = draftToPatient(childDraft({ family: 'Mukasa-Kato', village: 'Gayaza' }), facts, fromCentre);
    expect(edited.extension).toEqual(fromCentre.extension);
    expect(edited.meta).toEqual(fromCentre.meta);
    expect(edited.maritalStatus).toEqual({ text: 'Married' });
    expect(edited.name?.[0]).toEqual(fromCentre.name?.[0]);
    expect(edited.name?.[1]).toEqual({
      use: 'official',
      family: 'Mukasa-Kato',
      given: ['Nakato', 'Sarah'],
      period: { start: '2020-01-01' },
    });
    expect(edited.identifier).toContainEqual({ system: 'http://example.org/nin', value: 'CM123' });
    expect(edited.telecom).toContainEqual({ system: 'email', value: 'n@example.org' });
    expect(edited._birthDate?.extension).toEqual([{ url: 'http://example.org/time-of-birth', valueString: '04:00' }]);
    expect(fromCentre.name?.[1]?.family).toBe('Mukasa');
  });

  it('marks an estimated birth date and shows it back as an age', () => {
    const patient = draftToPatient(childDraft(), { ...facts, birthDate: '1996-11-25', estimated: true });
    expect(patient._birthDate?.extension).toEqual([{ url: BIRTH_DATE_ESTIMATED_URL, valueBoolean: true }]);
    expect(patientToSummary('x', patient).birthDateEstimated).toBe(true);
    expect(patientToDraft(patient, new Date(2026, 10, 25)).birth).toEqual({ kind: 'estimated', years: 30, months: 0 });
  });

  it('removes the guardian and phone when the form clears them', () => {
    const patient = draftToPatient(childDraft(), facts);
    const cleared = draftToPatient(
      childDraft({ phone: '', guardian: { name: '', relationship: 'mother', phone: '' } }),
      facts,
      patient,
    );
    expect(cleared.telecom).toBeUndefined();
    expect(cleared.contact).toBeUndefined();
  });

  it('reads a Patient that has only a text name', () => {
    const summary = patientToSummary('x', { resourceType: 'Patient', name: [{ text: 'Abebe Bikila' }] });
    expect(summary.displayName).toBe('Abebe Bikila');
    expect(summary.sex).toBe('unknown');
  });
});
