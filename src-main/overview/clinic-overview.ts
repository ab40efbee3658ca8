/** The clinic overview, computed from the dCDR on this laptop: no network, no stored totals. */
import { OVERVIEW_DAYS, type ClinicOverview } from '../../src-shared/domain/overview';
import type { ActiveSchedule } from '../immunization/active-schedule';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import type { CoverageCache } from './coverage-cache';
import { localDate, localMonth } from './local-days';
import { vaccinationsOfMonth } from './vaccination-counts';
import { visitsPerDay } from './visit-counts';

export function clinicOverview(
  sqlite: Sqlite,
  active: ActiveSchedule,
  now: Date,
  coverageCache: CoverageCache,
  month: string = localMonth(now),
): ClinicOverview {
  const today = localDate(now);
  // One read transaction: the numbers on the screen come from the same moment of the database.
  return sqlite.transaction(() => {
    const days = visitsPerDay(sqlite, now, OVERVIEW_DAYS);
    const coverage = coverageCache.get(sqlite, active.schedule, today);
    // patient_index has exactly one row per Patient on this laptop (a deletion removes it).
    const patients = (stmt(sqlite, 'SELECT count(*) AS n FROM patient_index').get() as { n: number }).n;
    return {
      today,
      generatedAt: now.toISOString(),
      headline: {
        patients,
        visitsToday: days.at(-1)?.count ?? 0,
        visitsLast30Days: days.reduce((sum, d) => sum + d.count, 0),
        childrenUnder5: coverage.children,
      },
      visitsPerDay: days,
      vaccinations: vaccinationsOfMonth(sqlite, active.schedule, month),
      coverage,
      scheduleSource: active.source,
    };
  })();
}
