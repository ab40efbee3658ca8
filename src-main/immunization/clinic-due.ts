/**
 * The clinic due list: every child of schedule age (0–59 months) evaluated with computeDue against
 * the schedule in force, today. Nothing is stored per child: status depends on today and on the
 * schedule (which the iCDR may replace), so it is computed on each call from two index reads —
 * the children (due_child, a birth-date range) with their doses (immunization_history) — and
 * never from Immunization JSON. Children with the same birth date and no doses share one result.
 */
import type { DueCounts, DueItem, DueStatus, ParsedDueQuery } from '../../src-shared/domain/due-list';
import { DUE_MAX_AGE_MONTHS } from '../../src-shared/domain/due-list';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { fold } from '../patients/name-keys';
import { identifierKey } from '../patients/search-keys';
import { compileSchedule, evaluateChild, type CompiledSchedule, type IndexedDose } from './clinic-due-evaluator';
import { dayOf, isValidDay, ymd } from './day-math';
import { addDays, addSpan, isIsoDate } from './iso-date';
import type { ImmunizationSchedule } from './schedule-model';

/** The laptop's local calendar day: the clinic works in the time zone its laptop is set to. */
export function localIsoDate(now: Date): string {
  const y = String(now.getFullYear()).padStart(4, '0');
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whole calendar months from birth to today. */
export function ageInMonths(birthDate: string, today: string): number {
  const [by, bm, bd] = ymd(birthDate);
  const [ty, tm, td] = ymd(today);
  return (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
}

export interface ChildDue {
  pk: number;
  id: string;
  birthDate: string;
  sortName: string;
  village: string | null;
  ageMonths: number;
  /** Doses due, overdue, or due within the upcoming horizon, in the schedule's order. */
  items: DueItem[];
}

interface ChildRow {
  pk: number;
  id: string;
  birthDate: string;
  sortName: string;
  village: string | null;
  doses: string | null;
}

const URGENCY: Record<DueStatus, number> = { overdue: 0, due: 1, upcoming: 2 };

/** The oldest birth date still on the list: a child leaves it on the day they turn 60 months. */
function oldestBirthDate(today: string): string {
  return addDays(addSpan(today, { value: -DUE_MAX_AGE_MONTHS, unit: 'mo' }), 1);
}

function readChildren(sqlite: Sqlite, today: string): ChildRow[] {
  // Deceased, inactive and merged-away ('replaced-by') records are not called in for vaccination
  // (due_child.listed); a merged child is listed under the record that replaced it.
  return stmt(
    sqlite,
    `SELECT c.resource_pk AS pk, c.patient_id AS id, c.birth_date AS birthDate, c.sort_name AS sortName,
            c.village AS village, h.doses AS doses
     FROM due_child c LEFT JOIN immunization_history h ON h.patient_id = c.patient_id
     WHERE c.birth_date BETWEEN ? AND ? AND length(c.birth_date) = 10 AND c.listed = 1`,
  ).all(oldestBirthDate(today), today) as ChildRow[];
}

const DOSE_SEPARATOR = '\u001e';
const FIELD_SEPARATOR = '\u001f';

/** immunization_history.doses: `date` US `codes`, joined by RS (see migration 0002). */
export function parseHistory(doses: string | null): IndexedDose[] {
  if (doses === null || doses === '') return [];
  return doses.split(DOSE_SEPARATOR).map((entry) => {
    const at = entry.indexOf(FIELD_SEPARATOR);
    return { date: entry.slice(0, at), status: 'completed', codes: entry.slice(at + 1) };
  });
}

function itemsFor(
  schedule: CompiledSchedule,
  birthDate: string,
  doses: readonly IndexedDose[],
  today: string,
  horizon: string,
): DueItem[] {
  const items: DueItem[] = [];
  const results = evaluateChild(schedule, birthDate, doses, today);
  const todayNumber = dayOf(today);
  for (const [i, result] of results.entries()) {
    const next = result.next;
    if (!next) continue;
    const status = result.status;
    if (status !== 'due' && status !== 'overdue' && !(status === 'upcoming' && next.dueDate <= horizon)) continue;
    const series = schedule.series[i]!;
    items.push({
      seriesId: series.id,
      seriesTitle: series.title,
      doseNumber: next.doseNumber,
      doseTitle: next.title,
      status,
      dueDate: next.dueDate,
      overdueDate: next.overdueDate,
      daysSinceDue: todayNumber - dayOf(next.dueDate),
    });
  }
  return items;
}

/** Every child of schedule age with what they are due for; `upcomingDays` sets the look-ahead. */
export function evaluateClinic(
  sqlite: Sqlite,
  schedule: ImmunizationSchedule,
  today: string,
  upcomingDays: number,
): ChildDue[] {
  if (!isIsoDate(today)) throw new Error('today must be an ISO date');
  const horizon = addDays(today, upcomingDays);
  const children = readChildren(sqlite, today);
  const compiled = compileSchedule(schedule);
  const none: IndexedDose[] = [];
  const sameAge = new Map<string, DueItem[]>();
  const out: ChildDue[] = [];
  for (const child of children) {
    const birthDate = child.birthDate;
    if (!isValidDay(birthDate)) continue;
    let items: DueItem[];
    if (child.doses !== null) {
      items = itemsFor(compiled, birthDate, parseHistory(child.doses), today, horizon);
    } else {
      items = sameAge.get(birthDate) ?? itemsFor(compiled, birthDate, none, today, horizon);
      sameAge.set(birthDate, items);
    }
    out.push({
      pk: child.pk,
      id: child.id,
      birthDate,
      sortName: child.sortName,
      village: child.village,
      ageMonths: ageInMonths(birthDate, today),
      items,
    });
  }
  return out;
}

/** The most urgent status among the items, or null when nothing is due within the horizon. */
export function worstStatus(items: readonly DueItem[]): DueStatus | null {
  let worst: DueStatus | null = null;
  for (const item of items) if (worst === null || URGENCY[item.status] < URGENCY[worst]) worst = item.status;
  return worst;
}

export interface ClinicSummary {
  children: number;
  upToDate: number;
  due: number;
  overdue: number;
}

/** Children 0–59 months: how many are up to date, due now (not overdue), or overdue. */
export function summarizeClinicDue(sqlite: Sqlite, schedule: ImmunizationSchedule, today: string): ClinicSummary {
  const summary: ClinicSummary = { children: 0, upToDate: 0, due: 0, overdue: 0 };
  for (const child of evaluateClinic(sqlite, schedule, today, 0)) {
    summary.children += 1;
    const worst = worstStatus(child.items.filter((i) => i.status !== 'upcoming'));
    if (worst === 'overdue') summary.overdue += 1;
    else if (worst === 'due') summary.due += 1;
    else summary.upToDate += 1;
  }
  return summary;
}

function clinicNumberMatches(sqlite: Sqlite, text: string): Set<number> {
  const key = identifierKey(text);
  if (key === '') return new Set();
  const rows = stmt(
    sqlite,
    "SELECT resource_pk AS pk FROM patient_keys WHERE kind = 'clinic-number' AND value >= ? AND value < ?",
  ).all(key, `${key}\uffff`) as { pk: number }[];
  return new Set(rows.map((r) => r.pk));
}

export interface FilteredDue {
  children: number;
  counts: DueCounts;
  villages: string[];
  /** Matching children, most urgent first, each with the items the filter selects. */
  matches: (ChildDue & { status: DueStatus })[];
}

/** Applies the list's filters; counts per status use every filter except the status. */
export function filterClinicDue(sqlite: Sqlite, all: readonly ChildDue[], query: ParsedDueQuery): FilteredDue {
  const text = query.text?.trim() ?? '';
  const folded = fold(text).trim();
  const byNumber = text === '' ? null : clinicNumberMatches(sqlite, text);
  const village = fold(query.village?.trim() ?? '');
  const villages = new Set<string>();
  const counts: DueCounts = { overdue: 0, due: 0, upcoming: 0 };
  const matches: FilteredDue['matches'] = [];
  for (const child of all) {
    if (child.village) villages.add(child.village.trim());
    if (query.minAgeMonths !== undefined && child.ageMonths < query.minAgeMonths) continue;
    if (query.maxAgeMonths !== undefined && child.ageMonths > query.maxAgeMonths) continue;
    if (village !== '' && fold(child.village ?? '').trim() !== village) continue;
    if (folded !== '' && !child.sortName.includes(folded) && !byNumber?.has(child.pk)) {
      // sort_name is "family given"; "given family" typed as one phrase should find them too.
      const words = folded.split(/\s+/);
      if (!words.every((w) => child.sortName.includes(w))) continue;
    }
    const items = query.seriesId ? child.items.filter((i) => i.seriesId === query.seriesId) : child.items;
    const status = worstStatus(items);
    if (status === null) continue;
    counts[status] += 1;
    const wanted =
      query.status === 'due-or-overdue' ? status === 'due' || status === 'overdue' : status === query.status;
    if (wanted) matches.push({ ...child, items, status });
  }
  matches.sort(byUrgency);
  return { children: all.length, counts, villages: [...villages].filter((v) => v !== '').sort(), matches };
}

function mostLate(items: readonly DueItem[]): number {
  return items.reduce((max, i) => Math.max(max, i.daysSinceDue), -Infinity);
}

function byUrgency(a: ChildDue & { status: DueStatus }, b: ChildDue & { status: DueStatus }): number {
  return (
    URGENCY[a.status] - URGENCY[b.status] ||
    mostLate(b.items) - mostLate(a.items) ||
    (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0)
  );
}

/** Patients whose record may be a child's but whose birth date is missing or only partly known. */
export function countWithoutBirthDate(sqlite: Sqlite, today: string): number {
  const year = Number(today.slice(0, 4)) - DUE_MAX_AGE_MONTHS / 12;
  const row = stmt(
    sqlite,
    `SELECT count(*) AS n FROM patient_index
     WHERE (birth_date IS NULL OR length(birth_date) <> 10) AND (birth_year IS NULL OR birth_year >= ?)`,
  ).get(year) as { n: number };
  return row.n;
}
