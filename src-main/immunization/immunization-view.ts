/**
 * A patient's vaccinations as the screens show them: every Immunization (newest first) and each
 * series of the schedule with what counted, what did not and why, and what comes next.
 */
import type { ImmunizationEntry, PatientImmunizations, SeriesDueView } from '../../src-shared/domain/immunization';
import { isAppError } from '../../src-shared/errors';
import type { CodeableConcept } from '../../src-shared/fhir/types';
import type { StoredResource } from '../store/resource-repo';
import type { ActiveSchedule } from './active-schedule';
import { computeDue, type SeriesDue } from './due';
import { toGiven, type Immunization, type PatientImmunization } from './fhir-immunization';
import { usualRoute } from './immunization-resource';
import { addSpan, isIsoDate } from './iso-date';
import { DUE_MAX_AGE_MONTHS } from '../../src-shared/domain/due-list';
import type { SeriesDefinition } from './schedule-model';

export const NO_BIRTH_DATE =
  'The vaccination schedule cannot be worked out without a full date of birth. Add the date of birth to see which vaccines are due.';

/** The same age limit as the clinic's due list: an adult is not "overdue" for infant vaccines. */
export const BEYOND_SCHEDULE =
  'The childhood vaccination schedule covers children under 5 years, so no vaccine is worked out as due for this patient.';

/** The laptop's own calendar day: the clinic works in the time zone its laptop is set to. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function seriesOf(schedule: ActiveSchedule, resource: Immunization): SeriesDefinition | undefined {
  const codings = resource.vaccineCode?.coding ?? [];
  return schedule.schedule.series.find((s) =>
    s.vaccineCodes.some((c) => codings.some((g) => g.system === c.system && g.code === c.code)),
  );
}

/** The doses the due computation counts, from stored Immunizations. */
export function givenDoses(stored: readonly StoredResource[]): PatientImmunization[] {
  return stored.flatMap((s) => {
    const given = toGiven(s.resource as Immunization);
    return given ? [given] : [];
  });
}

/** Due per series, or the reason it cannot be computed for this patient. */
export function dueFor(
  schedule: ActiveSchedule,
  birthDate: string | null,
  doses: readonly PatientImmunization[],
  today: string,
): { series: SeriesDue[]; state: PatientImmunizations['scheduleState']; message: string | null } {
  if (birthDate === null || !isIsoDate(birthDate))
    return { series: [], state: 'no-birth-date', message: NO_BIRTH_DATE };
  if (addSpan(birthDate, { value: DUE_MAX_AGE_MONTHS, unit: 'mo' }) <= today) {
    return { series: [], state: 'beyond-age', message: BEYOND_SCHEDULE };
  }
  try {
    return { series: computeDue(schedule.schedule, birthDate, doses, today), state: 'computed', message: null };
  } catch (error) {
    if (isAppError(error)) {
      const fields = error.details?.fields ?? {};
      return { series: [], state: 'invalid-birth-date', message: Object.values(fields)[0] ?? error.message };
    }
    throw error;
  }
}

function codeOrText(concept: CodeableConcept | undefined): string | null {
  if (!concept) return null;
  return concept.coding?.[0]?.code ?? concept.text ?? concept.coding?.[0]?.display ?? null;
}

/** The nurse's own words on a not-given reason; the coded reason's display is not repeated. */
function notGivenWords(reason: CodeableConcept | undefined): string | null {
  const text = reason?.text?.trim();
  if (!text) return null;
  return reason?.coding?.some((c) => c.display === text) ? null : text;
}

function entryOf(stored: StoredResource, schedule: ActiveSchedule, due: SeriesDue[]): ImmunizationEntry {
  const r = stored.resource as Immunization;
  const series = seriesOf(schedule, r);
  const evaluated = due.flatMap((d) => d.doses).find((d) => d.immunizationId === stored.id);
  const rule =
    evaluated?.countedAs !== undefined ? series?.doses.find((d) => d.doseNumber === evaluated.countedAs) : undefined;
  const status = r.status === 'completed' || r.status === 'not-done' ? r.status : 'entered-in-error';
  const reasonText =
    status === 'entered-in-error'
      ? (r.note?.at(-1)?.text ?? null)
      : status === 'not-done'
        ? notGivenWords(r.statusReason)
        : (r.note?.[0]?.text ?? null);
  return {
    id: stored.id,
    status,
    seriesId: series?.id ?? null,
    vaccine: series?.title ?? r.vaccineCode?.text ?? r.vaccineCode?.coding?.[0]?.display ?? 'Unnamed vaccine',
    date: /^\d{4}-\d{2}-\d{2}/.exec(r.occurrenceDateTime ?? '')?.[0] ?? r.occurrenceString ?? '',
    countedAs: rule?.title ?? null,
    problem: evaluated?.problem ?? null,
    lotNumber: r.lotNumber ?? null,
    site: codeOrText(r.site),
    route: codeOrText(r.route),
    givenBy: r.performer?.[0]?.actor?.display ?? null,
    primarySource: r.primarySource !== false,
    visitId: r.encounter?.reference?.replace(/^Encounter\//, '') ?? null,
    reasonCode: status === 'not-done' ? (r.statusReason?.coding?.[0]?.code ?? null) : null,
    reasonText,
  };
}

function seriesView(due: SeriesDue, definition: SeriesDefinition): SeriesDueView {
  const titleOf = (n: number | undefined) =>
    n === undefined ? null : (definition.doses.find((d) => d.doseNumber === n)?.title ?? null);
  return {
    seriesId: due.seriesId,
    title: due.title,
    status: due.status,
    dosesCounted: due.dosesCounted,
    dosesInSeries: definition.doses.length,
    doses: due.doses.map((d) => ({
      immunizationId: d.immunizationId ?? null,
      date: d.date,
      countedAs: titleOf(d.countedAs),
      problem: d.problem ?? null,
    })),
    notGiven: due.notGiven.map((n) => ({
      immunizationId: n.immunizationId ?? null,
      date: n.date,
      reason: n.reason ?? null,
    })),
    missed: due.missed.map((m) => m.title),
    next: due.next
      ? {
          doseNumber: due.next.doseNumber,
          title: due.next.title,
          earliestDate: due.next.earliestDate,
          dueDate: due.next.dueDate,
          overdueDate: due.next.overdueDate,
          latestDate: due.next.latestDate ?? null,
        }
      : null,
    note: due.note ?? null,
    route: usualRoute(definition),
  };
}

// Same day: the one recorded last comes first (sort is stable).
const newestFirst = (a: ImmunizationEntry, b: ImmunizationEntry) => b.date.localeCompare(a.date);
const recordedLastFirst = (a: StoredResource, b: StoredResource) =>
  b.createdAt.localeCompare(a.createdAt) || b.pk - a.pk;

export function patientImmunizations(
  patientId: string,
  birthDate: string | null,
  stored: readonly StoredResource[],
  schedule: ActiveSchedule,
  today: string,
): PatientImmunizations {
  const due = dueFor(schedule, birthDate, givenDoses(stored), today);
  const definitions = new Map(schedule.schedule.series.map((s) => [s.id, s]));
  return {
    patientId,
    today,
    birthDate,
    scheduleState: due.state,
    scheduleMessage: due.message,
    series: due.series.flatMap((d) => {
      const definition = definitions.get(d.seriesId);
      return definition ? [seriesView(d, definition)] : [];
    }),
    history: [...stored]
      .sort(recordedLastFirst)
      .map((s) => entryOf(s, schedule, due.series))
      .sort(newestFirst),
    schedule: { source: schedule.source, versions: schedule.versions },
  };
}
