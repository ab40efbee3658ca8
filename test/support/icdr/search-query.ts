// Parses a FHIR search query into what the search engine needs. The parameters a sync client
// relies on (_lastUpdated, _lastModified, _id, _sort, _count, _elements, paging) are handled here,
// family by family; every other parameter is parsed by @medplum/core and matched with its FHIRPath
// search-parameter definitions.
import type { Filter, SortRule } from '@medplum/core';
import { getSearchParameter, parseSearchRequest } from '@medplum/core';
import type { BehaviourProfile } from './behaviours';
import { fail } from './outcomes';

/** Half-open range of lastUpdated instants [lo, hiEx). */
export interface InstantRange {
  readonly lo: number;
  readonly hiEx: number;
}

export interface ChainFilter {
  /** The reference search parameter on the searched type (e.g. `subject`). */
  readonly code: string;
  readonly targetTypes: readonly string[];
  /** The query run against each target type (e.g. `name=smith`). */
  readonly targetQuery: string;
}

export type SearchOrder = 'creation' | 'lu-asc' | 'lu-desc' | { readonly rules: readonly SortRule[] };

export interface SearchQuery {
  readonly type: string;
  readonly lastUpdated: InstantRange | null;
  readonly ids: readonly string[] | null;
  readonly filters: readonly Filter[];
  readonly chains: readonly ChainFilter[];
  readonly order: SearchOrder;
  readonly count: number;
  readonly offset: number | null;
  readonly cursor: string | null;
  readonly elements: readonly string[] | null;
  readonly total: boolean;
  readonly summaryCount: boolean;
  /** Parameters that decide which resources match, in request order (cache key, next links). */
  readonly matchParams: readonly (readonly [string, string])[];
  /** matchParams plus presentation parameters (_elements, _total...), for next links. */
  readonly linkParams: readonly (readonly [string, string])[];
}

const PAGING = new Set(['_count', '_offset', '_cursor', '_getpages', '_getpagesoffset', '_bundletype', '_page']);
const PRESENTATION = new Set(['_elements', '_total', '_summary', '_format', '_pretty']);
const UNSUPPORTED = new Set([
  '_include',
  '_revinclude',
  '_has',
  '_contained',
  '_containedType',
  '_text',
  '_content',
  '_list',
  '_query',
  '_filter',
]);

const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/** The instants a FHIR date/dateTime/instant value stands for, at its precision. */
export function instantRange(value: string): InstantRange | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, tz] = m;
  const year = Number(y);
  if (mo === undefined) return { lo: Date.UTC(year, 0, 1), hiEx: Date.UTC(year + 1, 0, 1) };
  const month = Number(mo) - 1;
  if (d === undefined) return { lo: Date.UTC(year, month, 1), hiEx: Date.UTC(year, month + 1, 1) };
  const day = Number(d);
  if (h === undefined) return { lo: Date.UTC(year, month, day), hiEx: Date.UTC(year, month, day + 1) };
  let offsetMs = 0;
  if (tz && tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    offsetMs = sign * (Number(tz.slice(1, 3)) * 60 + Number(tz.slice(4, 6))) * 60_000;
  }
  const ms = frac === undefined ? 0 : Number(frac.padEnd(3, '0').slice(0, 3));
  const lo = Date.UTC(year, month, day, Number(h), Number(mi), Number(s ?? 0), ms) - offsetMs;
  const width = frac !== undefined ? 1 : s !== undefined ? 1000 : 60_000;
  return { lo, hiEx: lo + width };
}

function applyDatePrefix(range: InstantRange, raw: string, param: string): InstantRange {
  const m = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(.*)$/.exec(raw)!;
  const prefix = m[1] ?? 'eq';
  const value = instantRange(m[2]!);
  if (!value) fail(400, 'invalid', `Invalid date in ${param}: "${raw}"`, param);
  let lo = range.lo;
  let hiEx = range.hiEx;
  switch (prefix) {
    case 'eq':
    case 'ap':
      lo = Math.max(lo, value.lo);
      hiEx = Math.min(hiEx, value.hiEx);
      break;
    case 'ge':
      lo = Math.max(lo, value.lo);
      break;
    case 'gt':
    case 'sa':
      lo = Math.max(lo, value.hiEx);
      break;
    case 'le':
      hiEx = Math.min(hiEx, value.hiEx);
      break;
    case 'lt':
    case 'eb':
      hiEx = Math.min(hiEx, value.lo);
      break;
    default:
      fail(400, 'not-supported', `Prefix "${prefix}" is not supported for ${param} by the test iCDR`, param);
  }
  return { lo, hiEx };
}

function intParam(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    fail(400, 'invalid', `${name} must be a non-negative integer, got "${value}"`, name);
  return n;
}

function unknown(profile: BehaviourProfile, type: string, key: string, why = 'Unknown search parameter'): void {
  if (profile.unknownSearchParams === 'error') fail(400, 'not-supported', `${why}: ${key} (on ${type})`, key);
}

export function parseSearchQuery(
  type: string,
  params: Iterable<[string, string]>,
  profile: BehaviourProfile,
): SearchQuery {
  let lastUpdated: InstantRange | null = null;
  let ids: string[] | null = null;
  const filters: Filter[] = [];
  const chains: ChainFilter[] = [];
  let order: SearchOrder = 'creation';
  let count = profile.defaultCount;
  let offset: number | null = null;
  let cursor: string | null = null;
  let elements: string[] | null = null;
  let total: boolean = profile.totalByDefault;
  let summaryCount = false;
  const matchParams: [string, string][] = [];
  const linkParams: [string, string][] = [];

  for (const [key, value] of params) {
    const code = key.split(':')[0]!;
    if (PAGING.has(code)) {
      if (code === '_count') count = Math.min(intParam(value, '_count'), profile.maxCount);
      else if (code === '_offset') offset = intParam(value, '_offset');
      else if (code === '_cursor') cursor = value;
      continue;
    }
    if (PRESENTATION.has(code)) {
      linkParams.push([key, value]);
      if (code === '_elements')
        elements = value
          .split(',')
          .map((e) => e.trim())
          .filter(Boolean);
      else if (code === '_total') total = value === 'accurate' || value === 'estimate';
      else if (code === '_summary' && value === 'count') summaryCount = true;
      continue;
    }
    if (code === '_' || code === '_since') continue;
    matchParams.push([key, value]);
    linkParams.push([key, value]);

    if (code === '_lastUpdated' || code === '_lastModified') {
      const honoured = code === '_lastUpdated' ? profile.lastUpdatedSearch : profile.lastModifiedSearch;
      if (honoured) lastUpdated = applyDatePrefix(lastUpdated ?? { lo: -Infinity, hiEx: Infinity }, value, code);
      else if (code === '_lastModified') unknown(profile, type, key);
      // _lastUpdated on SanteDB: advertised, accepted, silently ignored.
    } else if (code === '_id') {
      const list = value.split(',').filter(Boolean);
      ids = ids ? ids.filter((id) => list.includes(id)) : list;
    } else if (code === '_sort') {
      if (profile.sort) order = parseSort(type, value, profile);
    } else if (UNSUPPORTED.has(code)) {
      unknown(profile, type, key, 'Search parameter not supported by the test iCDR');
    } else if (key.includes('.')) {
      const chain = parseChain(type, key, value);
      if (chain) chains.push(chain);
      else unknown(profile, type, key, 'Unsupported chained search');
    } else if (getSearchParameter(type, code)) {
      const parsed = parseSearchRequest(type, { [key]: value });
      filters.push(...(parsed.filters ?? []));
    } else {
      unknown(profile, type, key);
    }
  }
  return {
    type,
    lastUpdated,
    ids,
    filters,
    chains,
    order,
    count,
    offset,
    cursor,
    elements,
    total,
    summaryCount,
    matchParams,
    linkParams,
  };
}

function parseSort(type: string, value: string, profile: BehaviourProfile): SearchOrder {
  const rules: SortRule[] = value
    .split(',')
    .filter(Boolean)
    .map((field) => (field.startsWith('-') ? { code: field.slice(1), descending: true } : { code: field }));
  const first = rules[0];
  if (rules.length === 1 && first?.code === '_lastUpdated') return first.descending ? 'lu-desc' : 'lu-asc';
  for (const rule of rules) {
    if (rule.code !== '_id' && rule.code !== '_lastUpdated' && !getSearchParameter(type, rule.code)) {
      unknown(profile, type, `_sort=${rule.code}`, 'Unknown sort parameter');
    }
  }
  return { rules };
}

/** `subject:Patient.name=x` or `patient.organization=Organization/1` (one level). */
function parseChain(type: string, key: string, value: string): ChainFilter | null {
  const dot = key.indexOf('.');
  const [code, modifierType] = key.slice(0, dot).split(':');
  const rest = key.slice(dot + 1);
  if (!code || rest.includes('.')) return null;
  const param = getSearchParameter(type, code);
  if (param?.type !== 'reference') return null;
  const targetTypes = modifierType ? [modifierType] : (param.target ?? []).map(String);
  const restCode = rest.split(':')[0]!;
  const usable = targetTypes.filter((t) => restCode === '_id' || getSearchParameter(t, restCode));
  if (usable.length === 0) return null;
  return { code, targetTypes: usable, targetQuery: `${rest}=${encodeURIComponent(value)}` };
}
