import type { PatientDraft } from '../src-shared/domain/patient';

/** Distinct adult patients for the push benchmark (no guardian needed, nothing random). */
export function adultDraftFor(i: number): PatientDraft {
  return {
    given: `Amani${i}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!),
    family: 'Pushbench',
    sex: i % 2 === 0 ? 'female' : 'male',
    birth: { kind: 'exact', date: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}` },
    nationalId: '',
    phone: '',
    village: 'Benchville',
    addressLine: '',
    guardian: { name: '', relationship: 'other', phone: '' },
  };
}
