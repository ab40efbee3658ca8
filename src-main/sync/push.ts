/**
 * Push: sends the outbox to the iCDR as transaction Bundles, referenced resources first.
 * Creates use PUT with the client-assigned UUID where the server allows it (a retry is then
 * harmless), else a conditional create on a local identifier (a retry finds the first copy).
 * Updates carry If-Match with the version the edit started from. Per entry: stored →
 * settled; 409/412 → fetched and merged; any other refusal → kept, with the server's words.
 */
import { randomUUID } from 'node:crypto';
import type { FhirResource, Identifier } from '../../src-shared/fhir/types';
import { withoutServerMeta } from '../../src-shared/fhir/server-meta';
import type { Sqlite } from '../store/client';
import { collectReferences } from '../store/indexers';
import type { FhirHttp } from './fhir-http';
import { SyncHttpError, type FhirResponse } from './fhir-http';
import type { ServerProfile } from './server-profile';
import { chunkGroups, referenceOrder } from './reference-order';
import {
  acknowledgeUpload,
  applyServerDeletion,
  applyServerResource,
  pendingUploads,
  rejectUpload,
  type PendingUpload,
} from './sync-store';
import { rekeyResource } from './rekey';
import { readBundlePage } from './bundle-entries';

export const LOCAL_ID_SYSTEM = 'https://kliniki.org/fhir/sid/local-id';
/** Medplum's limit; halved further whenever a server says "too many entries". */
export const DEFAULT_MAX_ENTRIES = 50;
const CONDITIONAL_MAX_ENTRIES = 8;
/** Enough for a merge, a resend and a late 412; a server that keeps moving waits for next run. */
const MAX_ROUNDS = 5;

export interface PushCounts {
  sent: number;
  acknowledged: number;
  rejected: number;
  conflicts: number;
  requests: number;
}

export interface PushOptions {
  now: () => Date;
  maxEntries?: number;
  onProgress?: (counts: PushCounts, remaining: number) => void;
  signal?: AbortSignal;
}

/** Client-side timestamps must not travel: some servers keep them and hide the resource. */
export const forUpload = withoutServerMeta;

function withLocalIdentifier(resource: FhirResource, id: string): FhirResource {
  const identifiers = Array.isArray(resource.identifier) ? (resource.identifier as Identifier[]) : [];
  if (identifiers.some((i) => i.system === LOCAL_ID_SYSTEM)) return resource;
  return { ...resource, identifier: [...identifiers, { system: LOCAL_ID_SYSTEM, value: id }] };
}

function outcomeText(body: unknown, status: number): string {
  const issues =
    (body as { issue?: { diagnostics?: string; details?: { text?: string }; severity?: string }[] } | null)?.issue ??
    [];
  const words = issues
    .map((i) => i.details?.text ?? i.diagnostics)
    .filter((t): t is string => typeof t === 'string' && t !== '');
  return words.length > 0
    ? `The central registry refused this change: ${words.join('; ')}`
    : `The central registry refused this change (HTTP ${status}).`;
}

function versionFrom(etag: string | null | undefined): string | null {
  const match = /^(?:W\/)?"?([^"]+)"?$/.exec(etag ?? '');
  return match ? match[1]! : null;
}

interface EntryResult {
  status: number;
  body: unknown;
  location: string | null;
  etag: string | null;
}

interface PlannedEntry {
  upload: PendingUpload;
  conditional: boolean;
  entry: Record<string, unknown>;
}

function plan(upload: PendingUpload, profile: ServerProfile, fullUrls: Map<string, string>): PlannedEntry {
  const key = `${upload.type}/${upload.id}`;
  let resource = forUpload(upload.resource);
  // References to resources created by POST in this same transaction use their urn:uuid.
  resource = rewriteReferences(resource, fullUrls);
  if (upload.op === 'delete') {
    return {
      upload,
      conditional: false,
      entry: {
        request: {
          method: 'DELETE',
          url: key,
          ...(upload.baseVersion ? { ifMatch: `W/"${upload.baseVersion}"` } : {}),
        },
      },
    };
  }
  if (upload.op === 'create' && !profile.updateCreate.has(upload.type)) {
    return {
      upload,
      conditional: true,
      entry: {
        fullUrl: fullUrls.get(key),
        resource: withLocalIdentifier({ ...resource, id: undefined }, upload.id),
        request: {
          method: 'POST',
          url: upload.type,
          ifNoneExist: `identifier=${encodeURIComponent(`${LOCAL_ID_SYSTEM}|${upload.id}`)}`,
        },
      },
    };
  }
  return {
    upload,
    conditional: false,
    entry: {
      fullUrl: fullUrls.get(key) ?? undefined,
      resource,
      request: {
        method: 'PUT',
        url: key,
        ...(upload.op === 'update' && upload.baseVersion ? { ifMatch: `W/"${upload.baseVersion}"` } : {}),
      },
    },
  };
}

function rewriteReferences(resource: FhirResource, fullUrls: Map<string, string>): FhirResource {
  if (fullUrls.size === 0) return resource;
  return JSON.parse(JSON.stringify(resource), (key, value: unknown) =>
    key === 'reference' && typeof value === 'string' && fullUrls.has(value) ? fullUrls.get(value) : value,
  ) as FhirResource;
}

export class Pusher {
  private maxEntries: number;
  private merged = 0;
  readonly counts: PushCounts = { sent: 0, acknowledged: 0, rejected: 0, conflicts: 0, requests: 0 };

  constructor(
    private readonly http: FhirHttp,
    private readonly sqlite: Sqlite,
    private readonly profile: ServerProfile,
    private readonly options: PushOptions,
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  }

  async run(): Promise<PushCounts> {
    let rounds = 0;
    for (;;) {
      if (this.options.signal?.aborted) return this.counts;
      const uploads = pendingUploads(this.sqlite, 1000);
      if (uploads.length === 0) return this.counts;
      const before = this.remaining();
      const mergedBefore = this.merged;
      const byKey = new Map(uploads.map((u) => [`${u.type}/${u.id}`, u]));
      const groups = referenceOrder(
        uploads.map((u) => ({
          key: `${u.type}/${u.id}`,
          refs: collectReferences(u.resource).map((r) => `${r.type}/${r.id}`),
        })),
      );
      const anyConditional = uploads.some((u) => u.op === 'create' && !this.profile.updateCreate.has(u.type));
      const size = anyConditional ? Math.min(this.maxEntries, CONDITIONAL_MAX_ENTRIES) : this.maxEntries;
      for (const chunk of chunkGroups(groups, size)) {
        if (this.options.signal?.aborted) return this.counts;
        await this.sendChunk(chunk.map((key) => byKey.get(key)!));
        this.options.onProgress?.(this.counts, this.remaining());
      }
      // A merge re-queues its resource on the new base: go round again. Nothing settled or
      // merged in a whole round means every remaining item waits for something else.
      rounds++;
      if ((this.remaining() >= before && this.merged === mergedBefore) || rounds >= MAX_ROUNDS) return this.counts;
    }
  }

  private remaining(): number {
    return (
      this.sqlite
        .prepare("SELECT count(DISTINCT resource_type || '/' || resource_id) AS n FROM outbox WHERE state = 'pending'")
        .get() as { n: number }
    ).n;
  }

  /**
   * Some servers do not check If-Match (last writer wins). Reading the current versions of
   * the records about to be updated, one search per type, catches a central edit before it
   * would be overwritten; it also spares a 412 round trip on servers that do check.
   * Returns the uploads still to send now (merged ones are re-queued on their new base).
   */
  private async refreshBases(uploads: PendingUpload[]): Promise<PendingUpload[]> {
    const updates = uploads.filter((u) => u.op === 'update' && u.baseVersion !== null);
    const stale = new Set<string>();
    const byType = new Map<string, PendingUpload[]>();
    for (const u of updates) byType.set(u.type, [...(byType.get(u.type) ?? []), u]);
    for (const [type, list] of byType) {
      const wanted = new Map(list.map((u) => [u.id, u]));
      this.counts.requests++;
      const response = await this.http.request(
        'GET',
        `${type}?_id=${list.map((u) => encodeURIComponent(u.id)).join(',')}&_count=${list.length}`,
      );
      if (response.status !== 200) continue;
      const page = readBundlePage(response.body);
      const ctx = { userId: null, now: this.options.now() };
      for (const entry of page.entries) {
        if (entry.kind !== 'resource') continue;
        const upload = wanted.get(entry.resource.id);
        if (
          !upload ||
          entry.resource.meta?.versionId === undefined ||
          entry.resource.meta.versionId === upload.baseVersion
        )
          continue;
        stale.add(`${type}/${upload.id}`);
        const outcome = this.sqlite.transaction(() => applyServerResource(this.sqlite, entry.resource, ctx))();
        if (outcome === 'conflict') this.counts.conflicts++;
        else this.merged++;
      }
    }
    return uploads.filter((u) => !stale.has(`${u.type}/${u.id}`));
  }

  private async sendChunk(all: PendingUpload[]): Promise<void> {
    const uploads = await this.refreshBases(all);
    if (uploads.length === 0) return;
    const fullUrls = new Map<string, string>();
    for (const u of uploads) {
      if (u.op === 'create' && !this.profile.updateCreate.has(u.type))
        fullUrls.set(`${u.type}/${u.id}`, `urn:uuid:${isUuid(u.id) ? u.id : randomUUID()}`);
    }
    const planned = uploads.map((u) => plan(u, this.profile, fullUrls));
    const bundle = { resourceType: 'Bundle', type: 'transaction', entry: planned.map((p) => p.entry) };
    this.counts.sent += planned.length;
    this.counts.requests++;
    const response = await this.http.request('POST', this.profile.transactionPath, { body: bundle });
    if (response.status >= 200 && response.status < 300) {
      const entries =
        (
          response.body as {
            entry?: { response?: { status?: string; location?: string; etag?: string }; resource?: unknown }[];
          } | null
        )?.entry ?? [];
      for (let i = 0; i < planned.length; i++) {
        const e = entries[i];
        await this.settle(planned[i]!, {
          status: Number.parseInt(e?.response?.status ?? '0', 10),
          body: e?.resource ?? null,
          location: e?.response?.location ?? null,
          etag: e?.response?.etag ?? null,
        });
      }
      return;
    }
    if (response.status === 400 && /too many/i.test(JSON.stringify(response.body)) && uploads.length > 1) {
      this.maxEntries = Math.max(1, Math.floor(uploads.length / 2));
      const half = Math.ceil(uploads.length / 2);
      await this.sendChunk(uploads.slice(0, half));
      await this.sendChunk(uploads.slice(half));
      return;
    }
    // The transaction failed as a whole: send each change alone to learn which one, and why.
    for (const p of planned) await this.settle(p, await this.sendOne(p, fullUrls));
  }

  private async sendOne(p: PlannedEntry, fullUrls: Map<string, string>): Promise<EntryResult> {
    const request = p.entry.request as { method: string; url: string; ifMatch?: string; ifNoneExist?: string };
    const headers: Record<string, string> = {};
    if (request.ifMatch) headers['if-match'] = request.ifMatch;
    if (request.ifNoneExist) headers['if-none-exist'] = request.ifNoneExist;
    // Alone, a urn:uuid reference cannot resolve; send the plain reference instead.
    const resource = p.entry.resource ? unrewrite(p.entry.resource as FhirResource, fullUrls) : undefined;
    this.counts.requests++;
    const response: FhirResponse = await this.http.request(
      request.method,
      request.url,
      resource === undefined ? { headers } : { body: resource, headers },
    );
    return {
      status: response.status,
      body: response.body,
      location: response.headers.get('location'),
      etag: response.headers.get('etag'),
    };
  }

  private async settle(p: PlannedEntry, result: EntryResult): Promise<void> {
    const { upload } = p;
    const ctx = { userId: null, now: this.options.now() };
    if (result.status >= 200 && result.status < 300) {
      const stored = this.storedVersion(p, result);
      this.sqlite.transaction(() => {
        if (stored.id !== upload.id) rekeyResource(this.sqlite, upload.type, upload.id, stored.id, ctx);
        acknowledgeUpload(this.sqlite, { ...upload, id: stored.id }, stored, ctx);
      })();
      this.counts.acknowledged++;
      return;
    }
    if (result.status === 404 && upload.op === 'create' && !p.conditional) {
      // This server does not let clients choose ids after all: use conditional create from now on.
      this.profile.updateCreate.delete(upload.type);
      // Counts as progress: the next round sends it again, the other way.
      this.merged++;
      return;
    }
    if ([409, 412, 404, 410].includes(result.status) && upload.op !== 'create') {
      const current = await this.http.request('GET', `${upload.type}/${upload.id}`);
      const gone = current.status === 404 || current.status === 410;
      if (current.status === 200 || gone) {
        const outcome = this.sqlite.transaction(() =>
          gone
            ? applyServerDeletion(this.sqlite, upload.type, upload.id, ctx)
            : applyServerResource(this.sqlite, current.body as FhirResource & { id: string }, ctx),
        )();
        if (outcome === 'conflict') this.counts.conflicts++;
        else this.merged++;
        return;
      }
    }
    if (result.status >= 500 || result.status === 0) {
      throw new SyncHttpError(
        'server',
        `The central registry could not store a change right now (HTTP ${result.status || 'no answer'}). Sync will try again.`,
        result.status,
      );
    }
    rejectUpload(this.sqlite, upload, outcomeText(result.body, result.status));
    this.counts.rejected++;
  }

  private storedVersion(p: PlannedEntry, result: EntryResult): FhirResource & { id: string } {
    if (result.body && typeof result.body === 'object' && typeof (result.body as FhirResource).id === 'string') {
      return result.body as FhirResource & { id: string };
    }
    const fromLocation = /([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([^/]+))?/.exec(result.location ?? '');
    const id = fromLocation?.[2] ?? p.upload.id;
    const version = versionFrom(result.etag) ?? fromLocation?.[3] ?? null;
    const resource =
      p.upload.op === 'create' && p.conditional
        ? withLocalIdentifier(p.upload.resource, p.upload.id)
        : p.upload.resource;
    return {
      ...forUpload(resource),
      id,
      meta: { ...forUpload(resource).meta, ...(version ? { versionId: version } : {}) },
    };
  }
}

function unrewrite(resource: FhirResource, fullUrls: Map<string, string>): FhirResource {
  if (fullUrls.size === 0) return resource;
  const back = new Map([...fullUrls].map(([k, v]) => [v, k]));
  return JSON.parse(JSON.stringify(resource), (key, value: unknown) =>
    key === 'reference' && typeof value === 'string' && back.has(value) ? back.get(value) : value,
  ) as FhirResource;
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
