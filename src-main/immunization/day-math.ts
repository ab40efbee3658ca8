/**
 * The calendar arithmetic of iso-date.ts without Date objects, for the clinic due list, which
 * does it millions of times a morning. Same results (test/unit/due/day-math.test.ts checks them
 * against iso-date.ts): days since 1970-01-01 by Hinnant's civil-date algorithm, months added on
 * the calendar with the day clamped to the end of a shorter month.
 */
import { isIsoDate } from './iso-date';
import type { Span } from './schedule-model';

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatCivil(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

function civilFromDays(z: number): string {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return formatCivil(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

function digit(iso: string, at: number): number {
  return iso.charCodeAt(at) - 48;
}

export function ymd(iso: string): [number, number, number] {
  return [
    digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3),
    digit(iso, 5) * 10 + digit(iso, 6),
    digit(iso, 8) * 10 + digit(iso, 9),
  ];
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function dayOf(iso: string): number {
  const [y, m, d] = ymd(iso);
  return daysFromCivil(y, m, d);
}

export function plusDays(iso: string, days: number): string {
  return civilFromDays(dayOf(iso) + days);
}

function plusMonths(iso: string, months: number): string {
  const [y, m, d] = ymd(iso);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return formatCivil(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

export function plusSpan(iso: string, span: Span): string {
  switch (span.unit) {
    case 'd':
      return plusDays(iso, span.value);
    case 'wk':
      return plusDays(iso, span.value * 7);
    case 'mo':
      return plusMonths(iso, span.value);
    case 'a':
      return plusMonths(iso, span.value * 12);
  }
}

const remembered = new Map<string, Map<Span, string>>();

/**
 * plusSpan remembered per date and schedule span (ages from birth dates, intervals from dose dates):
 * thousands of children share a few hundred birth and dose dates and the schedule's few dozen ages.
 */
export function plusSpanRemembered(from: string, span: Span): string {
  let spans = remembered.get(from);
  if (!spans) {
    if (remembered.size > 20_000) remembered.clear();
    spans = new Map();
    remembered.set(from, spans);
  }
  let date = spans.get(span);
  if (date === undefined) {
    date = plusSpan(from, span);
    spans.set(span, date);
  }
  return date;
}

const validity = new Map<string, boolean>();

/** isIsoDate, remembered: dose dates repeat across thousands of children. */
export function isValidDay(value: string): boolean {
  let known = validity.get(value);
  if (known === undefined) {
    known = isIsoDate(value);
    if (validity.size > 100_000) validity.clear();
    validity.set(value, known);
  }
  return known;
}
