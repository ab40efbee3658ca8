/**
 * THE IPC contract: every channel the renderer may call, with the schema main validates its
 * input against and the shape of its answer, plus the events main may push. The Electron
 * shell, the loopback bridge and the renderer's api all derive from this one table.
 */
import { z } from 'zod';
import {
  duplicateCandidateSchema,
  patientDraftSchema,
  patientQuerySchema,
  patientRecordSchema,
  patientSearchResultSchema,
  patientSummarySchema,
} from '../domain/patient';
import { appStatusSchema, newUserSchema, sessionSchema, settingsSchema, userSummarySchema } from '../domain/session';
import {
  connectionTestSchema,
  syncProblemSchema,
  syncSettingsInputSchema,
  syncSettingsSchema,
  syncStatusSchema,
} from '../domain/sync';
import { recordVitalsResultSchema, visitSchema, visitStartSchema, vitalsEntrySchema } from '../domain/visit';
import {
  markEnteredInErrorSchema,
  patientImmunizationsSchema,
  recordImmunizationsResultSchema,
  recordImmunizationsSchema,
  scheduleStatusSchema,
} from '../domain/immunization';
import { clinicOverviewSchema, overviewInputSchema } from '../domain/overview';
import { dueListSchema, dueQuerySchema, followUpSchema, setFollowUpSchema } from '../domain/due-list';
import { confirmWarningsSchema, rulesOverviewSchema } from '../domain/rules';
import { OBSERVATION_GROWTH_MAX, observationGrowthSchema, patientGrowthSchema } from '../domain/growth';
import { CHANNEL_NAMES, EVENT_NAMES, type Channel, type EventName } from './names';

const empty = z.object({}).strict();
const id = z.string().min(1).max(64);

export const contract = {
  'app:get-status': { input: empty, output: appStatusSchema },
  'auth:create-first-user': { input: newUserSchema.strict(), output: sessionSchema },
  'auth:unlock': {
    input: z.object({ username: z.string().max(64), password: z.string().max(256) }).strict(),
    output: sessionSchema,
  },
  'auth:lock': { input: empty, output: z.null() },
  /** The renderer reports keyboard/pointer activity so the idle lock counts real use. */
  'auth:keep-alive': { input: empty, output: z.null() },
  'patients:search': { input: patientQuerySchema.strict(), output: patientSearchResultSchema },
  'patients:get': { input: z.object({ id }).strict(), output: patientRecordSchema },
  'patients:register': {
    input: z.object({ draft: patientDraftSchema.strict(), confirmWarnings: confirmWarningsSchema }).strict(),
    output: patientRecordSchema,
  },
  'patients:update': {
    input: z
      .object({
        id,
        rev: z.number().int().min(0),
        draft: patientDraftSchema.strict(),
        confirmWarnings: confirmWarningsSchema,
      })
      .strict(),
    output: patientRecordSchema,
  },
  /** Records that may be the person in the draft, best first, each with the reasons in words. */
  'patients:find-duplicates': {
    input: z
      .object({
        draft: patientDraftSchema.strict(),
        excludeId: id.optional(),
        limit: z.number().int().min(1).max(20).optional(),
      })
      .strict(),
    output: z.array(duplicateCandidateSchema),
  },
  /** Marks two records as the same person (FHIR Patient.link both ways); answers with `id`'s record. */
  'patients:link': { input: z.object({ id, otherId: id }).strict(), output: patientRecordSchema },
  /** Undoes a link made by mistake, both ways; answers with `id`'s record. */
  'patients:unlink': { input: z.object({ id, otherId: id }).strict(), output: patientRecordSchema },
  /** Records holding exactly this identifier (a scanned card); no prefix or sound-alike matches. */
  'patients:find-by-identifier': {
    input: z.object({ kind: z.enum(['clinic-number', 'national-id']), value: z.string().min(1).max(64) }).strict(),
    output: z.array(patientSummarySchema),
  },
  'settings:get': { input: empty, output: settingsSchema },
  'settings:update': { input: settingsSchema.partial().strict(), output: settingsSchema },
  'users:list': { input: empty, output: z.array(userSummarySchema) },
  'users:create': { input: newUserSchema.strict(), output: userSummarySchema },
  'sync:get-status': { input: empty, output: syncStatusSchema },
  /** Starts a run now (or joins the one under way) and answers at once. */
  'sync:run-now': { input: empty, output: syncStatusSchema },
  'sync:get-settings': { input: empty, output: syncSettingsSchema },
  'sync:save-settings': { input: syncSettingsInputSchema.strict(), output: syncSettingsSchema },
  /** Tries the given connection (or the saved one, for an empty secret) and says how sync would work. */
  'sync:test-connection': {
    input: syncSettingsInputSchema.pick({ baseUrl: true, tokenUrl: true, clientId: true, clientSecret: true }).strict(),
    output: connectionTestSchema,
  },
  'sync:list-problems': { input: empty, output: z.array(syncProblemSchema) },
  'sync:resolve-conflict': {
    input: z
      .object({
        resourceType: z.string().max(64),
        resourceId: id,
        /** Per element path: keep this laptop's value or the central one. */
        choices: z.record(z.string().max(200), z.enum(['mine', 'theirs'])),
      })
      .strict(),
    output: z.null(),
  },
  'sync:retry-rejected': {
    input: z.object({ resourceType: z.string().max(64), resourceId: id }).strict(),
    output: z.null(),
  },
  /** Checks a patient in: a new visit (FHIR Encounter, status arrived). */
  'visits:start': {
    input: visitStartSchema.extend({ confirmWarnings: confirmWarningsSchema }).strict(),
    output: visitSchema,
  },
  'visits:get': { input: z.object({ id }).strict(), output: visitSchema },
  'visits:set-status': {
    input: z.object({ id, status: z.enum(['in-progress']), confirmWarnings: confirmWarningsSchema }).strict(),
    output: visitSchema,
  },
  /** All the measurements of one form, saved together or not at all. */
  'visits:record-vitals': {
    input: z.object({ id, vitals: vitalsEntrySchema, confirmWarnings: confirmWarningsSchema }).strict(),
    output: recordVitalsResultSchema,
  },
  'visits:finish': { input: z.object({ id, confirmWarnings: confirmWarningsSchema }).strict(), output: visitSchema },
  'visits:list-today': { input: empty, output: z.array(visitSchema) },
  'visits:list-for-patient': { input: z.object({ patientId: id }).strict(), output: z.array(visitSchema) },
  /** "Come back on <date>": books, moves or (date null) cancels the visit's follow-up Appointment. */
  'visits:set-follow-up': { input: setFollowUpSchema, output: followUpSchema.nullable() },
  'visits:get-follow-up': { input: z.object({ visitId: id }).strict(), output: followUpSchema.nullable() },
  /** A child's weights and lengths against the WHO growth standards, with the curves to draw. */
  'growth:for-patient': { input: z.object({ patientId: id }).strict(), output: patientGrowthSchema },
  /** z-scores of given weight/length Observations (those of children under 5 only), for a visit's values. */
  'growth:for-observations': {
    input: z.object({ observationIds: z.array(id).max(OBSERVATION_GROWTH_MAX) }).strict(),
    output: z.array(observationGrowthSchema),
  },
  /** The clinic due list: children due, overdue or upcoming per filter, counts, missed follow-ups. */
  'due:list': { input: dueQuerySchema, output: dueListSchema },
  /** Several doses (given, or due and not given) saved together or not at all. */
  'immunizations:record': {
    input: recordImmunizationsSchema.extend({ confirmWarnings: confirmWarningsSchema }),
    output: recordImmunizationsResultSchema,
  },
  /** Every Immunization of the patient and each series of the schedule: counted, not counted, next. */
  'immunizations:for-patient': { input: z.object({ patientId: id }).strict(), output: patientImmunizationsSchema },
  /** Marks a mistaken record entered-in-error (kept, with the reason); answers with the patient's view. */
  'immunizations:mark-entered-in-error': { input: markEnteredInErrorSchema, output: patientImmunizationsSchema },
  /** Where the schedule in force comes from, its version, series and problems (Settings). */
  'immunizations:schedule-status': { input: empty, output: scheduleStatusSchema },
  /** The clinic overview: visits per day, vaccinations by antigen, due-list coverage, computed locally. */
  'overview:get': { input: overviewInputSchema, output: clinicOverviewSchema },
  /** The checks on entries in force (shipped and central) and the rules skipped, with why. */
  'rules:list': { input: empty, output: rulesOverviewSchema },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

// Both directions: the name list has no channel the contract lacks, and vice versa.
type _ContractHasOnlyNamedChannels = keyof typeof contract extends Channel ? true : never;
const _contractNamesMatch: _ContractHasOnlyNamedChannels = true;
void _contractNamesMatch;

export type Contract = typeof contract;
export type { Channel, EventName };
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS: readonly Channel[] = CHANNEL_NAMES;

export const events = {
  /** Something in the dCDR changed: lists refresh what they show. */
  'db:changed': z.object({ resourceType: z.string(), ids: z.array(z.string()) }),
  /** The session ended: the UI returns to the unlock screen. */
  'session:locked': z.object({ reason: z.enum(['idle', 'manual']) }),
  /** Sync's state changed: the indicator and the sync centre follow it. */
  'sync:status': syncStatusSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export { EVENT_NAMES };
export { isChannel, isEventName } from './names';

/** Bridges refuse frames larger than this before parsing them at all. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
