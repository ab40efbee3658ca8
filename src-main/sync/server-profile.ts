/**
 * What this iCDR can do, read from its CapabilityStatement and checked by probing where
 * servers are known to claim more than they do (ICDR-FIELD-NOTES.md): a SanteDB-family server
 * advertises _lastUpdated and ignores it; POST to the base is not everywhere the transaction
 * endpoint. The sync strategy is chosen from this profile, never from the server's name.
 */
import type { FhirHttp } from './fhir-http';

export interface ServerProfile {
  fhirVersion: string | null;
  /** GET [base]/_history?_since= works: deletions arrive with everything else. */
  systemHistory: boolean;
  /** GET [base]/Type/_history?_since= per type. */
  typeHistory: Set<string>;
  /** PUT to a client-chosen id creates the resource. */
  updateCreate: Set<string>;
  conditionalCreate: Set<string>;
  /** Search parameter that actually filters by modification time, or null if none does. */
  modifiedParam: '_lastUpdated' | '_lastModified' | null;
  /** Where transaction Bundles go: '' (the base) or 'Bundle'. */
  transactionPath: '' | 'Bundle';
}

interface CapabilityResource {
  type?: string;
  interaction?: { code?: string }[];
  updateCreate?: boolean;
  conditionalCreate?: boolean;
  searchParam?: { name?: string }[];
}

interface CapabilityStatement {
  resourceType?: string;
  fhirVersion?: string;
  rest?: { mode?: string; interaction?: { code?: string }[]; resource?: CapabilityResource[] }[];
}

export function profileFromCapabilities(
  cs: CapabilityStatement,
): Omit<ServerProfile, 'modifiedParam' | 'transactionPath'> & { advertisedParams: Map<string, Set<string>> } {
  const rest = cs.rest?.find((r) => r.mode === 'server') ?? cs.rest?.[0];
  const systemHistory = rest?.interaction?.some((i) => i.code === 'history-system') ?? false;
  const typeHistory = new Set<string>();
  const updateCreate = new Set<string>();
  const conditionalCreate = new Set<string>();
  const advertisedParams = new Map<string, Set<string>>();
  for (const resource of rest?.resource ?? []) {
    if (!resource.type) continue;
    if (resource.interaction?.some((i) => i.code === 'history-type')) typeHistory.add(resource.type);
    if (resource.updateCreate) updateCreate.add(resource.type);
    if (resource.conditionalCreate) conditionalCreate.add(resource.type);
    advertisedParams.set(resource.type, new Set((resource.searchParam ?? []).map((p) => p.name ?? '')));
  }
  return {
    fhirVersion: cs.fhirVersion ?? null,
    systemHistory,
    typeHistory,
    updateCreate,
    conditionalCreate,
    advertisedParams,
  };
}

const FUTURE = '2999-01-01T00:00:00Z';

/** A modification-time filter works if asking for changes after year 2999 returns nothing. */
async function filterWorks(http: FhirHttp, type: string, param: string): Promise<boolean> {
  const response = await http.request('GET', `${type}?${param}=gt${encodeURIComponent(FUTURE)}&_count=1`);
  if (response.status !== 200) return false;
  const bundle = response.body as { entry?: unknown[] } | null;
  return (bundle?.entry?.length ?? 0) === 0 && (await hasAny(http, type));
}

async function hasAny(http: FhirHttp, type: string): Promise<boolean> {
  const response = await http.request('GET', `${type}?_count=1&_elements=id`);
  return response.status === 200 && ((response.body as { entry?: unknown[] } | null)?.entry?.length ?? 0) > 0;
}

/** An empty transaction is harmless everywhere; where it is refused, try `Bundle`. */
async function transactionPath(http: FhirHttp): Promise<'' | 'Bundle'> {
  const empty = { resourceType: 'Bundle', type: 'transaction', entry: [] };
  const atBase = await http.request('POST', '', { body: empty });
  if (atBase.status >= 200 && atBase.status < 300) return '';
  const atBundle = await http.request('POST', 'Bundle', { body: empty });
  return atBundle.status >= 200 && atBundle.status < 300 ? 'Bundle' : '';
}

export async function discoverServer(http: FhirHttp, probeType = 'Patient'): Promise<ServerProfile> {
  const metadata = await http.request('GET', 'metadata');
  const cs = metadata.body as CapabilityStatement | null;
  if (metadata.status !== 200 || cs?.resourceType !== 'CapabilityStatement') {
    throw new Error('This address does not answer like a FHIR server (no CapabilityStatement at /metadata).');
  }
  const base = profileFromCapabilities(cs);
  let modifiedParam: ServerProfile['modifiedParam'] = null;
  // With no data to probe against, trust the statement; the next run probes again.
  const empty = !(await hasAny(http, probeType));
  for (const param of ['_lastUpdated', '_lastModified'] as const) {
    if (empty ? base.advertisedParams.get(probeType)?.has(param) : await filterWorks(http, probeType, param)) {
      modifiedParam = param;
      break;
    }
  }
  return {
    fhirVersion: base.fhirVersion,
    systemHistory: base.systemHistory,
    typeHistory: base.typeHistory,
    updateCreate: base.updateCreate,
    conditionalCreate: base.conditionalCreate,
    modifiedParam,
    transactionPath: await transactionPath(http),
  };
}
