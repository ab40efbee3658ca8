// The three server families a clinic meets in the field (see /work/shared/ICDR-FIELD-NOTES.md).
// Each family is a profile of flags; tests may switch family at runtime and override single flags.

export type BehaviourName = 'hapi' | 'medplum' | 'santedb';

export interface BehaviourProfile {
  readonly name: BehaviourName;
  /** GET [base]/_history */
  readonly historySystem: boolean;
  /** GET [base]/Type/_history */
  readonly historyType: boolean;
  /** Instance history honours `_since` (Medplum ignores it). */
  readonly instanceHistorySince: boolean;
  /** PUT to an id that does not exist creates it (201). When false: 404. */
  readonly updateCreate: boolean;
  /** Medplum's deviation: a PUT with If-Match to a missing id creates it. */
  readonly ifMatchOnMissingCreates: boolean;
  /** If-Match with a stale version answers 412. When false: last writer wins. */
  readonly enforceIfMatch: boolean;
  /** If-None-Exist is honoured. When false the header is ignored and every POST creates. */
  readonly conditionalCreate: boolean;
  /** PUT/DELETE [base]/Type?criteria */
  readonly conditionalUpdate: boolean;
  /** Transactions accepted at POST [base] (when false: 501). */
  readonly transactionAtBase: boolean;
  /** Transactions accepted at POST [base]/Bundle (SanteDB); otherwise that creates a Bundle resource. */
  readonly transactionAtBundleEndpoint: boolean;
  /** Batch bundles accepted. */
  readonly batch: boolean;
  /** All-or-nothing transactions. When false a transaction is processed like a batch. */
  readonly atomicTransactions: boolean;
  /** Medplum's limits: at most `maxUpdates` PUT entries; at most `maxConditionalEntries` if any is conditional. */
  readonly transactionLimits: { readonly maxUpdates: number; readonly maxConditionalEntries: number } | null;
  /** `urn:uuid:` references are rewritten inside batch bundles too (Medplum). */
  readonly rewriteUrnInBatch: boolean;
  /** A `urn:uuid:` reference with no matching entry fails the transaction (HAPI). */
  readonly strictPlaceholders: boolean;
  /** A client-supplied meta.lastUpdated is kept on create (Medplum's trap). */
  readonly keepClientLastUpdated: boolean;
  /** `_lastUpdated` filters results. When false it is accepted and silently ignored (SanteDB). */
  readonly lastUpdatedSearch: boolean;
  /** `_lastModified` filters results (SanteDB). */
  readonly lastModifiedSearch: boolean;
  /** The CapabilityStatement lists `_lastUpdated` even though it is ignored (SanteDB advertises it). */
  readonly advertiseIgnoredLastUpdated: boolean;
  /** `_sort` honoured. When false it is ignored. */
  readonly sort: boolean;
  /** Unknown search parameters: 'error' answers 400, 'ignore' drops them silently. */
  readonly unknownSearchParams: 'error' | 'ignore';
  /** How next links page: HAPI's server-side search cache, Medplum's keyset cursor / offset, or plain offset. */
  readonly paging: 'search-cache' | 'cursor-or-offset' | 'offset';
  /** Highest `_offset` accepted (Medplum: 10,000). */
  readonly maxOffset: number;
  readonly defaultCount: number;
  readonly maxCount: number;
  /** Bundle.total without `_total=accurate`. */
  readonly totalByDefault: boolean;
  /** A PUT that changes nothing creates no new version. */
  readonly suppressNoopUpdate: boolean;
  /** A reference to a missing resource is rejected on write (400). */
  readonly checkReferences: boolean;
  /** Server-assigned ids: HAPI hands out sequential numbers, the others UUIDs. */
  readonly idStyle: 'numeric' | 'uuid';
  /** Version ids: "1", "2", ... or UUIDs (Medplum). */
  readonly versionStyle: 'integer' | 'uuid';
  /** Status for type- and system-level `_history` when not offered. */
  readonly historyRefusal: { readonly type: number; readonly system: number };
}

const hapi: BehaviourProfile = {
  name: 'hapi',
  historySystem: true,
  historyType: true,
  instanceHistorySince: true,
  updateCreate: true,
  ifMatchOnMissingCreates: false,
  enforceIfMatch: true,
  conditionalCreate: true,
  conditionalUpdate: true,
  transactionAtBase: true,
  transactionAtBundleEndpoint: false,
  batch: true,
  atomicTransactions: true,
  transactionLimits: null,
  rewriteUrnInBatch: false,
  strictPlaceholders: true,
  keepClientLastUpdated: false,
  lastUpdatedSearch: true,
  lastModifiedSearch: false,
  advertiseIgnoredLastUpdated: false,
  sort: true,
  unknownSearchParams: 'error',
  paging: 'search-cache',
  maxOffset: Number.POSITIVE_INFINITY,
  defaultCount: 20,
  maxCount: 1000,
  totalByDefault: true,
  suppressNoopUpdate: true,
  checkReferences: false,
  idStyle: 'numeric',
  versionStyle: 'integer',
  historyRefusal: { type: 404, system: 404 },
};

const medplum: BehaviourProfile = {
  ...hapi,
  name: 'medplum',
  historySystem: false,
  historyType: false,
  instanceHistorySince: false,
  updateCreate: false,
  ifMatchOnMissingCreates: true,
  transactionLimits: { maxUpdates: 50, maxConditionalEntries: 8 },
  rewriteUrnInBatch: true,
  strictPlaceholders: false,
  keepClientLastUpdated: true,
  paging: 'cursor-or-offset',
  maxOffset: 10_000,
  totalByDefault: false,
  idStyle: 'uuid',
  versionStyle: 'uuid',
  historyRefusal: { type: 404, system: 400 },
};

const santedb: BehaviourProfile = {
  ...hapi,
  name: 'santedb',
  historySystem: false,
  historyType: false,
  instanceHistorySince: false,
  enforceIfMatch: false,
  conditionalCreate: false,
  conditionalUpdate: false,
  transactionAtBase: false,
  transactionAtBundleEndpoint: true,
  batch: false,
  strictPlaceholders: false,
  lastUpdatedSearch: false,
  lastModifiedSearch: true,
  advertiseIgnoredLastUpdated: true,
  sort: false,
  unknownSearchParams: 'ignore',
  paging: 'offset',
  defaultCount: 25,
  suppressNoopUpdate: false,
  idStyle: 'uuid',
  versionStyle: 'integer',
  historyRefusal: { type: 405, system: 405 },
};

export const BEHAVIOURS: Readonly<Record<BehaviourName, BehaviourProfile>> = { hapi, medplum, santedb };

export function isBehaviourName(value: string): value is BehaviourName {
  return value === 'hapi' || value === 'medplum' || value === 'santedb';
}

export function behaviourProfile(name: BehaviourName, overrides: Partial<BehaviourProfile> = {}): BehaviourProfile {
  return { ...BEHAVIOURS[name], ...overrides, name };
}
