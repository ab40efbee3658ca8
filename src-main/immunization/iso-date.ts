/**
 * Calendar arithmetic on ISO local dates ('YYYY-MM-DD'). Vaccination ages are calendar ages, so
 * everything works on whole days in UTC, where no daylight-saving shift can move a date.
 */
import type { Span } from './schedule-model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function parts(iso: string): [number, number, number] {
  return iso.split('-').map(Number) as [number, number, number];
}

function format(date: Date): string {
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function dayNumber(iso: string): number {
  const [y, m, d] = parts(iso);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function addDays(iso: string, days: number): string {
  return format(new Date((dayNumber(iso) + days) * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Adds months on the calendar; a day that does not exist in the target month is clamped to its
 * last day, so a child born on 29 February is one year old on 28 February of a common year.
 */
function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

export function addSpan(iso: string, span: Span): string {
  switch (span.unit) {
    case 'd':
      return addDays(iso, span.value);
    case 'wk':
      return addDays(iso, span.value * 7);
    case 'mo':
      return addMonths(iso, span.value);
    case 'a':
      return addMonths(iso, span.value * 12);
  }
}

export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}
