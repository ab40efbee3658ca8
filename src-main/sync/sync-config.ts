/** Sync settings as stored in the dCDR (itself encrypted, so the device secret is too). */
import type { Subscription, SyncSettings, SyncSettingsInput } from '../../src-shared/domain/sync';
import type { Sqlite } from '../store/client';
import { readSetting, writeSetting } from '../store/settings-repo';

export interface SyncConfig {
  baseUrl: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  subscriptions: Subscription[];
  intervalMinutes: number;
}

/** What a clinic laptop pulls unless its settings say otherwise: its registry and clinical record. */
export const DEFAULT_SUBSCRIPTIONS: Subscription[] = [
  { resourceType: 'Organization', query: '' },
  { resourceType: 'Practitioner', query: '' },
  { resourceType: 'Patient', query: '' },
  { resourceType: 'Encounter', query: '' },
  { resourceType: 'Observation', query: '' },
  { resourceType: 'Immunization', query: '' },
  { resourceType: 'Condition', query: '' },
];

/**
 * The centre's knowledge, pulled whatever the laptop's subscriptions say: rule packs and the
 * immunization schedule make the laptop check and advise as the centre decided, offline too.
 * Only resources tagged for Kliniki are asked for, so other profiles on the server stay there.
 * They are read-only here: nothing on the laptop edits them, so nothing pushes them back.
 */
export const KNOWLEDGE_SUBSCRIPTIONS: Subscription[] = [
  {
    resourceType: 'StructureDefinition',
    query: '_tag=https://kliniki.org/fhir/CodeSystem/content-kind|validation-rules',
  },
  {
    resourceType: 'PlanDefinition',
    query: '_tag=https://kliniki.org/fhir/CodeSystem/content-kind|immunization-schedule',
  },
  {
    resourceType: 'ActivityDefinition',
    query: '_tag=https://kliniki.org/fhir/CodeSystem/content-kind|immunization-schedule',
  },
];

/** What one run pulls: the centre's knowledge first (it decides how later records are read), then the subscriptions. */
export function subscriptionsToPull(config: SyncConfig): Subscription[] {
  const own = new Set(config.subscriptions.map(subscriptionKey));
  return [...KNOWLEDGE_SUBSCRIPTIONS.filter((s) => !own.has(subscriptionKey(s))), ...config.subscriptions];
}

const KEY = 'sync.config';

export function readSyncConfig(sqlite: Sqlite): SyncConfig {
  const stored = readSetting<Partial<SyncConfig>>(sqlite, KEY) ?? {};
  return {
    baseUrl: stored.baseUrl ?? '',
    tokenUrl: stored.tokenUrl ?? '',
    clientId: stored.clientId ?? '',
    clientSecret: stored.clientSecret ?? '',
    subscriptions: stored.subscriptions ?? DEFAULT_SUBSCRIPTIONS,
    intervalMinutes: stored.intervalMinutes ?? 5,
  };
}

export function isConfigured(config: SyncConfig): boolean {
  return config.baseUrl !== '' && config.tokenUrl !== '' && config.clientId !== '' && config.clientSecret !== '';
}

export function mergeSyncSettings(current: SyncConfig, input: SyncSettingsInput): SyncConfig {
  return {
    baseUrl: input.baseUrl.trim().replace(/\/+$/, ''),
    tokenUrl: input.tokenUrl.trim(),
    clientId: input.clientId.trim(),
    clientSecret: input.clientSecret === '' ? current.clientSecret : input.clientSecret,
    subscriptions: input.subscriptions.map((s) => ({
      resourceType: s.resourceType,
      query: s.query.trim().replace(/^\?/, ''),
    })),
    intervalMinutes: input.intervalMinutes,
  };
}

export function writeSyncConfig(sqlite: Sqlite, config: SyncConfig): void {
  writeSetting(sqlite, KEY, config);
}

export function toSettingsView(config: SyncConfig): SyncSettings {
  return {
    baseUrl: config.baseUrl,
    tokenUrl: config.tokenUrl,
    clientId: config.clientId,
    hasSecret: config.clientSecret !== '',
    subscriptions: config.subscriptions,
    intervalMinutes: config.intervalMinutes,
  };
}

/** A subscription's cursor name: changing its query starts a fresh pull for it. */
export function subscriptionKey(sub: Subscription): string {
  return `${sub.resourceType}?${sub.query}`;
}
