// Finds the live resources matching a SearchQuery, in the requested order.
// Cost: an unfiltered `_lastUpdated` range is two binary searches on the (lu, seq) index; other
// filters parse and match each candidate once, and the ordered result is cached until the next
// write, so paging through 120k resources is one scan, not one scan per page.
import type { SortRule } from '@medplum/core';
import { evalFhirPath, getSearchParameter, matchesSearchRequest } from '@medplum/core';
import type { Resource, ResourceType } from '@medplum/fhirtypes';
import type { BehaviourProfile } from './behaviours';
import { parseSearchQuery, type ChainFilter, type SearchQuery } from './search-query';
import { upperBound, type ResourceStore, type VersionRecord } from './store';

interface CacheEntry {
  readonly version: number;
  readonly list: readonly VersionRecord[];
}

const CACHE_SIZE = 32;

export class SearchEngine {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly store: ResourceStore) {}

  clear(): void {
    this.cache.clear();
  }

  matches(query: SearchQuery, profile: BehaviourProfile): readonly VersionRecord[] {
    const key = `${profile.name}|${query.type}?${query.matchParams.map(([k, v]) => `${k}=${v}`).join('&')}`;
    const hit = this.cache.get(key);
    if (hit && hit.version === this.store.version) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit.list;
    }
    const list = this.compute(query, profile);
    this.cache.set(key, { version: this.store.version, list });
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return list;
  }

  private compute(query: SearchQuery, profile: BehaviourProfile): VersionRecord[] {
    const { store } = this;
    const { type, lastUpdated: range } = query;
    const byLu = query.order === 'lu-asc' || query.order === 'lu-desc';
    let candidates: VersionRecord[];
    let rangeApplied = false;

    const identifier = identifierKey(query);
    const someIds = query.ids ?? (identifier === null ? null : store.idsByIdentifier(type, identifier));
    if (someIds) {
      candidates = [...new Set(someIds)].map((id) => store.liveRecord(type, id)).filter((r) => r !== undefined);
      candidates.sort(
        byLu ? (a, b) => a.lu - b.lu || a.seq - b.seq : (a, b) => this.createdSeq(a) - this.createdSeq(b),
      );
    } else if (byLu) {
      const ordered = store.liveByLastUpdated(type);
      const from = range ? upperBound(ordered, range.lo, -1) : 0;
      const to = range ? upperBound(ordered, range.hiEx, -1) : ordered.length;
      candidates = ordered.slice(from, Math.max(from, to));
      rangeApplied = true;
    } else {
      candidates = [...store.liveOf(type).values()];
    }

    if (range && !rangeApplied) candidates = candidates.filter((r) => r.lu >= range.lo && r.lu < range.hiEx);

    const chainSets = query.chains.map((chain) => this.resolveChain(type, chain, profile));
    if (query.filters.length || chainSets.length) {
      const request = { resourceType: type as ResourceType, filters: [...query.filters] };
      candidates = candidates.filter((rec) => {
        const resource = JSON.parse(rec.json!) as Resource;
        if (query.filters.length && !matchesSearchRequest(resource, request)) return false;
        return chainSets.every(({ expression, targets }) =>
          referencesOf(resource, expression).some((r) => targets.has(r)),
        );
      });
    }

    if (query.order === 'lu-desc') candidates.reverse();
    else if (typeof query.order === 'object') candidates = sortByRules(candidates, query.order.rules);
    return candidates;
  }

  private createdSeq(rec: VersionRecord): number {
    return this.store.versionsOf(rec.type, rec.id)[0]?.seq ?? rec.seq;
  }

  private resolveChain(
    type: string,
    chain: ChainFilter,
    profile: BehaviourProfile,
  ): { expression: string; targets: Set<string> } {
    const targets = new Set<string>();
    for (const targetType of chain.targetTypes) {
      const sub = parseSearchQuery(targetType, new URLSearchParams(chain.targetQuery), profile);
      for (const rec of this.matches(sub, profile)) targets.add(`${rec.type}/${rec.id}`);
    }
    return { expression: getSearchParameter(type, chain.code)?.expression ?? chain.code, targets };
  }
}

/** An `identifier=[system|]value` filter answerable from the identifier index (then re-checked). */
function identifierKey(query: SearchQuery): string | null {
  const filter = query.filters.find((f) => f.code === 'identifier' && f.operator === 'eq' && !f.value.includes(','));
  if (!filter) return null;
  const bar = filter.value.indexOf('|');
  if (bar < 0) return filter.value;
  const system = filter.value.slice(0, bar);
  const value = filter.value.slice(bar + 1);
  if (!value) return null;
  return system ? `${system}|${value}` : value;
}

function referencesOf(resource: Resource, expression: string): string[] {
  const out: string[] = [];
  for (const value of evalFhirPath(expression, resource)) {
    const ref = (value as { reference?: unknown } | null)?.reference;
    if (typeof ref === 'string') out.push(ref);
  }
  return out;
}

function sortByRules(records: VersionRecord[], rules: readonly SortRule[]): VersionRecord[] {
  const decorated = records.map((rec) => {
    const resource = JSON.parse(rec.json!) as Resource;
    const keys = rules.map((rule) => {
      if (rule.code === '_id') return rec.id;
      if (rule.code === '_lastUpdated') return rec.lastUpdated;
      const expression = getSearchParameter(rec.type, rule.code)?.expression;
      return expression ? JSON.stringify(evalFhirPath(expression, resource)) : '';
    });
    return { rec, keys };
  });
  decorated.sort((a, b) => {
    for (let i = 0; i < rules.length; i++) {
      const cmp = (a.keys[i] ?? '').localeCompare(b.keys[i] ?? '');
      if (cmp !== 0) return rules[i]!.descending ? -cmp : cmp;
    }
    return a.rec.seq - b.rec.seq;
  });
  return decorated.map((d) => d.rec);
}

/** Conditional-operation lookups (If-None-Exist, conditional references): at most `limit` matches. */
export function findByCriteria(
  engine: SearchEngine,
  type: string,
  criteria: string,
  profile: BehaviourProfile,
  limit = 2,
): readonly VersionRecord[] {
  const params = new URLSearchParams(criteria.startsWith('?') ? criteria.slice(1) : criteria);
  const query = parseSearchQuery(type, params, { ...profile, unknownSearchParams: 'error' });
  if (!query.filters.length && !query.ids && !query.chains.length && !query.lastUpdated) {
    return [];
  }
  return engine.matches(query, profile).slice(0, limit);
}
