/**
 * Pull: brings one subscription's changes from the iCDR, page by page. Each page is applied
 * in one transaction together with the position to resume from, so a dropped connection or a
 * killed process resumes where it stopped, without loss and without duplicates. Watermarks
 * are the server's own time (its Date header), so a laptop clock hours off changes nothing.
 */
import type { Sqlite } from '../store/client';
import type { FhirHttp, FhirResponse } from './fhir-http';
import { SyncHttpError } from './fhir-http';
import type { ServerProfile } from './server-profile';
import { latestPerResource, readBundlePage, type IncomingEntry } from './bundle-entries';
import { applyServerDeletion, applyServerResource, readCursor, writeCursor, type ApplyOutcome } from './sync-store';

export interface Subscription {
  /** Stable name of this subscription: its cursor is kept under it. */
  key: string;
  resourceType: string;
  /** FHIR search parameters, e.g. `address-city=Kasangati`; empty for every resource of the type. */
  query: string;
}

export interface PullCounts {
  received: number;
  stored: number;
  merged: number;
  conflicts: number;
  deleted: number;
  skipped: number;
  pages: number;
  /** The longest a page took to arrive: the engine sizes the next run's pages from it. */
  slowestPageMs: number;
}

export interface PullOptions {
  pageSize: number;
  now: () => Date;
  onPage?: (counts: PullCounts, total: number | null) => void;
  /** Resources per transaction; see DEFAULT_BATCH. */
  batchSize?: number;
  signal?: AbortSignal;
}

/**
 * Changes committed centrally just before a pass began can carry a timestamp earlier than the
 * pass start; asking again from a little earlier costs a few duplicates, which are skipped.
 */
export const WATERMARK_OVERLAP_MS = 15_000;

/**
 * Resources applied per transaction. Each commit rewrites every index page it touched, and
 * ids are random, so a commit touches index pages all over: fewer, larger commits write each
 * page once for many rows (measured: the bench's initial pull). The resume position is
 * committed with each batch, so an interruption costs at most one batch of refetching.
 */
export const DEFAULT_BATCH = 5000;

function timedGet(http: FhirHttp, url: string, counts: PullCounts): Promise<FhirResponse> {
  const started = performance.now();
  return http.request('GET', url).then((response) => {
    counts.slowestPageMs = Math.max(counts.slowestPageMs, performance.now() - started);
    return response;
  });
}

export function pullMode(profile: ServerProfile, sub: Subscription): 'history' | 'search' {
  return sub.query.trim() === '' && profile.typeHistory.has(sub.resourceType) ? 'history' : 'search';
}

function firstUrl(profile: ServerProfile, sub: Subscription, watermark: string | null, pageSize: number): string {
  const params = new URLSearchParams(sub.query.trim());
  params.set('_count', String(pageSize));
  if (pullMode(profile, sub) === 'history') {
    if (watermark) params.set('_since', watermark);
    return `${sub.resourceType}/_history?${params.toString()}`;
  }
  if (watermark && profile.modifiedParam) params.set(profile.modifiedParam, `ge${watermark}`);
  params.set('_sort', '_lastUpdated');
  return `${sub.resourceType}?${params.toString()}`;
}

function emptyCounts(): PullCounts {
  return { received: 0, stored: 0, merged: 0, conflicts: 0, deleted: 0, skipped: 0, pages: 0, slowestPageMs: 0 };
}

function count(counts: PullCounts, outcome: ApplyOutcome): void {
  if (outcome === 'stored') counts.stored++;
  else if (outcome === 'merged') counts.merged++;
  else if (outcome === 'conflict') counts.conflicts++;
  else if (outcome === 'deleted') counts.deleted++;
}

export async function pullSubscription(
  http: FhirHttp,
  sqlite: Sqlite,
  profile: ServerProfile,
  sub: Subscription,
  options: PullOptions,
): Promise<PullCounts> {
  const counts = emptyCounts();
  let cursor = readCursor(sqlite, sub.key);
  let url = cursor.nextUrl ?? firstUrl(profile, sub, cursor.watermark, options.pageSize);
  let passWatermark = cursor.nextUrl ? cursor.passWatermark : null;
  let total: number | null = null;
  let resumed = cursor.nextUrl !== null;

  // The next page is requested before this one is applied, so the server prepares it while
  // the database writes: network and disk overlap instead of taking turns.
  let prefetched: { url: string; response: Promise<FhirResponse> } | null = null;
  let buffer: IncomingEntry[] = [];
  for (;;) {
    if (options.signal?.aborted) return counts;
    const response = await (prefetched?.url === url ? prefetched.response : timedGet(http, url, counts));
    prefetched = null;
    if (response.status !== 200) {
      // A stored next link can expire on the server (HAPI's search cache): start the pass again.
      if (resumed) {
        resumed = false;
        passWatermark = null;
        url = firstUrl(profile, sub, cursor.watermark, options.pageSize);
        continue;
      }
      throw new SyncHttpError(
        'rejected',
        `The central registry refused to list ${sub.resourceType} (HTTP ${response.status}).`,
        response.status,
        response.body,
      );
    }
    resumed = false;
    if (passWatermark === null) {
      const serverNow =
        response.serverDate ??
        new Date(
          (response.body as { meta?: { lastUpdated?: string } }).meta?.lastUpdated ?? options.now().toISOString(),
        );
      passWatermark = new Date(serverNow.getTime() - WATERMARK_OVERLAP_MS).toISOString();
      const t = (response.body as { total?: unknown }).total;
      total = typeof t === 'number' ? t : null;
    }
    const page = readBundlePage(response.body);
    if (page.next && !options.signal?.aborted) {
      const ahead = timedGet(http, page.next, counts);
      // If applying this page fails, the request ahead is abandoned: its own failure must not
      // surface later as an unhandled rejection.
      ahead.catch(() => undefined);
      prefetched = { url: page.next, response: ahead };
    }
    buffer.push(...page.entries);
    counts.received += page.entries.length;
    counts.skipped += page.skipped;
    counts.pages++;
    const next = page.next;
    if (next && buffer.length < (options.batchSize ?? DEFAULT_BATCH)) {
      // Not written yet: a crash before the batch is applied fetches these pages again.
      options.onPage?.(counts, total);
      url = next;
      continue;
    }
    const ctx = { userId: null, now: options.now() };
    const pass = passWatermark;
    const batch = buffer;
    buffer = [];
    sqlite.transaction(() => {
      for (const entry of latestPerResource(batch)) {
        const outcome =
          entry.kind === 'resource'
            ? applyServerResource(sqlite, entry.resource, ctx)
            : applyServerDeletion(sqlite, entry.type, entry.id, ctx);
        count(counts, outcome);
      }
      cursor = next
        ? { watermark: cursor.watermark, passWatermark: pass, nextUrl: next }
        : { watermark: pass, passWatermark: null, nextUrl: null };
      writeCursor(sqlite, sub.key, cursor, ctx.now);
    })();
    options.onPage?.(counts, total);
    if (!next) return counts;
    url = next;
  }
}

/**
 * Deletions never show in searches on servers without history: compare the ids the server
 * has in scope with the ones here, and remove those it no longer has (unless edited here).
 */
export async function reconcileDeletions(
  http: FhirHttp,
  sqlite: Sqlite,
  subs: Subscription[],
  options: PullOptions,
): Promise<number> {
  const byType = new Map<string, Subscription[]>();
  for (const sub of subs) byType.set(sub.resourceType, [...(byType.get(sub.resourceType) ?? []), sub]);
  let removed = 0;
  for (const [type, group] of byType) {
    const remote = new Set<string>();
    for (const sub of group) {
      const params = new URLSearchParams(sub.query.trim());
      params.set('_elements', 'id');
      params.set('_count', '1000');
      let url: string | null = `${type}?${params.toString()}`;
      while (url) {
        const response = await http.request('GET', url);
        if (response.status !== 200) return removed;
        const page = readBundlePage(response.body);
        for (const entry of page.entries) if (entry.kind === 'resource') remote.add(entry.resource.id);
        url = page.next;
      }
    }
    const local = sqlite
      .prepare('SELECT id FROM resources WHERE type = ? AND deleted = 0 AND server_version IS NOT NULL')
      .all(type) as { id: string }[];
    const gone = local.filter((r) => !remote.has(r.id));
    if (gone.length === 0) continue;
    const ctx = { userId: null, now: options.now() };
    sqlite.transaction(() => {
      for (const { id } of gone) if (applyServerDeletion(sqlite, type, id, ctx) === 'deleted') removed++;
    })();
  }
  return removed;
}
