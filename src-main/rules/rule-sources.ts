/**
 * Where rule packs come from, and which one wins. The shipped packs (resources/validation-rules,
 * Bundles of StructureDefinitions) make a new install check entries before its first sync; the
 * iCDR's packs (StructureDefinitions tagged validation-rules, pulled by sync) add to them. A
 * central pack with the same url as a shipped one replaces it when its version is the same or
 * newer: the centre decides, but an old central copy never undoes a newer shipped pack.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleProblem } from '../../src-shared/domain/rules';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { compareVersions, isRulePack, LIMITS, parseRulePack, type RulePack } from './rule-pack';

export const DEFAULT_RULES_FOLDER = 'validation-rules';

export interface LoadedPacks {
  packs: RulePack[];
  problems: RuleProblem[];
}

function collect(into: LoadedPacks, parsed: ReturnType<typeof parseRulePack>): void {
  into.problems.push(...parsed.problems);
  if (parsed.pack) into.packs.push(parsed.pack);
}

export function loadDefaultPacks(resourcesDir: string): LoadedPacks {
  const out: LoadedPacks = { packs: [], problems: [] };
  const folder = join(resourcesDir, DEFAULT_RULES_FOLDER);
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.json'));
  } catch {
    return out;
  }
  for (const file of files.sort()) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    } catch {
      out.problems.push({
        source: 'default',
        packTitle: file,
        key: null,
        message: 'This rule file shipped with Kliniki could not be read.',
      });
      continue;
    }
    const bundle = json as { resourceType?: unknown; entry?: { resource?: unknown }[] };
    const resources = bundle.resourceType === 'Bundle' ? (bundle.entry ?? []).map((e) => e.resource) : [json];
    for (const resource of resources) {
      collect(out, parseRulePack(resource, { source: 'default', receivedAt: null, where: file }));
    }
  }
  return out;
}

/** Cheap signature of the StructureDefinitions held: the rules are re-read only when it moves. */
export function centralChangeKey(sqlite: Sqlite): string {
  const row = stmt(
    sqlite,
    `SELECT count(*) AS n, max(updated_at) AS at, max(pk) AS pk, sum(rev) AS revs FROM resources WHERE type = 'StructureDefinition'`,
  ).get() as { n: number; at: string | null; pk: number | null; revs: number | null };
  return `${row.n}:${row.at ?? ''}:${row.pk ?? 0}:${row.revs ?? 0}`;
}

export function loadCentralPacks(sqlite: Sqlite): LoadedPacks {
  const out: LoadedPacks = { packs: [], problems: [] };
  const rows = stmt(
    sqlite,
    `SELECT id, json, updated_at FROM resources WHERE type = 'StructureDefinition' AND deleted = 0 ORDER BY pk`,
  ).all() as { id: string; json: string; updated_at: string }[];
  let count = 0;
  for (const row of rows) {
    if (row.json.length > LIMITS.packChars) {
      out.problems.push({
        source: 'central',
        packTitle: row.id,
        key: null,
        message: 'A rule pack from the central registry is too large to be used safely, so it was skipped.',
      });
      continue;
    }
    const resource = JSON.parse(row.json) as unknown;
    if (!isRulePack(resource)) continue;
    if (++count > LIMITS.packs) {
      out.problems.push({
        source: 'central',
        packTitle: row.id,
        key: null,
        message: `The central registry sent more than ${LIMITS.packs} rule packs; the rest were skipped.`,
      });
      break;
    }
    collect(out, parseRulePack(resource, { source: 'central', receivedAt: row.updated_at, where: row.id }));
  }
  return out;
}

/** One pack per url: the newest version; on a tie the central registry's. */
export function choosePacks(defaults: RulePack[], central: RulePack[]): RulePack[] {
  const byUrl = new Map<string, RulePack>();
  for (const pack of [...defaults, ...central]) {
    const held = byUrl.get(pack.url);
    if (!held || compareVersions(pack.version, held.version) >= 0) byUrl.set(pack.url, pack);
  }
  return [...byUrl.values()];
}
