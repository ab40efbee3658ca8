// Search and history pages with each family's next links (always absolute, usable verbatim):
// HAPI `?_getpages=<id>&_getpagesoffset=n`, Medplum `_cursor` (keyset, with _sort=_lastUpdated and
// _count >= 20) or `_offset` (400 above 10,000), SanteDB `_offset`.
import { historyJson, searchsetJson, totalOnlyJson, type BundleLinks } from './bundles';
import type { IcdrContext } from './context';
import { fail } from './outcomes';
import { instantRange, parseSearchQuery } from './search-query';
import { upperBound, type VersionRecord } from './store';

type Params = readonly (readonly [string, string])[];

function url(base: string, path: string, params: Params): string {
  const query = new URLSearchParams(params as [string, string][]).toString();
  return `${base}${path ? `/${path}` : ''}${query ? `?${query}` : ''}`;
}

function encodeCursor(rec: VersionRecord): string {
  return Buffer.from(`${rec.lu}:${rec.seq}`).toString('base64url');
}

function decodeCursor(cursor: string): { lu: number; seq: number } {
  const [lu, seq] = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (!Number.isFinite(lu) || !Number.isFinite(seq)) fail(400, 'invalid', `Invalid _cursor "${cursor}"`, '_cursor');
  return { lu: lu!, seq: seq! };
}

function iso(ctx: IcdrContext): string {
  return new Date(ctx.now()).toISOString();
}

function offsetPage(
  ctx: IcdrContext,
  path: string,
  items: readonly VersionRecord[],
  offset: number,
  count: number,
  linkParams: Params,
): { page: readonly VersionRecord[]; next?: string } {
  const { maxOffset } = ctx.profile();
  if (offset > maxOffset)
    fail(400, 'invalid', `Search offset exceeds maximum (got ${offset}, max ${maxOffset})`, '_offset');
  const page = items.slice(offset, offset + count);
  if (count === 0 || offset + count >= items.length) return { page };
  const next = url(ctx.base, path, [...linkParams, ['_count', String(count)], ['_offset', String(offset + count)]]);
  return { page, next };
}

export function searchResponse(ctx: IcdrContext, type: string, params: Params): string {
  const profile = ctx.profile();
  const query = parseSearchQuery(type, params as [string, string][], profile);
  const matches = ctx.engine.matches(query, profile);
  const self = url(ctx.base, type, params);
  const total = query.total ? matches.length : undefined;
  if (query.summaryCount) return totalOnlyJson({ self }, matches.length, iso(ctx));
  const { count } = query;
  let result: { page: readonly VersionRecord[]; next?: string };

  if (profile.paging === 'search-cache') {
    result = { page: matches.slice(0, count) };
    if (count > 0 && matches.length > count) {
      const id = ctx.snapshots.add({ kind: 'searchset', items: matches, elements: query.elements, total: query.total });
      result.next = `${ctx.base}?_getpages=${id}&_getpagesoffset=${count}&_count=${count}&_bundletype=searchset`;
    }
  } else if (
    profile.paging === 'cursor-or-offset' &&
    query.order === 'lu-asc' &&
    count >= 20 &&
    query.offset === null
  ) {
    let start = 0;
    if (query.cursor) {
      const { lu, seq } = decodeCursor(query.cursor);
      start = upperBound(matches, lu, seq);
    }
    const page = matches.slice(start, start + count);
    const last = page[page.length - 1];
    result = { page };
    if (last && start + count < matches.length) {
      result.next = url(ctx.base, type, [
        ...query.linkParams,
        ['_count', String(count)],
        ['_cursor', encodeCursor(last)],
      ]);
    }
  } else {
    result = offsetPage(ctx, type, matches, query.offset ?? 0, count, query.linkParams);
  }
  const links: BundleLinks = { self, ...(result.next ? { next: result.next } : {}) };
  return searchsetJson(ctx.base, result.page, { links, total, elements: query.elements, now: iso(ctx) });
}

function countParam(ctx: IcdrContext, params: Params): number {
  const raw = params.find(([k]) => k === '_count')?.[1];
  const profile = ctx.profile();
  if (raw === undefined) return profile.defaultCount;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    fail(400, 'invalid', `_count must be a non-negative integer, got "${raw}"`, '_count');
  return Math.min(n, profile.maxCount);
}

function sinceParam(params: Params): number | undefined {
  const raw = params.find(([k]) => k === '_since')?.[1];
  if (raw === undefined) return undefined;
  const range = instantRange(raw);
  if (!range) fail(400, 'invalid', `Invalid _since "${raw}"`, '_since');
  return range.lo;
}

/** Type- or system-level history, oldest first. */
export function historyResponse(ctx: IcdrContext, type: string | null, params: Params): string {
  const profile = ctx.profile();
  const path = type ? `${type}/_history` : '_history';
  const since = sinceParam(params);
  const log = type ? ctx.store.typeChanges(type) : ctx.store.systemChanges();
  const items = log.slice(since === undefined ? 0 : upperBound(log, since, -1));
  const count = countParam(ctx, params);
  const self = url(ctx.base, path, params);
  let result: { page: readonly VersionRecord[]; next?: string };
  if (profile.paging === 'search-cache') {
    result = { page: items.slice(0, count) };
    if (count > 0 && items.length > count) {
      const id = ctx.snapshots.add({ kind: 'history', items, elements: null, total: true });
      result.next = `${ctx.base}?_getpages=${id}&_getpagesoffset=${count}&_count=${count}&_bundletype=history`;
    }
  } else {
    const offset = Number(params.find(([k]) => k === '_offset')?.[1] ?? 0);
    const keep = params.filter(([k]) => k !== '_offset' && k !== '_count');
    result = offsetPage(ctx, path, items, offset, count, keep);
  }
  const links: BundleLinks = { self, ...(result.next ? { next: result.next } : {}) };
  return historyJson(ctx.base, result.page, { links, total: items.length, now: iso(ctx) });
}

/** Instance history, newest first (as HAPI and Medplum serve it); deletions included. */
export function instanceHistoryResponse(ctx: IcdrContext, type: string, id: string, params: Params): string {
  const versions = ctx.store.versionsOf(type, id);
  if (versions.length === 0) fail(404, 'not-found', `${type}/${id} not found`);
  const since = ctx.profile().instanceHistorySince ? sinceParam(params) : undefined;
  const selected = versions.filter((v) => since === undefined || v.lu >= since).reverse();
  const count = params.some(([k]) => k === '_count') ? countParam(ctx, params) : selected.length;
  const self = url(ctx.base, `${type}/${id}/_history`, params);
  return historyJson(ctx.base, selected.slice(0, count), { links: { self }, total: selected.length, now: iso(ctx) });
}

/** GET [base]?_getpages=<id>&_getpagesoffset=n&_count=c (HAPI). */
export function getPagesResponse(ctx: IcdrContext, params: Params): string {
  const get = (k: string): string | undefined => params.find(([key]) => key === k)?.[1];
  const id = get('_getpages') ?? '';
  const snapshot = ctx.snapshots.get(id);
  if (!snapshot) fail(410, 'not-found', `Search ID "${id}" does not exist and may have expired`);
  const offset = Number(get('_getpagesoffset') ?? 0);
  const count = countParam(ctx, params);
  const slice = snapshot.items.slice(offset, offset + count);
  const self = url(ctx.base, '', params);
  const next =
    offset + count < snapshot.items.length
      ? `${ctx.base}?_getpages=${id}&_getpagesoffset=${offset + count}&_count=${count}&_bundletype=${snapshot.kind}`
      : undefined;
  const links: BundleLinks = { self, ...(next ? { next } : {}) };
  const total = snapshot.total ? snapshot.items.length : undefined;
  if (snapshot.kind === 'history') return historyJson(ctx.base, slice, { links, total, now: iso(ctx) });
  // Like HAPI, a cached search page shows each resource as it is now; deleted ones drop out.
  const current = slice.map((r) => ctx.store.liveRecord(r.type, r.id)).filter((r) => r !== undefined);
  return searchsetJson(ctx.base, current, { links, total, elements: snapshot.elements, now: iso(ctx) });
}
