/**
 * Reading what the iCDR sends: search and history Bundles, entry by entry, with everything
 * checked before it is trusted. An entry that is not a readable FHIR resource is counted and
 * skipped, never stored and never allowed to stop the rest.
 */
import { isFhirResource, type FhirResource } from '../../src-shared/fhir/types';

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

export type IncomingEntry =
  | { kind: 'resource'; resource: FhirResource & { id: string } }
  | { kind: 'deleted'; type: string; id: string; at: string | null };

export interface ReadPage {
  entries: IncomingEntry[];
  next: string | null;
  skipped: number;
}

interface RawEntry {
  fullUrl?: unknown;
  resource?: unknown;
  request?: { method?: unknown; url?: unknown };
  response?: { status?: unknown; lastModified?: unknown };
  search?: { mode?: unknown };
}

function deletedTarget(entry: RawEntry): { type: string; id: string } | null {
  const url =
    typeof entry.request?.url === 'string' ? entry.request.url : typeof entry.fullUrl === 'string' ? entry.fullUrl : '';
  const match = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/.exec(url);
  return match ? { type: match[1]!, id: match[2]! } : null;
}

export function readBundlePage(body: unknown): ReadPage {
  if (!isFhirResource(body) || body.resourceType !== 'Bundle') {
    throw new Error('The central registry answered with something that is not a FHIR Bundle.');
  }
  const rawEntries = Array.isArray(body.entry) ? (body.entry as RawEntry[]) : [];
  const links = Array.isArray(body.link) ? (body.link as { relation?: unknown; url?: unknown }[]) : [];
  const nextLink = links.find((l) => l.relation === 'next' && typeof l.url === 'string');
  const entries: IncomingEntry[] = [];
  let skipped = 0;
  for (const entry of rawEntries) {
    if (typeof entry !== 'object' || entry === null || entry.search?.mode === 'outcome') continue;
    const status = typeof entry.response?.status === 'string' ? entry.response.status : '';
    const isDelete = entry.request?.method === 'DELETE' || status.startsWith('410');
    if (isDelete && !isFhirResource(entry.resource)) {
      const target = deletedTarget(entry);
      if (target)
        entries.push({
          kind: 'deleted',
          ...target,
          at: typeof entry.response?.lastModified === 'string' ? entry.response.lastModified : null,
        });
      else skipped++;
      continue;
    }
    const resource = entry.resource;
    if (
      !isFhirResource(resource) ||
      !TYPE.test(resource.resourceType) ||
      typeof resource.id !== 'string' ||
      !ID.test(resource.id)
    ) {
      skipped++;
      continue;
    }
    entries.push({ kind: 'resource', resource: resource as FhirResource & { id: string } });
  }
  return { entries, next: nextLink ? (nextLink.url as string) : null, skipped };
}

function isNewer(entry: IncomingEntry, seen: IncomingEntry): boolean {
  // Numeric versions order reliably; timestamps do not when a server's clock was set back.
  const a = entry.kind === 'resource' ? entry.resource.meta?.versionId : undefined;
  const b = seen.kind === 'resource' ? seen.resource.meta?.versionId : undefined;
  if (a && b && /^\d+$/.test(a) && /^\d+$/.test(b)) return Number(a) > Number(b);
  const time = (e: IncomingEntry) => Date.parse((e.kind === 'resource' ? e.resource.meta?.lastUpdated : e.at) ?? '');
  const ta = time(entry);
  const tb = time(seen);
  return Number.isNaN(ta) || Number.isNaN(tb) || ta >= tb;
}

/** Within one page, only the newest state of each resource matters. */
export function latestPerResource(entries: IncomingEntry[]): IncomingEntry[] {
  const byKey = new Map<string, IncomingEntry>();
  for (const entry of entries) {
    const key =
      entry.kind === 'resource' ? `${entry.resource.resourceType}/${entry.resource.id}` : `${entry.type}/${entry.id}`;
    const seen = byKey.get(key);
    if (!seen || isNewer(entry, seen)) byKey.set(key, entry);
  }
  return [...byKey.values()];
}
