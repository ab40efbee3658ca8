/**
 * Coverage is the one costly part of the overview (every child evaluated against the schedule),
 * and most changes in a clinic day do not touch it: a visit started, vitals recorded. It is kept
 * until a Patient or an Immunization is written or removed, the schedule changes, or the day turns.
 */
import type { Coverage } from '../../src-shared/domain/overview';
import type { ImmunizationSchedule } from '../immunization/schedule-model';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { clinicCoverage } from './coverage';

/**
 * Every write stamps updated_at (a deletion pulled by sync too) and the (type, updated_at) index
 * answers each max() with one seek; the two index counts catch a child or a dose added or removed
 * in the same millisecond as the last write. A new visit or measurement changes none of them.
 * What remains unseen is an edit of an existing record within that same millisecond: the next
 * write of a Patient or Immunization shows it.
 */
function changeKey(sqlite: Sqlite): string {
  const row = stmt(
    sqlite,
    `SELECT (SELECT max(updated_at) FROM resources WHERE type = 'Patient') AS patients,
            (SELECT max(updated_at) FROM resources WHERE type = 'Immunization') AS doses,
            (SELECT count(*) FROM patient_index) AS children,
            (SELECT count(*) FROM immunization_index) AS given`,
  ).get() as { patients: string | null; doses: string | null; children: number; given: number };
  return `${row.patients ?? ''}|${row.doses ?? ''}|${row.children}|${row.given}`;
}

export class CoverageCache {
  private last: { key: string; today: string; schedule: ImmunizationSchedule; value: Coverage } | null = null;

  get(sqlite: Sqlite, schedule: ImmunizationSchedule, today: string): Coverage {
    const key = changeKey(sqlite);
    const last = this.last;
    // The schedule source hands out the same object until a definition changes.
    if (last && last.key === key && last.today === today && last.schedule === schedule) return last.value;
    const value = clinicCoverage(sqlite, schedule, today);
    this.last = { key, today, schedule, value };
    return value;
  }
}
