// Renders searchset and history Bundles straight from the stored JSON text (no parse/re-stringify
// per resource), which keeps a 1000-entry page cheap.
import type { Resource } from '@medplum/fhirtypes';
import { randomUUID } from 'node:crypto';
import { statusLine } from './outcomes';
import type { VersionRecord } from './store';

export interface BundleLinks {
  readonly self: string;
  readonly next?: string;
}

const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED' };
const MANDATORY = new Set(['resourceType', 'id', 'meta']);

export function etag(versionId: string): string {
  return `W/"${versionId}"`;
}

/** The resource text, or its `_elements` subset (id, meta and resourceType are always kept). */
export function renderResource(rec: VersionRecord, elements: readonly string[] | null): string {
  if (!elements) return rec.json!;
  const wanted = elements.filter((e) => !MANDATORY.has(e));
  const meta = { versionId: rec.versionId, lastUpdated: rec.lastUpdated, tag: [SUBSETTED] };
  if (wanted.length === 0) return JSON.stringify({ resourceType: rec.type, id: rec.id, meta });
  const full = JSON.parse(rec.json!) as Record<string, unknown> & Resource;
  const out: Record<string, unknown> = {
    resourceType: rec.type,
    id: rec.id,
    meta: { ...full.meta, tag: [...(full.meta?.tag ?? []), SUBSETTED] },
  };
  for (const key of wanted) if (key in full) out[key] = full[key];
  return JSON.stringify(out);
}

function linksJson(links: BundleLinks): string {
  const list = [{ relation: 'self', url: links.self }];
  if (links.next) list.push({ relation: 'next', url: links.next });
  return JSON.stringify(list);
}

function header(type: 'searchset' | 'history', links: BundleLinks, total: number | undefined, now: string): string {
  const totalPart = total === undefined ? '' : `,"total":${total}`;
  return `{"resourceType":"Bundle","id":${JSON.stringify(randomUUID())},"meta":{"lastUpdated":"${now}"},"type":"${type}"${totalPart},"link":${linksJson(links)}`;
}

export function searchsetJson(
  base: string,
  records: Iterable<VersionRecord>,
  options: { links: BundleLinks; total?: number; elements: readonly string[] | null; now: string },
): string {
  const parts: string[] = [];
  for (const rec of records) {
    parts.push(
      `{"fullUrl":${JSON.stringify(`${base}/${rec.type}/${rec.id}`)},"resource":${renderResource(rec, options.elements)},"search":{"mode":"match"}}`,
    );
  }
  const entries = parts.length ? `,"entry":[${parts.join(',')}]` : '';
  return `${header('searchset', options.links, options.total, options.now)}${entries}}`;
}

export function historyEntryJson(base: string, rec: VersionRecord): string {
  const deleted = rec.json === null;
  const request = {
    method: rec.method,
    url: rec.method === 'POST' ? rec.type : `${rec.type}/${rec.id}`,
  };
  const response = {
    status: statusLine(deleted ? 410 : rec.created ? 201 : 200),
    etag: etag(rec.versionId),
    lastModified: rec.lastUpdated,
  };
  const resource = deleted ? '' : `,"resource":${rec.json}`;
  return `{"fullUrl":${JSON.stringify(`${base}/${rec.type}/${rec.id}`)}${resource},"request":${JSON.stringify(request)},"response":${JSON.stringify(response)}}`;
}

export function historyJson(
  base: string,
  records: Iterable<VersionRecord>,
  options: { links: BundleLinks; total?: number; now: string },
): string {
  const parts: string[] = [];
  for (const rec of records) parts.push(historyEntryJson(base, rec));
  const entries = parts.length ? `,"entry":[${parts.join(',')}]` : '';
  return `${header('history', options.links, options.total, options.now)}${entries}}`;
}

export function totalOnlyJson(links: BundleLinks, total: number, now: string): string {
  return `${header('searchset', links, total, now)}}`;
}
