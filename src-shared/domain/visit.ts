/** Visits (FHIR Encounter) and the vital signs recorded in them (FHIR Observation). */
import { z } from 'zod';

const id = z.string().min(1).max(64);

/** FHIR R4 Encounter statuses a visit moves through here: checked in, being seen, done. */
export const VISIT_STATUSES = ['arrived', 'in-progress', 'finished'] as const;
export const visitStatusSchema = z.enum(VISIT_STATUSES);
export type VisitStatus = z.infer<typeof visitStatusSchema>;

export const VISIT_TYPES = [
  'Sick visit',
  'Child welfare and growth monitoring',
  'Immunization',
  'Antenatal care',
  'Follow-up',
  'Other',
] as const;

export const VISIT_TYPE_MAX = 100;
export const VISIT_REASON_MAX = 200;

export const visitStartSchema = z.object({
  patientId: id,
  type: z.string().max(VISIT_TYPE_MAX),
  reason: z.string().max(VISIT_REASON_MAX),
});
export type VisitStart = z.infer<typeof visitStartSchema>;

/** Measurements typed as text: the core reads the number, so "37,5" and "37.5" both work. */
const typed = z.string().max(20);
export const measuredSchema = z.object({ value: typed, unit: z.string().max(10) }).strict();

/** Single-value measurements a visit form offers; blood pressure is the systolic/diastolic pair. */
export const VITAL_KINDS = [
  'weight',
  'height',
  'length',
  'muac',
  'temperature',
  'pulse',
  'respiratory-rate',
  'spo2',
] as const;
export type VitalKind = (typeof VITAL_KINDS)[number];

export const vitalsEntrySchema = z
  .object({
    weight: measuredSchema.optional(),
    height: measuredSchema.optional(),
    length: measuredSchema.optional(),
    muac: measuredSchema.optional(),
    temperature: measuredSchema.optional(),
    pulse: measuredSchema.optional(),
    'respiratory-rate': measuredSchema.optional(),
    spo2: measuredSchema.optional(),
    bloodPressure: z.object({ systolic: typed, diastolic: typed }).strict().optional(),
  })
  .strict();
export type VitalsEntry = z.infer<typeof vitalsEntrySchema>;

export const recordedVitalSchema = z.object({
  id: z.string(),
  /** A measurement kind, or 'blood-pressure' for the panel. */
  kind: z.string(),
  label: z.string(),
  /** As people read it: "37.2 °C", "120/80 mmHg". */
  value: z.string(),
  /** Why the value is worrying, or null. */
  flag: z.string().nullable(),
  at: z.string(),
});
export type RecordedVital = z.infer<typeof recordedVitalSchema>;

export const visitSchema = z.object({
  id: z.string(),
  rev: z.number().int(),
  patientId: z.string(),
  patientName: z.string(),
  clinicNumber: z.string(),
  status: visitStatusSchema,
  type: z.string(),
  reason: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  vitals: z.array(recordedVitalSchema),
});
export type Visit = z.infer<typeof visitSchema>;

export const recordVitalsResultSchema = z.object({
  visit: visitSchema,
  /** The values saved but worrying, by field, with the reason in words. */
  flagged: z.array(z.object({ field: z.string(), reason: z.string() })),
});
export type RecordVitalsResult = z.infer<typeof recordVitalsResultSchema>;

export const VISIT_LIST_MAX = 200;
