/**
 * Days and months as the clinic lives them: in the time zone the laptop is set to. A visit at
 * 00:30 belongs to the day it happened on the clinic's clock, not to the UTC day before, and a
 * day is not always 24 hours long where clocks change, so boundaries come from the calendar.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 'YYYY-MM-DD' of an instant on the laptop's clock. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** Local midnight starting the given 'YYYY-MM-DD'. */
export function startOfLocalDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 0, 0, 0, 0);
}

/** The `count` local days ending with the day of `now`, oldest first, and where each begins. */
export function lastLocalDays(now: Date, count: number): { dates: string[]; starts: number[]; end: number } {
  const dates: string[] = [];
  const starts: number[] = [];
  for (let back = count - 1; back >= 0; back--) {
    // Built from the calendar (day - back), so a daylight-saving change never skips or repeats a day.
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 0, 0, 0, 0);
    dates.push(localDate(start));
    starts.push(start.getTime());
  }
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 0, 0).getTime();
  return { dates, starts, end };
}

/** 'YYYY-MM' of `now` on the laptop's clock. */
export function localMonth(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

/** First and last 'YYYY-MM-DD' of a 'YYYY-MM' month, and the instant the month starts. */
export function monthBounds(month: string): { first: string; last: string; start: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const lastDay = new Date(y, m, 0).getDate();
  return { first: `${month}-01`, last: `${month}-${pad(lastDay)}`, start: new Date(y, m - 1, 1, 0, 0, 0, 0) };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The local day of a FHIR date or dateTime: a bare date is already the clinic's day; a time with
 * a zone is an instant, placed on the laptop's calendar. A time without a zone (not valid FHIR,
 * but written by some systems) is read as the laptop's own time. Null when it is not a date.
 */
export function localDayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (DATE_ONLY.test(value)) return value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  // Date.parse reads a date-time without an offset as local time, which is what is wanted here.
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return null;
  return localDate(new Date(ms));
}
