import { z } from 'zod';

/** Bounds keep a runaway or hostile caller from storing megabytes in a name field. */
export const NAME_MAX = 100;
const text = (max: number) => z.string().max(max, `Must be at most ${max} characters.`);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2024-03-31.');

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const sexSchema = z.enum(SEXES);
export type Sex = z.infer<typeof sexSchema>;

export const GUARDIAN_RELATIONSHIPS = ['mother', 'father', 'guardian', 'other'] as const;
export const guardianRelationshipSchema = z.enum(GUARDIAN_RELATIONSHIPS);
export type GuardianRelationship = z.infer<typeof guardianRelationshipSchema>;

/**
 * Birth is either a known date or an age estimated by the nurse ("about 30 years old");
 * the core turns an estimate into a birth date flagged as estimated.
 */
export const birthSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('exact'), date: isoDate }),
  z.object({
    kind: z.literal('estimated'),
    years: z.number().int().min(0).max(130),
    months: z.number().int().min(0).max(11),
  }),
]);
export type Birth = z.infer<typeof birthSchema>;

export const guardianSchema = z.object({
  name: text(NAME_MAX * 2),
  relationship: guardianRelationshipSchema,
  phone: text(40),
});
export type Guardian = z.infer<typeof guardianSchema>;

/**
 * What the registration and edit form sends. Structural checks live here (types, lengths);
 * the meaning checks (required fields, plausible dates, phone format) run in the core so they
 * apply to every caller, and come back as per-field messages.
 */
export const patientDraftSchema = z.object({
  /** Given names, space separated: "Amina Wanjiru". Any script. */
  given: text(NAME_MAX * 2),
  family: text(NAME_MAX),
  sex: sexSchema,
  birth: birthSchema,
  nationalId: text(40),
  phone: text(40),
  village: text(NAME_MAX),
  /** Street, compound or landmark. */
  addressLine: text(200),
  /** Required for children; empty name means none. */
  guardian: guardianSchema,
});
export type PatientDraft = z.infer<typeof patientDraftSchema>;

export const patientSummarySchema = z.object({
  id: z.string(),
  clinicNumber: z.string(),
  nationalId: z.string().nullable(),
  given: z.string(),
  family: z.string(),
  displayName: z.string(),
  sex: sexSchema,
  birthDate: z.string().nullable(),
  birthDateEstimated: z.boolean(),
  phone: z.string().nullable(),
  village: z.string().nullable(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** Another record of the same person (FHIR Patient.link), as the patient page names it. */
export const linkedPatientSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  clinicNumber: z.string(),
  /** FHIR link type: Kliniki writes 'seealso'; records from the iCDR may carry others. */
  type: z.string(),
  /** False when the other record is not on this laptop (yet). */
  present: z.boolean(),
});
export type LinkedPatient = z.infer<typeof linkedPatientSchema>;

export const patientRecordSchema = z.object({
  summary: patientSummarySchema,
  /** The form model for editing, derived from the stored FHIR Patient. */
  draft: patientDraftSchema,
  guardian: guardianSchema.nullable(),
  addressLine: z.string().nullable(),
  /** Local revision: an edit must name the revision it started from. */
  rev: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  /** Local changes to this record not yet acknowledged by the iCDR. */
  pendingChanges: z.number().int(),
  /** Other records marked as the same person. */
  links: z.array(linkedPatientSchema),
});
export type PatientRecord = z.infer<typeof patientRecordSchema>;

export const PATIENT_PAGE_MAX = 100;

export const patientQuerySchema = z.object({
  /** Free text: names, clinic number, national ID or phone, any mix. */
  text: text(200).default(''),
  birthYear: z.number().int().min(1800).max(2200).nullable().default(null),
  sex: sexSchema.nullable().default(null),
  offset: z.number().int().min(0).max(100_000).default(0),
  limit: z.number().int().min(1).max(PATIENT_PAGE_MAX).default(20),
});
export type PatientQuery = z.input<typeof patientQuerySchema>;

export const patientSearchResultSchema = z.object({
  items: z.array(patientSummarySchema),
  hasMore: z.boolean(),
});
export type PatientSearchResult = z.infer<typeof patientSearchResultSchema>;

export const DUPLICATE_LEVELS = ['likely', 'possible'] as const;
export const duplicateCandidateSchema = z.object({
  summary: patientSummarySchema,
  score: z.number(),
  level: z.enum(DUPLICATE_LEVELS),
  /** Why this record matched, in words: "Same national ID", "Born the same day". */
  reasons: z.array(z.string()),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
