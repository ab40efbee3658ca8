/**
 * computeDue (due.ts) reduced to what the clinic list needs — each series' status and next dose —
 * for thousands of children per call: no messages, no per-dose records, integer date arithmetic,
 * and the schedule's vaccine codes looked up in a map. It follows seriesDue step by step and must
 * agree with it; test/unit/due/clinic-due-agreement.test.ts compares the two on generated
 * histories (on time, late, catch-up, invalid and future dates, extra doses, not given).
 */
import type { SeriesStatus } from './due';
import { isValidDay, plusDays, plusSpanRemembered } from './day-math';
import type { DoseRule, ImmunizationSchedule, SeriesDefinition } from './schedule-model';

const DEFAULT_OVERDUE_AFTER_DAYS = 28;

/** One dose as the index holds it: codes as `system|code` lines. */
export interface IndexedDose {
  date: string;
  status: 'completed' | 'not-done';
  codes: string;
}

export interface SeriesResult {
  status: SeriesStatus;
  next?: { doseNumber: number; title: string; dueDate: string; overdueDate: string };
}

export interface CompiledSchedule {
  series: readonly SeriesDefinition[];
  /** `system|code` → indexes of the series the code counts for. */
  byCode: Map<string, number[]>;
}

const compiled = new WeakMap<ImmunizationSchedule, CompiledSchedule>();

export function compileSchedule(schedule: ImmunizationSchedule): CompiledSchedule {
  let found = compiled.get(schedule);
  if (found) return found;
  const byCode = new Map<string, number[]>();
  schedule.series.forEach((series, i) => {
    for (const c of series.vaccineCodes) {
      const key = `${c.system}|${c.code}`;
      const list = byCode.get(key) ?? [];
      if (!list.includes(i)) list.push(i);
      byCode.set(key, list);
    }
  });
  found = { series: schedule.series, byCode };
  compiled.set(schedule, found);
  return found;
}

function windowEnd(birthDate: string, rule: DoseRule): string | undefined {
  return rule.maximumAge ? plusSpanRemembered(birthDate, rule.maximumAge) : undefined;
}

/** seriesDue's "does this dose count" (problemFor), as a yes/no. */
function counts(
  date: string,
  rule: DoseRule | undefined,
  birthDate: string,
  today: string,
  previous?: string,
): boolean {
  if (!isValidDay(date) || date > today || date < birthDate || !rule) return false;
  const end = windowEnd(birthDate, rule);
  if (end !== undefined && date >= end) return false;
  if (date < plusSpanRemembered(birthDate, rule.minimumAge)) return false;
  if (rule.minimumInterval && previous !== undefined && date < plusSpanRemembered(previous, rule.minimumInterval))
    return false;
  return true;
}

/** `dates`: the completed doses of this series, in the order the index gave them. */
function evaluateSeries(
  series: SeriesDefinition,
  birthDate: string,
  dates: string[],
  today: string,
  overdueAfter: number,
): SeriesResult {
  const rules = series.doses;
  const last = rules.length - 1;
  // Array.prototype.sort is stable, as seriesDue's index tie-break makes its own sort.
  const given = dates.length > 1 ? [...dates].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : dates;
  let index = 0;
  let previous: string | undefined;
  for (const date of given) {
    if (isValidDay(date)) {
      for (let rule = rules[index]; rule && index < last; rule = rules[index]) {
        const end = windowEnd(birthDate, rule);
        if (end === undefined || date < end) break;
        index += 1;
      }
    }
    if (counts(date, rules[index], birthDate, today, previous)) {
      previous = date;
      index += 1;
    }
  }
  while (index <= last) {
    const rule = rules[index]!;
    let earliest = plusSpanRemembered(birthDate, rule.minimumAge);
    if (rule.minimumInterval && previous !== undefined) {
      const after = plusSpanRemembered(previous, rule.minimumInterval);
      if (after > earliest) earliest = after;
    }
    const recommended = plusSpanRemembered(birthDate, rule.recommendedAge);
    const dueDate = recommended >= earliest ? recommended : earliest;
    const end = windowEnd(birthDate, rule);
    if (end !== undefined && (today >= end || earliest >= end)) {
      if (index < last) {
        index += 1;
        continue;
      }
      return { status: 'too-late' };
    }
    const overdueDate = plusDays(dueDate, overdueAfter);
    const status: SeriesStatus = today < dueDate ? 'upcoming' : today < overdueDate ? 'due' : 'overdue';
    return { status, next: { doseNumber: rule.doseNumber, title: rule.title, dueDate, overdueDate } };
  }
  return { status: 'complete' };
}

/** Every series for one child, in the schedule's order (what computeDue answers, in brief). */
export function evaluateChild(
  schedule: CompiledSchedule,
  birthDate: string,
  doses: readonly IndexedDose[],
  today: string,
  overdueAfter = DEFAULT_OVERDUE_AFTER_DAYS,
): SeriesResult[] {
  const perSeries: string[][] = schedule.series.map(() => []);
  for (const dose of doses) {
    if (dose.status !== 'completed') continue;
    if (dose.codes.indexOf('\n') === -1) {
      // One coding, the common case: no need to guard against counting a dose twice.
      for (const i of schedule.byCode.get(dose.codes) ?? []) perSeries[i]!.push(dose.date);
      continue;
    }
    const hit = new Set<number>();
    for (const code of dose.codes.split('\n')) for (const i of schedule.byCode.get(code) ?? []) hit.add(i);
    for (const i of hit) perSeries[i]!.push(dose.date);
  }
  return schedule.series.map((series, i) => evaluateSeries(series, birthDate, perSeries[i]!, today, overdueAfter));
}
