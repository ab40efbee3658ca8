/**
 * Vaccinations of one month by antigen series of the schedule in force. A dose counts for every
 * series one of its codings belongs to (a combined vaccine is a dose of each); a code no series
 * lists is an "other vaccine". Doses given and doses recorded as not given are kept apart.
 */
import type { SeriesCount, VaccinationMonth } from '../../src-shared/domain/overview';
import type { ImmunizationSchedule } from '../immunization/schedule-model';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { addDays } from '../immunization/iso-date';
import { localDayOf, monthBounds } from './local-days';

export const DOSES_SQL = `
  SELECT json_extract(json, '$.status') AS status,
         json_extract(json, '$.occurrenceDateTime') AS at,
         json_extract(json, '$.vaccineCode.coding') AS codings,
         coalesce(json_extract(json, '$.statusReason.text'), json_extract(json, '$.statusReason.coding[0].display'),
                  json_extract(json, '$.statusReason.coding[0].code')) AS reason
  FROM resources INDEXED BY resources_immunization_occurrence
  WHERE type = 'Immunization' AND json_extract(json, '$.occurrenceDateTime') >= ?
    AND json_extract(json, '$.occurrenceDateTime') < ? AND deleted = 0`;

interface DoseRow {
  status: unknown;
  at: unknown;
  codings: unknown;
  reason: unknown;
}

function codeKeys(codings: unknown): string[] {
  if (typeof codings !== 'string') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(codings);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((c: { system?: unknown; code?: unknown } | null) =>
    typeof c?.system === 'string' && typeof c.code === 'string' ? [`${c.system}|${c.code}`] : [],
  );
}

export function vaccinationsOfMonth(sqlite: Sqlite, schedule: ImmunizationSchedule, month: string): VaccinationMonth {
  const { first, last } = monthBounds(month);
  const seriesByCode = new Map<string, number[]>();
  schedule.series.forEach((series, index) => {
    for (const c of series.vaccineCodes) {
      const key = `${c.system}|${c.code}`;
      seriesByCode.set(key, [...(seriesByCode.get(key) ?? []), index]);
    }
  });
  const bySeries: SeriesCount[] = schedule.series.map((s) => ({
    seriesId: s.id,
    title: s.title,
    given: 0,
    notGiven: 0,
  }));
  const other: SeriesCount = { seriesId: null, title: '', given: 0, notGiven: 0 };
  const reasons = new Map<string, number>();
  let given = 0;
  let notGiven = 0;

  // A range seek on the partial index of Immunization dates (migration 0003, named as for
  // visits), with loose text
  // bounds a day either side; the exact local day is decided below.
  const rows = stmt(sqlite, DOSES_SQL).all(addDays(first, -1), addDays(last, 2)) as DoseRow[];
  for (const row of rows) {
    if (row.status !== 'completed' && row.status !== 'not-done') continue;
    const day = localDayOf(row.at);
    if (day === null || day < first || day > last) continue;
    const done = row.status === 'completed';
    const matched = new Set(codeKeys(row.codings).flatMap((key) => seriesByCode.get(key) ?? []));
    const targets = matched.size > 0 ? [...matched].map((i) => bySeries[i]!) : [other];
    for (const target of targets) {
      if (done) target.given += 1;
      else target.notGiven += 1;
    }
    if (done) {
      given += 1;
    } else {
      notGiven += 1;
      const reason = typeof row.reason === 'string' ? row.reason.trim() : '';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  if (other.given + other.notGiven > 0) bySeries.push(other);
  const notGivenReasons = [...reasons]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { month, given, notGiven, bySeries, notGivenReasons };
}
