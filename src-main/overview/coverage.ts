/**
 * Coverage of the due list: of the children 0–59 months registered here, how many are up to
 * date, have a dose due, or have one overdue. A child counts once, by their most urgent series.
 * The due list's own summary is used, so the overview and the due list never disagree.
 */
import type { Coverage } from '../../src-shared/domain/overview';
import { summarizeClinicDue } from '../immunization/clinic-due';
import type { ImmunizationSchedule } from '../immunization/schedule-model';
import type { Sqlite } from '../store/client';

export function clinicCoverage(sqlite: Sqlite, schedule: ImmunizationSchedule, today: string): Coverage {
  const { children, upToDate, due, overdue } = summarizeClinicDue(sqlite, schedule, today);
  return { children, upToDate, due, overdue };
}
