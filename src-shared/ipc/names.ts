/**
 * The names of every channel and event, free of zod so the sandboxed preload can check names
 * without bundling the schemas. contract.ts proves at compile time that these lists and the
 * contract name exactly the same channels.
 */
export const CHANNEL_NAMES = [
  'app:get-status',
  'auth:create-first-user',
  'auth:unlock',
  'auth:lock',
  'auth:keep-alive',
  'patients:search',
  'patients:get',
  'patients:register',
  'patients:update',
  'patients:find-duplicates',
  'patients:link',
  'patients:unlink',
  'patients:find-by-identifier',
  'settings:get',
  'settings:update',
  'users:list',
  'users:create',
  'sync:get-status',
  'sync:run-now',
  'sync:get-settings',
  'sync:save-settings',
  'sync:test-connection',
  'sync:list-problems',
  'sync:resolve-conflict',
  'sync:retry-rejected',
  'visits:start',
  'visits:get',
  'visits:set-status',
  'visits:record-vitals',
  'visits:finish',
  'visits:list-today',
  'visits:list-for-patient',
  'visits:set-follow-up',
  'visits:get-follow-up',
  'growth:for-patient',
  'growth:for-observations',
  'due:list',
  'immunizations:record',
  'immunizations:for-patient',
  'immunizations:mark-entered-in-error',
  'immunizations:schedule-status',
  'overview:get',
  'rules:list',
] as const;

export const EVENT_NAMES = ['db:changed', 'session:locked', 'sync:status'] as const;

export type Channel = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

const channelSet: ReadonlySet<string> = new Set(CHANNEL_NAMES);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && channelSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
