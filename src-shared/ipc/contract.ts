/**
 * THE IPC contract: every channel the renderer may call, with the schema main validates its
 * input against and the shape of its answer, plus the events main may push. The Electron
 * shell, the loopback bridge and the renderer's api all derive from this one table.
 */
import { z } from 'zod';
import {
  patientDraftSchema,
  patientQuerySchema,
  patientRecordSchema,
  patientSearchResultSchema,
} from '../domain/patient';
import { appStatusSchema, newUserSchema, sessionSchema, settingsSchema, userSummarySchema } from '../domain/session';

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
    input: z.object({ draft: patientDraftSchema.strict() }).strict(),
    output: patientRecordSchema,
  },
  'patients:update': {
    input: z.object({ id, rev: z.number().int().min(0), draft: patientDraftSchema.strict() }).strict(),
    output: patientRecordSchema,
  },
  'settings:get': { input: empty, output: settingsSchema },
  'settings:update': { input: settingsSchema.partial().strict(), output: settingsSchema },
  'users:list': { input: empty, output: z.array(userSummarySchema) },
  'users:create': { input: newUserSchema.strict(), output: userSummarySchema },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export const events = {
  /** Something in the dCDR changed: lists refresh what they show. */
  'db:changed': z.object({ resourceType: z.string(), ids: z.array(z.string()) }),
  /** The session ended: the UI returns to the unlock screen. */
  'session:locked': z.object({ reason: z.enum(['idle', 'manual']) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Bridges refuse frames larger than this before parsing them at all. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
