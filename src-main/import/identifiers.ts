/**
 * Finding a resource by business identifier, for conditional references
 * (`Organization?identifier=https://github.com/synthetichealth/synthea|abc`), conditional
 * creates (`ifNoneExist`) and de-duplication of the Organizations and Practitioners that every
 * Synthea patient file repeats. The dCDR has no identifier index for non-Patient resources,
 * so the few types this concerns are looked up in their JSON; Patients use the search keys.
 */
import type { FhirResource, Identifier } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { identifierKey } from '../patients/search-keys';

export interface IdentifierQuery {
  type: string;
  /** null when the query gave a value without a system: any system matches. */
  system: string | null;
  value: string;
}

const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

/**
 * Parses the search part of a conditional reference or ifNoneExist: `identifier=system|value`
 * (or `identifier=value`, `identifier=|value`). Returns a message in words for anything else,
 * because guessing at another search would risk pointing at the wrong record.
 */
export function parseIdentifierSearch(type: string, search: string): IdentifierQuery | string {
  if (!TYPE.test(type)) return `"${type}" is not a FHIR resource type.`;
  const params = search.split('&').filter((p) => p !== '');
  if (params.length !== 1 || !params[0]!.startsWith('identifier=')) {
    return `only searches by one identifier can be resolved ("${type}?identifier=system|value"), not "${search}".`;
  }
  let raw: string;
  try {
    raw = decodeURIComponent(params[0]!.slice('identifier='.length));
  } catch {
    return `the identifier in "${search}" is not correctly encoded.`;
  }
  const bar = raw.indexOf('|');
  const system = bar < 0 ? null : raw.slice(0, bar) || null;
  const value = bar < 0 ? raw : raw.slice(bar + 1);
  if (value === '') return `the identifier search "${search}" has no value.`;
  return { type, system, value };
}

export function matchesIdentifier(identifiers: Identifier[] | undefined, query: IdentifierQuery): boolean {
  return (identifiers ?? []).some(
    (i) => i.value === query.value && (query.system === null || i.system === query.system),
  );
}

/** The identifiers of a resource that have a value, as queries that would find it. */
export function identifiersOf(resource: FhirResource): IdentifierQuery[] {
  const identifiers = Array.isArray(resource.identifier) ? (resource.identifier as Identifier[]) : [];
  return identifiers
    .filter((i) => typeof i.value === 'string' && i.value !== '')
    .map((i) => ({
      type: resource.resourceType,
      system: typeof i.system === 'string' && i.system !== '' ? i.system : null,
      value: i.value!,
    }));
}

export function queryKey(query: IdentifierQuery): string {
  return `${query.type}|${query.system ?? ''}|${query.value}`;
}

/**
 * The identifiers of the resources met so far in one bundle. A query with a system must match
 * it; one without matches the value under any system.
 */
export class IdentifierMap {
  private readonly bySystem = new Map<string, string>();
  private readonly byValue = new Map<string, Set<string>>();

  remember(resource: FhirResource, id: string): void {
    for (const query of identifiersOf(resource)) {
      if (query.system !== null && !this.bySystem.has(queryKey(query))) this.bySystem.set(queryKey(query), id);
      const key = `${query.type}|${query.value}`;
      const ids = this.byValue.get(key) ?? new Set<string>();
      ids.add(id);
      this.byValue.set(key, ids);
    }
  }

  find(query: IdentifierQuery): string[] {
    if (query.system !== null) {
      const id = this.bySystem.get(queryKey(query));
      return id ? [id] : [];
    }
    return [...(this.byValue.get(`${query.type}|${query.value}`) ?? [])];
  }
}

/** Ids of stored, non-deleted resources of the type carrying the identifier (at most 2: one is an answer, two is ambiguous). */
export function findStoredByIdentifier(sqlite: Sqlite, query: IdentifierQuery): string[] {
  if (query.type === 'Patient') {
    // Patients can be counted in millions: go through the search keys, then check the system.
    const rows = stmt(
      sqlite,
      "SELECT r.id, r.json FROM patient_keys k JOIN resources r ON r.pk = k.resource_pk WHERE k.value = ? AND k.kind <> 'phone' AND r.deleted = 0",
    ).all(identifierKey(query.value)) as { id: string; json: string }[];
    const ids = rows
      .filter((r) => matchesIdentifier((JSON.parse(r.json) as FhirResource).identifier as Identifier[], query))
      .map((r) => r.id);
    return [...new Set(ids)].slice(0, 2);
  }
  const rows = stmt(
    sqlite,
    `SELECT DISTINCT r.id FROM resources r, json_each(r.json, '$.identifier') i
     WHERE r.type = ? AND r.deleted = 0 AND json_extract(i.value, '$.value') = ?
       AND (? IS NULL OR json_extract(i.value, '$.system') = ?)
     LIMIT 2`,
  ).all(query.type, query.value, query.system, query.system) as { id: string }[];
  return rows.map((r) => r.id);
}
