/**
 * Three-way merge of two edits of one FHIR resource against the version both started from.
 * An element changed on one side only takes that side; changed identically on both, either;
 * changed differently on both, it becomes a conflict a person resolves. Objects are merged
 * element by element; arrays are compared whole, because FHIR list items (names, identifiers,
 * telecoms) have no stable key to pair them by, and a wrong pairing would corrupt a record.
 */
import type { FhirResource } from '../../src-shared/fhir/types';

export interface FieldConflict {
  /** Dotted element path, e.g. `telecom` or `address` or `maritalStatus.text`. */
  path: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

export interface MergeResult {
  /** With every conflict provisionally set to the server's value. */
  merged: FhirResource;
  conflicts: FieldConflict[];
}

type Json = unknown;

function isObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

// The server owns meta (versionId, lastUpdated) and regenerates the narrative.
const SERVER_OWNED = new Set(['meta', 'text']);

function mergeObjects(
  base: Record<string, Json>,
  mine: Record<string, Json>,
  theirs: Record<string, Json>,
  prefix: string,
  conflicts: FieldConflict[],
): Record<string, Json> {
  const out: Record<string, Json> = {};
  const keys = new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(base)]);
  for (const key of keys) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    const b = base[key];
    const m = mine[key];
    const t = theirs[key];
    let value: Json;
    if (prefix === '' && SERVER_OWNED.has(key)) value = t;
    else if (deepEqual(m, t)) value = m;
    else if (deepEqual(b, m)) value = t;
    else if (deepEqual(b, t)) value = m;
    else if (isObject(m) && isObject(t)) value = mergeObjects(isObject(b) ? b : {}, m, t, path, conflicts);
    else {
      conflicts.push({ path, base: b, mine: m, theirs: t });
      value = t;
    }
    if (value !== undefined) out[key] = value;
  }
  return out;
}

export function threeWayMerge(base: FhirResource, mine: FhirResource, theirs: FhirResource): MergeResult {
  const conflicts: FieldConflict[] = [];
  const merged = mergeObjects(base, mine, theirs, '', conflicts) as FhirResource;
  return { merged, conflicts };
}

/** Applies a person's choices: for each conflicting path, keep mine or theirs. */
export function resolveConflicts(
  merged: FhirResource,
  conflicts: FieldConflict[],
  choose: (conflict: FieldConflict) => 'mine' | 'theirs',
): FhirResource {
  const out = structuredClone(merged) as Record<string, Json>;
  for (const conflict of conflicts) {
    const value = choose(conflict) === 'mine' ? conflict.mine : conflict.theirs;
    const parts = conflict.path.split('.');
    let node: Record<string, Json> = out;
    for (const part of parts.slice(0, -1)) {
      if (!isObject(node[part])) node[part] = {};
      node = node[part] as Record<string, Json>;
    }
    const last = parts[parts.length - 1]!;
    if (value === undefined) delete node[last];
    else node[last] = structuredClone(value);
  }
  return out as FhirResource;
}
