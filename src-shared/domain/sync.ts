import { z } from 'zod';

const url = z
  .string()
  .max(500)
  .refine(
    (v) => v === '' || /^https?:\/\/[^\s]+$/.test(v),
    'Enter an address starting with https:// (or http:// on a local network).',
  );

export const subscriptionSchema = z.object({
  resourceType: z.string().regex(/^[A-Z][A-Za-z]{1,63}$/, 'Use a FHIR resource type such as Patient.'),
  /** FHIR search parameters, e.g. `address-city=Kasangati`; empty means every resource of the type. */
  query: z.string().max(500),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const syncSettingsSchema = z.object({
  baseUrl: url,
  tokenUrl: url,
  clientId: z.string().max(200),
  /** Whether a device secret is stored; the secret itself never goes back to the UI. */
  hasSecret: z.boolean(),
  subscriptions: z.array(subscriptionSchema).max(50),
  intervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
});
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const syncSettingsInputSchema = syncSettingsSchema.omit({ hasSecret: true }).extend({
  /** Empty keeps the stored secret. */
  clientSecret: z.string().max(500),
});
export type SyncSettingsInput = z.infer<typeof syncSettingsInputSchema>;

export const SYNC_STATES = ['not-configured', 'idle', 'syncing', 'offline', 'error'] as const;

export const syncProgressSchema = z.object({
  phase: z.enum(['connect', 'push', 'pull', 'reconcile']),
  resourceType: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int().nullable(),
  etaSeconds: z.number().nullable(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** In words, for the nurse: why the last run did not finish. */
  lastError: z.string().nullable(),
  waitingToSend: z.number().int(),
  rejected: z.number().int(),
  conflicts: z.number().int(),
  progress: syncProgressSchema.nullable(),
  lastRun: z
    .object({
      received: z.number().int(),
      sent: z.number().int(),
      merged: z.number().int(),
      deleted: z.number().int(),
      skipped: z.number().int(),
    })
    .nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const fieldConflictViewSchema = z.object({
  path: z.string(),
  /** A label for the element in words ("Phone numbers"), and its values as readable text. */
  label: z.string(),
  mine: z.string(),
  theirs: z.string(),
});

export const syncProblemSchema = z.object({
  kind: z.enum(['conflict', 'rejected']),
  resourceType: z.string(),
  resourceId: z.string(),
  /** What the record is, in words: "Patient Nakato Mukasa (KX7Q-000123-8)". */
  title: z.string(),
  reason: z.string(),
  deletedCentrally: z.boolean(),
  fields: z.array(fieldConflictViewSchema),
  since: z.string(),
});
export type SyncProblem = z.infer<typeof syncProblemSchema>;

export const connectionTestSchema = z.object({
  fhirVersion: z.string().nullable(),
  /** How sync will work with this server, in words. */
  strategy: z.array(z.string()),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
