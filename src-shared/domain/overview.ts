/** The clinic overview: visits per day, vaccinations by antigen, coverage of the due list. */
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const count = z.number().int().min(0);

/** How many days the visits chart shows, today included. */
export const OVERVIEW_DAYS = 30;

export const overviewInputSchema = z
  .object({
    /** The month whose vaccinations are counted, 'YYYY-MM'; the laptop's current month if left out. */
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
  })
  .strict();
export type OverviewInput = z.infer<typeof overviewInputSchema>;

export const dayCountSchema = z.object({ date: isoDate, count });
export type DayCount = z.infer<typeof dayCountSchema>;

export const seriesCountSchema = z.object({
  /** The schedule series, or null for vaccines the schedule does not list ("other vaccines"). */
  seriesId: z.string().nullable(),
  /** The series' title as the schedule in force names it; empty for other vaccines. */
  title: z.string(),
  given: count,
  notGiven: count,
});
export type SeriesCount = z.infer<typeof seriesCountSchema>;

export const vaccinationMonthSchema = z.object({
  /** 'YYYY-MM' */
  month: z.string(),
  /** Doses given (status completed): each Immunization once, whatever series it counts for. */
  given: count,
  /** Doses recorded as not given (status not-done). */
  notGiven: count,
  /** Per series of the schedule in force, in the schedule's order, then other vaccines. */
  bySeries: z.array(seriesCountSchema),
  /** Why doses were not given, most frequent first; '' when no reason was written. */
  notGivenReasons: z.array(z.object({ reason: z.string(), count })),
});
export type VaccinationMonth = z.infer<typeof vaccinationMonthSchema>;

export const coverageSchema = z.object({
  /** Children 0–59 months registered here. */
  children: count,
  upToDate: count,
  due: count,
  overdue: count,
});
export type Coverage = z.infer<typeof coverageSchema>;

export const clinicOverviewSchema = z.object({
  /** The laptop's own date when the overview was computed. */
  today: isoDate,
  generatedAt: z.string(),
  headline: z.object({
    patients: count,
    visitsToday: count,
    visitsLast30Days: count,
    childrenUnder5: count,
  }),
  /** Oldest first, one entry per local day, days without visits included. */
  visitsPerDay: z.array(dayCountSchema),
  vaccinations: vaccinationMonthSchema,
  coverage: coverageSchema,
  /** Whose schedule the antigens and coverage follow. */
  scheduleSource: z.enum(['central', 'default']),
});
export type ClinicOverview = z.infer<typeof clinicOverviewSchema>;
