// Seeding straight into the store (no HTTP, no validation), recorded in the change log as creates.
// Bundles are loaded like transactions so `urn:uuid:` references resolve, whatever their type
// (Synthea's are `batch`). Shared resources (Organization, Practitioner...) repeated in every patient
// bundle are deduplicated by id and by identifier; conditional references such as
// `Organization?identifier=system|value` are resolved against the store and the bundle itself.
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import { randomUUID } from 'node:crypto';
import type { IcdrContext } from './context';
import { findByCriteria } from './search-engine';
import { identifierKeys } from './store';

export type SeedInput = Bundle | Resource | readonly (Bundle | Resource)[];

export interface SeedOptions {
  /** lastUpdated of every seeded resource (ms); default: the server clock now. */
  readonly at?: number;
}

export interface SeedResult {
  created: number;
  /** Entries that matched an existing resource (same id, or a shared resource's identifier). */
  deduplicated: number;
  /** Conditional references that matched no resource (left as they were). */
  unresolvedReferences: number;
  readonly byType: Record<string, number>;
}

/** Types that data generators repeat in every bundle; deduplicated by identifier. */
export const SHARED_TYPES = new Set([
  'Organization',
  'Practitioner',
  'PractitionerRole',
  'Location',
  'HealthcareService',
  'Medication',
  'Device',
]);

const CONDITIONAL_REFERENCE = /^([A-Z][A-Za-z]+)\?(.+)$/;

interface Pending {
  readonly type: string;
  readonly id: string;
  readonly resource: Resource;
}

function isBundle(value: Bundle | Resource): value is Bundle {
  return (
    value.resourceType === 'Bundle' && ['batch', 'transaction', 'collection', 'searchset'].includes(String(value.type))
  );
}

export function seedStore(ctx: IcdrContext, input: SeedInput, options: SeedOptions = {}): SeedResult {
  const result: SeedResult = { created: 0, deduplicated: 0, unresolvedReferences: 0, byType: {} };
  const at = options.at ?? ctx.now();
  const items: readonly (Bundle | Resource)[] = Array.isArray(input) ? input : [input as Bundle | Resource];
  const loose: Resource[] = [];
  ctx.store.transaction(() => {
    for (const item of items) {
      if (isBundle(item)) seedGroup(ctx, item.entry ?? [], at, result, true);
      else loose.push(item);
    }
    if (loose.length)
      seedGroup(
        ctx,
        loose.map((resource) => ({ resource })),
        at,
        result,
        false,
      );
  });
  ctx.engine.clear();
  return result;
}

function seedGroup(
  ctx: IcdrContext,
  entries: readonly BundleEntry[],
  at: number,
  result: SeedResult,
  rewrite: boolean,
): void {
  const { store } = ctx;
  const identities = new Map<string, string>();
  const pendingByIdentifier = new Map<string, string>();
  const pending: Pending[] = [];
  const pendingKeys = new Set<string>();

  for (const entry of entries) {
    const resource = entry.resource;
    if (!resource?.resourceType) continue;
    const type = resource.resourceType;
    const fromUrl = entry.request?.method === 'PUT' ? entry.request.url?.split('?')[0]?.split('/')[1] : undefined;
    let id = resource.id ?? fromUrl ?? randomUUID();
    let duplicate = !!store.liveRecord(type, id) || pendingKeys.has(`${type}/${id}`);
    if (!duplicate && SHARED_TYPES.has(type)) {
      for (const key of identifierKeys(resource).filter((k) => k.includes('|'))) {
        const known = store.idsByIdentifier(type, key)[0] ?? pendingByIdentifier.get(`${type}|${key}`);
        if (known) {
          id = known;
          duplicate = true;
          break;
        }
      }
    }
    const ifNoneExist = entry.request?.ifNoneExist;
    if (!duplicate && ifNoneExist) {
      const found = findByCriteria(ctx.engine, type, ifNoneExist, ctx.profile(), 1)[0];
      if (found) {
        id = found.id;
        duplicate = true;
      }
    }
    if (entry.fullUrl) identities.set(entry.fullUrl, `${type}/${id}`);
    if (duplicate) {
      result.deduplicated++;
      continue;
    }
    if (SHARED_TYPES.has(type)) {
      for (const key of identifierKeys(resource)) pendingByIdentifier.set(`${type}|${key}`, id);
    }
    pendingKeys.add(`${type}/${id}`);
    pending.push({ type, id, resource });
  }

  const resolveConditional = (reference: string): string | undefined => {
    const match = CONDITIONAL_REFERENCE.exec(reference);
    if (!match) return undefined;
    const [, type, criteria] = match as unknown as [string, string, string];
    const params = new URLSearchParams(criteria);
    const identifier = params.get('identifier');
    if (identifier && [...params.keys()].length === 1) {
      const key = identifier.toLowerCase();
      const id = store.idsByIdentifier(type, key)[0] ?? pendingByIdentifier.get(`${type}|${key}`);
      if (id) return `${type}/${id}`;
    }
    const found = findByCriteria(ctx.engine, type, criteria, ctx.profile(), 2);
    return found.length === 1 ? `${type}/${found[0]!.id}` : undefined;
  };

  const rewriteValue = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') {
      const mapped = identities.get(value);
      if (mapped) return mapped;
      if (key === 'reference' && CONDITIONAL_REFERENCE.test(value)) {
        const resolved = resolveConditional(value);
        if (resolved) return resolved;
        result.unresolvedReferences++;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => rewriteValue(v, key));
    if (value && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = rewriteValue(v, k);
      return out;
    }
    return value;
  };

  const lastUpdated = new Date(at).toISOString();
  const uuidVersions = ctx.profile().versionStyle === 'uuid';
  for (const { type, id, resource } of pending) {
    const source = rewrite ? (rewriteValue(resource, '') as Resource) : resource;
    const { resourceType: _t, id: _i, meta, ...rest } = source;
    const versionId = uuidVersions ? randomUUID() : '1';
    const stored = { resourceType: type, id, meta: { ...meta, versionId, lastUpdated }, ...rest };
    store.append({
      seq: store.nextSeq(),
      type,
      id,
      versionId,
      lu: at,
      lastUpdated,
      method: 'POST',
      created: true,
      json: JSON.stringify(stored),
      idents: identifierKeys(stored),
    });
    result.created++;
    result.byType[type] = (result.byType[type] ?? 0) + 1;
  }
}
