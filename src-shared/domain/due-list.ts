/** The clinic due list: which children are due or overdue for which vaccine, and missed follow-ups. */
import { z } from 'zod';

const id = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** overdue: past the overdue date; due: due now, not yet overdue; upcoming: due within N days. */
export const DUE_STATUSES = ['overdue', 'due', 'upcoming'] as const;
export const dueStatusSchema = z.enum(DUE_STATUSES);
export type DueStatus = z.infer<typeof dueStatusSchema>;

/** Which children to show: 'due-or-overdue' is the morning list. */
export const DUE_FILTERS = ['due-or-overdue', 'overdue', 'due', 'upcoming'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

export const DUE_PAGE_MAX = 200;
/** The schedule covers children up to 59 months; older children are not on the due list. */
export const DUE_MAX_AGE_MONTHS = 60;

export const dueQuerySchema = z
  .object({
    status: z.enum(DUE_FILTERS).default('due-or-overdue'),
    /** How far ahead "upcoming" looks, in days. */
    upcomingDays: z.number().int().min(1).max(90).default(14),
    seriesId: id.optional(),
    minAgeMonths: z.number().int().min(0).max(DUE_MAX_AGE_MONTHS).optional(),
    maxAgeMonths: z.number().int().min(0).max(DUE_MAX_AGE_MONTHS).optional(),
    village: z.string().max(100).optional(),
    /** Part of the child's name or clinic number. */
    text: z.string().max(100).optional(),
    offset: z.number().int().min(0).max(1_000_000).default(0),
    limit: z.number().int().min(1).max(DUE_PAGE_MAX).default(50),
  })
  .strict();
export type DueQuery = z.input<typeof dueQuerySchema>;
export type ParsedDueQuery = z.output<typeof dueQuerySchema>;

export const dueItemSchema = z.object({
  seriesId: z.string(),
  seriesTitle: z.string(),
  doseNumber: z.number(),
  doseTitle: z.string(),
  status: dueStatusSchema,
  dueDate: isoDate,
  overdueDate: isoDate,
  /** Days since the due date (0 on the day; negative while upcoming). */
  daysSinceDue: z.number(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const dueRowSchema = z.object({
  patientId: id,
  name: z.string(),
  clinicNumber: z.string(),
  birthDate: isoDate,
  ageMonths: z.number(),
  ageDays: z.number(),
  guardianName: z.string().nullable(),
  phone: z.string().nullable(),
  village: z.string().nullable(),
  /** The most urgent status among the items. */
  status: dueStatusSchema,
  items: z.array(dueItemSchema),
});
export type DueRow = z.infer<typeof dueRowSchema>;

export const dueCountsSchema = z.object({ overdue: z.number(), due: z.number(), upcoming: z.number() });
export type DueCounts = z.infer<typeof dueCountsSchema>;

export const missedFollowUpSchema = z.object({
  appointmentId: id,
  patientId: id,
  name: z.string(),
  clinicNumber: z.string(),
  phone: z.string().nullable(),
  village: z.string().nullable(),
  date: isoDate,
  daysMissed: z.number(),
});
export type MissedFollowUp = z.infer<typeof missedFollowUpSchema>;

export const dueListSchema = z.object({
  today: isoDate,
  /** Children of schedule age (0–59 months) on this laptop. */
  children: z.number(),
  /** Per status, with every filter but the status applied: the numbers on the status choices. */
  counts: dueCountsSchema,
  /** Children matching every filter; `rows` is the requested page of them. */
  total: z.number(),
  rows: z.array(dueRowSchema),
  /**
   * Patients who may be children but have no full birth date, so what they are due for cannot be
   * worked out; they are counted, not listed.
   */
  withoutBirthDate: z.number(),
  series: z.array(z.object({ id: z.string(), title: z.string() })),
  villages: z.array(z.string()),
  missedFollowUps: z.array(missedFollowUpSchema),
  missedFollowUpsTotal: z.number(),
});
export type DueList = z.infer<typeof dueListSchema>;

export const followUpSchema = z.object({
  appointmentId: id,
  date: isoDate,
  status: z.string(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const setFollowUpSchema = z
  .object({
    visitId: id,
    /** The day to come back, or null to cancel the follow-up. */
    date: isoDate.nullable(),
  })
  .strict();
export type SetFollowUp = z.infer<typeof setFollowUpSchema>;
