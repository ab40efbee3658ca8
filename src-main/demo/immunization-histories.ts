/**
 * Realistic vaccination histories for demo data, tests and benchmarks: most children on time,
 * some late, some who started late and catch up, some who dropped out, a few with none. Doses are
 * dated from the schedule (recommended age plus a delay), never after `today`.
 */
import type { FhirResource } from '../../src-shared/fhir/types';
import { addDays, addSpan } from '../immunization/iso-date';
import type { ImmunizationSchedule } from '../immunization/schedule-model';
import type { Rng } from './random';

export type HistoryProfile = 'on-time' | 'late' | 'late-starter' | 'dropped-out' | 'none';

const PROFILES: readonly (readonly [HistoryProfile, number])[] = [
  ['on-time', 45],
  ['late', 25],
  ['late-starter', 12],
  ['dropped-out', 13],
  ['none', 5],
];

export function pickProfile(rng: Rng): HistoryProfile {
  return rng.weighted(PROFILES);
}

/** Immunization resources (status completed) for one child, oldest first. */
export function generateHistory(
  rng: Rng,
  schedule: ImmunizationSchedule,
  patientId: string,
  birthDate: string,
  today: string,
  profile: HistoryProfile = pickProfile(rng),
): FhirResource[] {
  if (profile === 'none') return [];
  const startAfter = profile === 'late-starter' ? addDays(birthDate, rng.int(120, 500)) : birthDate;
  const stopAfter = profile === 'dropped-out' ? addDays(birthDate, rng.int(40, 300)) : '9999-12-31';
  const out: FhirResource[] = [];
  for (const series of schedule.series) {
    const code = series.vaccineCodes[0];
    if (!code) continue;
    let previous: string | undefined;
    for (const dose of series.doses) {
      let date = addSpan(birthDate, dose.recommendedAge);
      if (date < startAfter) {
        // A late starter gets the doses still allowed from the day they first came.
        if (dose.maximumAge && startAfter >= addSpan(birthDate, dose.maximumAge)) continue;
        date = startAfter;
      }
      if (previous && dose.minimumInterval) {
        const earliest = addSpan(previous, dose.minimumInterval);
        if (date < earliest) date = earliest;
      }
      const delay = profile === 'late' ? rng.int(10, 60) : rng.int(0, 6);
      date = addDays(date, delay);
      if (date > today || date > stopAfter) break;
      out.push({
        resourceType: 'Immunization',
        status: 'completed',
        vaccineCode: { coding: [{ system: code.system, code: code.code }] },
        patient: { reference: `Patient/${patientId}` },
        occurrenceDateTime: date,
        primarySource: true,
      });
      previous = date;
    }
  }
  return out;
}
