/** Immunizations (FHIR Immunization) and a patient's vaccinations measured against the schedule. */
import { z } from 'zod';

const id = z.string().min(1).max(64);

/** Why a due vaccine was not given: HL7 v3 ActReason codes a clinic meets every day. */
export const NOT_GIVEN_REASONS = ['OSTOCK', 'MEDPREC', 'PATOBJ', 'IMMUNE'] as const;
export type NotGivenReason = (typeof NOT_GIVEN_REASONS)[number];

/** Where an injection went: HL7 v3 ActSite codes for the arms and thighs. */
export const INJECTION_SITES = ['LA', 'RA', 'LT', 'RT'] as const;
export type InjectionSite = (typeof INJECTION_SITES)[number];

/** How the vaccine was given: HL7 v3 RouteOfAdministration. */
export const ROUTES = ['PO', 'IDINJ', 'IM', 'SQ'] as const;
export type Route = (typeof ROUTES)[number];

export const LOT_NUMBER_MAX = 20;
export const NOTE_MAX = 200;
export const DOSES_PER_SAVE_MAX = 20;

/** One dose in a save: given today (or on the date typed), or due and not given with a reason. */
export const doseEntrySchema = z
  .object({
    seriesId: z.string().max(64),
    outcome: z.enum(['given', 'not-given']),
    /** YYYY-MM-DD; today when empty. */
    date: z.string().max(10).optional(),
    /** One of the series' vaccine codes (system|code); the series' first when absent. */
    vaccine: z.string().max(200).optional(),
    lotNumber: z.string().max(100).optional(),
    site: z.enum(INJECTION_SITES).or(z.literal('')).optional(),
    route: z.enum(ROUTES).or(z.literal('')).optional(),
    reason: z.enum(NOT_GIVEN_REASONS).or(z.literal('')).optional(),
    /** Words beside the coded reason ("mother will come back on Friday"). */
    note: z.string().max(500).optional(),
    /** True for a dose copied from the child's card: given elsewhere, not witnessed here. */
    fromRecord: z.boolean().optional(),
    /** Who gave a dose copied from a card, or where, as written on it. */
    givenElsewhereBy: z.string().max(200).optional(),
  })
  .strict();
export type DoseEntry = z.infer<typeof doseEntrySchema>;

export const recordImmunizationsSchema = z
  .object({
    patientId: id,
    /** The visit the doses were given in (Immunization.encounter). */
    visitId: id.optional(),
    doses: z.array(doseEntrySchema).min(1).max(DOSES_PER_SAVE_MAX),
  })
  .strict();
export type RecordImmunizations = z.infer<typeof recordImmunizationsSchema>;

export const markEnteredInErrorSchema = z.object({ id, reason: z.string().max(500) }).strict();

const spanSchema = z.object({ value: z.number(), unit: z.enum(['d', 'wk', 'mo', 'a']) });
export type AgeSpan = z.infer<typeof spanSchema>;

/** One Immunization of the patient, as the history lists it. */
export const immunizationEntrySchema = z.object({
  id: z.string(),
  status: z.enum(['completed', 'not-done', 'entered-in-error']),
  /** The series its vaccine belongs to in the schedule in force, or null. */
  seriesId: z.string().nullable(),
  /** The vaccine in words: the series title or the record's own text. */
  vaccine: z.string(),
  date: z.string(),
  /** The schedule dose it counted as ("OPV 1"), or null. */
  countedAs: z.string().nullable(),
  /** Why this dose does not count, in words, or null. */
  problem: z.string().nullable(),
  lotNumber: z.string().nullable(),
  site: z.string().nullable(),
  route: z.string().nullable(),
  givenBy: z.string().nullable(),
  /** False: copied from a card or another record, not given here. */
  primarySource: z.boolean(),
  visitId: z.string().nullable(),
  /** A not-given reason code (NOT_GIVEN_REASONS) or null. */
  reasonCode: z.string().nullable(),
  /** Words: the reason's text, or why a record was marked entered in error. */
  reasonText: z.string().nullable(),
});
export type ImmunizationEntry = z.infer<typeof immunizationEntrySchema>;

export const seriesStatusSchema = z.enum(['upcoming', 'due', 'overdue', 'complete', 'too-late']);
export type SeriesStatusName = z.infer<typeof seriesStatusSchema>;

export const seriesDueViewSchema = z.object({
  seriesId: z.string(),
  title: z.string(),
  status: seriesStatusSchema,
  dosesCounted: z.number(),
  dosesInSeries: z.number(),
  doses: z.array(
    z.object({
      immunizationId: z.string().nullable(),
      date: z.string(),
      countedAs: z.string().nullable(),
      problem: z.string().nullable(),
    }),
  ),
  notGiven: z.array(
    z.object({ immunizationId: z.string().nullable(), date: z.string(), reason: z.string().nullable() }),
  ),
  missed: z.array(z.string()),
  next: z
    .object({
      doseNumber: z.number(),
      title: z.string(),
      earliestDate: z.string(),
      dueDate: z.string(),
      overdueDate: z.string(),
      latestDate: z.string().nullable(),
    })
    .nullable(),
  note: z.string().nullable(),
  /** How this vaccine is usually given, to preselect in the form. */
  route: z.enum(ROUTES),
});
export type SeriesDueView = z.infer<typeof seriesDueViewSchema>;

export const scheduleSourceSchema = z.object({
  source: z.enum(['central', 'default']),
  versions: z.array(z.string()),
});

export const patientImmunizationsSchema = z.object({
  patientId: z.string(),
  /** The laptop's date the due computation used. */
  today: z.string(),
  birthDate: z.string().nullable(),
  /** Whether the schedule was applied: not without a full birth date, nor from 5 years of age. */
  scheduleState: z.enum(['computed', 'no-birth-date', 'beyond-age', 'invalid-birth-date']),
  /** Why the schedule could not be applied to this patient, in words, or null. */
  scheduleMessage: z.string().nullable(),
  series: z.array(seriesDueViewSchema),
  /** Newest first. */
  history: z.array(immunizationEntrySchema),
  schedule: scheduleSourceSchema,
});
export type PatientImmunizations = z.infer<typeof patientImmunizationsSchema>;

export const recordImmunizationsResultSchema = z.object({
  saved: z.array(immunizationEntrySchema),
  patient: patientImmunizationsSchema,
});
export type RecordImmunizationsResult = z.infer<typeof recordImmunizationsResultSchema>;

export const scheduleStatusSchema = scheduleSourceSchema.extend({
  series: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      version: z.string().nullable(),
      doses: z.array(z.object({ title: z.string(), recommendedAge: spanSchema })),
    }),
  ),
  problems: z.array(z.object({ where: z.string(), message: z.string() })),
});
export type ScheduleStatus = z.infer<typeof scheduleStatusSchema>;
