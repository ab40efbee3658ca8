/** Axis arithmetic and labels shared by the overview's hand-written SVG charts. */
import { intlLocale } from '../../lib/i18n.svelte';

/** Round tick values from 0 to at least `max` (about `wanted` steps of 1, 2 or 5 × 10ⁿ). */
export function niceTicks(max: number, wanted = 4): number[] {
  if (max <= 0) return [0, 1];
  const raw = max / wanted;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) ticks.push(v);
  return ticks;
}

/** A calendar date ('YYYY-MM-DD') as UTC so that no time-zone offset can move it a day. */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function dayOfMonth(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', timeZone: 'UTC' }).format(utcDate(iso));
}

/** "Mar", "mars", "Mac": the month under the first bar of each month. */
export function shortMonth(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: 'short', timeZone: 'UTC' }).format(utcDate(iso));
}

/** "Tuesday 10 March" for tables and screen readers. */
export function longDay(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(utcDate(iso));
}

/** "March 2026", "mars 2026" for a 'YYYY-MM' month. */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    utcDate(`${month}-01`),
  );
}

/** "60 %" the language's way; a share of nothing is 0. */
export function percent(part: number, whole: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    whole > 0 ? part / whole : 0,
  );
}

/** The `count` months up to and including `month`, newest first, as 'YYYY-MM'. */
export function recentMonths(month: string, count: number): string[] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, back) => {
    const at = new Date(Date.UTC(y, m - 1 - back, 1));
    return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
