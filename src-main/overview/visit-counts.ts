/**
 * Visits (FHIR Encounter) per local day over the last days. Read with json_extract in SQL, so
 * only two short strings per Encounter reach JavaScript, never the whole JSON.
 */
import type { DayCount } from '../../src-shared/domain/overview';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { addDays } from '../immunization/iso-date';
import { lastLocalDays, localDayOf } from './local-days';

/** A visit that was booked but never happened, or was recorded by mistake, is not a visit. */
const NOT_A_VISIT = new Set(['planned', 'cancelled', 'entered-in-error']);

export const VISITS_SQL = `
  SELECT json_extract(json, '$.period.start') AS start, json_extract(json, '$.status') AS status
  FROM resources INDEXED BY resources_encounter_start
  WHERE type = 'Encounter' AND json_extract(json, '$.period.start') >= ? AND deleted = 0`;

export function visitsPerDay(sqlite: Sqlite, now: Date, days: number): DayCount[] {
  const window = lastLocalDays(now, days);
  const first = window.dates[0]!;
  // A range seek on the partial index of Encounter start dates (migration 0003; named, because
  // without statistics SQLite prefers the equality on type and reads every Encounter): old visits are
  // never read, however recently they were written (a first sync writes them all at once). The
  // stored text's own date may be a day off the local one (a zone offset): compare loosely here.
  const rows = stmt(sqlite, VISITS_SQL).all(addDays(first, -1)) as {
    start: unknown;
    status: unknown;
  }[];
  const counts = new Map(window.dates.map((d) => [d, 0]));
  for (const row of rows) {
    if (typeof row.status === 'string' && NOT_A_VISIT.has(row.status)) continue;
    const day = localDayOf(row.start);
    if (day === null) continue;
    const n = counts.get(day);
    if (n !== undefined) counts.set(day, n + 1);
  }
  return window.dates.map((date) => ({ date, count: counts.get(date)! }));
}
