/**
 * What a child is due for, per series of the schedule. Doses are evaluated in date order against
 * the schedule (not by the dose number someone typed): a dose given too young or too soon after
 * the previous counted dose is flagged and not counted. The next dose is due at the latest of its
 * recommended age, its minimum age and the previous counted dose plus the minimum interval, which
 * is also how a child who started late catches up. Pure: `today` is an argument.
 */
import { validationError } from '../../src-shared/errors';
import { addDays, addSpan, daysBetween, isIsoDate, laterOf } from './iso-date';
import { describeSpan, type DoseRule, type ImmunizationSchedule, type SeriesDefinition } from './schedule-model';

export interface GivenImmunization {
  id?: string;
  vaccineCode: { system: string; code: string };
  /** Further codings of the same vaccine (a national code beside CVX): any of them may match. */
  otherCodes?: { system: string; code: string }[];
  /** ISO local date, 'YYYY-MM-DD'. */
  date: string;
  /** As recorded; kept for display, not trusted for counting. */
  doseNumber?: number;
  status: 'completed' | 'not-done';
  /** Why a dose was not given (status not-done). */
  reason?: string;
}

export type SeriesStatus = 'upcoming' | 'due' | 'overdue' | 'complete' | 'too-late';

export interface EvaluatedDose {
  immunizationId?: string;
  date: string;
  recordedDoseNumber?: number;
  /** The schedule dose this counted as; absent when the dose was not counted. */
  countedAs?: number;
  valid: boolean;
  /** Why the dose does not count, in words. */
  problem?: string;
}

export interface NextDose {
  doseNumber: number;
  title: string;
  /** The first day the dose counts if given. */
  earliestDate: string;
  dueDate: string;
  /** From this day on the dose is overdue. */
  overdueDate: string;
  /** The last day the dose may still be given, when the schedule sets a maximum age. */
  latestDate?: string;
}

export interface SeriesDue {
  seriesId: string;
  title: string;
  status: SeriesStatus;
  dosesCounted: number;
  doses: EvaluatedDose[];
  notGiven: { immunizationId?: string; date: string; reason?: string }[];
  /** Doses whose age window closed before they were given, e.g. a missed birth dose. */
  missed: { doseNumber: number; title: string }[];
  next?: NextDose;
  /** Why the series can no longer be completed (status too-late). */
  note?: string;
}

export interface DueOptions {
  /** How long after the due date a dose becomes overdue; 28 days unless the programme says otherwise. */
  overdueAfterDays?: number;
}

const DEFAULT_OVERDUE_AFTER_DAYS = 28;

function checkDates(birthDate: string, today: string): void {
  if (!isIsoDate(today)) throw validationError({ today: "Today's date is not a valid date (YYYY-MM-DD)." });
  if (!isIsoDate(birthDate)) throw validationError({ birthDate: 'The birth date is not a valid date (YYYY-MM-DD).' });
  if (birthDate > today) {
    throw validationError({ birthDate: 'The birth date is in the future; check it before planning vaccinations.' });
  }
}

function matches(series: SeriesDefinition, given: GivenImmunization): boolean {
  const codes = given.otherCodes ? [given.vaccineCode, ...given.otherCodes] : [given.vaccineCode];
  return series.vaccineCodes.some((c) => codes.some((g) => c.system === g.system && c.code === g.code));
}

function windowEnd(birthDate: string, rule: DoseRule): string | undefined {
  return rule.maximumAge ? addSpan(birthDate, rule.maximumAge) : undefined;
}

function problemFor(
  given: GivenImmunization,
  rule: DoseRule | undefined,
  birthDate: string,
  today: string,
  previous: string | undefined,
): string | undefined {
  if (!isIsoDate(given.date)) return 'The date of this dose is not a valid date.';
  if (given.date > today) return 'This dose is dated in the future.';
  if (given.date < birthDate) return 'This dose is dated before the birth date.';
  if (!rule) return 'An extra dose: the series was already complete.';
  const end = windowEnd(birthDate, rule);
  if (end !== undefined && given.date >= end && rule.maximumAge) {
    return `Given at or after the maximum age of ${describeSpan(rule.maximumAge)}.`;
  }
  if (given.date < addSpan(birthDate, rule.minimumAge)) {
    return `Given before the minimum age of ${describeSpan(rule.minimumAge)} for ${rule.title}.`;
  }
  if (rule.minimumInterval && previous !== undefined && given.date < addSpan(previous, rule.minimumInterval)) {
    const days = daysBetween(previous, given.date);
    return `Given ${days} days after the previous dose; at least ${describeSpan(rule.minimumInterval)} are needed.`;
  }
  return undefined;
}

export function seriesDue(
  series: SeriesDefinition,
  birthDate: string,
  immunizations: readonly GivenImmunization[],
  today: string,
  options: DueOptions = {},
): SeriesDue {
  checkDates(birthDate, today);
  const rules = series.doses;
  const last = rules.length - 1;
  const result: SeriesDue = {
    seriesId: series.id,
    title: series.title,
    status: 'complete',
    dosesCounted: 0,
    doses: [],
    notGiven: [],
    missed: [],
  };
  const mine = immunizations.filter((g) => matches(series, g));
  for (const g of mine.filter((g) => g.status === 'not-done')) {
    const entry: SeriesDue['notGiven'][number] = { date: g.date };
    if (g.id !== undefined) entry.immunizationId = g.id;
    if (g.reason !== undefined) entry.reason = g.reason;
    result.notGiven.push(entry);
  }
  // Stable sort by date; invalid dates sort last and are flagged below.
  const given = mine
    .filter((g) => g.status === 'completed')
    .map((g, i) => ({ g, i }))
    .sort((a, b) => (a.g.date < b.g.date ? -1 : a.g.date > b.g.date ? 1 : a.i - b.i))
    .map(({ g }) => g);

  let index = 0;
  let previous: string | undefined;
  const skipClosed = (until: string): void => {
    // A dose whose window has closed (a birth dose after 2 weeks) is passed over, unless it is the
    // last dose of the series, in which case the series itself is too late.
    for (let rule = rules[index]; rule && index < last; rule = rules[index]) {
      const end = windowEnd(birthDate, rule);
      if (end === undefined || until < end) return;
      result.missed.push({ doseNumber: rule.doseNumber, title: rule.title });
      index += 1;
    }
  };

  for (const g of given) {
    if (isIsoDate(g.date)) skipClosed(g.date);
    const rule = rules[index];
    const problem = problemFor(g, rule, birthDate, today, previous);
    const evaluated: EvaluatedDose = { date: g.date, valid: problem === undefined };
    if (g.id !== undefined) evaluated.immunizationId = g.id;
    if (g.doseNumber !== undefined) evaluated.recordedDoseNumber = g.doseNumber;
    if (problem !== undefined || !rule) {
      evaluated.problem = problem;
    } else {
      evaluated.countedAs = rule.doseNumber;
      previous = g.date;
      index += 1;
      result.dosesCounted += 1;
    }
    result.doses.push(evaluated);
  }

  const overdueAfter = options.overdueAfterDays ?? DEFAULT_OVERDUE_AFTER_DAYS;
  while (index <= last) {
    const rule = rules[index];
    if (!rule) break;
    let earliest = addSpan(birthDate, rule.minimumAge);
    if (rule.minimumInterval && previous !== undefined)
      earliest = laterOf(earliest, addSpan(previous, rule.minimumInterval));
    const dueDate = laterOf(addSpan(birthDate, rule.recommendedAge), earliest);
    const end = windowEnd(birthDate, rule);
    if (end !== undefined && (today >= end || earliest >= end)) {
      if (index < last) {
        result.missed.push({ doseNumber: rule.doseNumber, title: rule.title });
        index += 1;
        continue;
      }
      result.status = 'too-late';
      if (rule.maximumAge) {
        result.note = `${series.title} is not given from ${describeSpan(rule.maximumAge)} of age; this series cannot be completed.`;
      }
      return result;
    }
    const next: NextDose = {
      doseNumber: rule.doseNumber,
      title: rule.title,
      earliestDate: earliest,
      dueDate,
      overdueDate: addDays(dueDate, overdueAfter),
    };
    if (end !== undefined) next.latestDate = addDays(end, -1);
    result.next = next;
    result.status = today < dueDate ? 'upcoming' : today < next.overdueDate ? 'due' : 'overdue';
    return result;
  }
  return result;
}

/** Every series of the schedule for one child, in the schedule's order. */
export function computeDue(
  schedule: ImmunizationSchedule,
  birthDate: string,
  immunizations: readonly GivenImmunization[],
  today: string,
  options: DueOptions = {},
): SeriesDue[] {
  checkDates(birthDate, today);
  return schedule.series.map((series) => seriesDue(series, birthDate, immunizations, today, options));
}
