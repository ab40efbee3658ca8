/** A rule engine over a real (in-memory) store, with the shipped packs and packs a test adds. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../support/temp-core';
import { DEFAULT_RULES_FOLDER } from '../../../src-main/rules/rule-sources';
import { openStore, type Store } from '../../../src-main/store/client';
import { silentLogger } from '../../../src-main/log/logger';
import { RuleEngine, type CheckItem } from '../../../src-main/rules/rule-engine';
import { DEFAULT_LIMITS, type RunnerLimits } from '../../../src-main/rules/rule-runner';
import { RULES_TAG } from '../../../src-main/rules/rule-pack';
import { createLocalResource } from '../../../src-main/store/resource-repo';
import type { FhirResource } from '../../../src-shared/fhir/types';

export const RESOURCES = join(process.cwd(), 'resources');

export interface EngineFixture {
  store: Store;
  engine: RuleEngine;
  /** Keys of the rules the items fail. */
  failing(...items: CheckItem[]): string[];
  /** Stores a pack as sync would have (a StructureDefinition record). */
  addPack(pack: FhirResource): void;
  close(): void;
}

export function engineFixture(options: { resourcesDir?: string; limits?: Partial<RunnerLimits> } = {}): EngineFixture {
  const store = openStore({ path: ':memory:', key: null });
  const engine = new RuleEngine(
    store.sqlite,
    options.resourcesDir ?? RESOURCES,
    silentLogger,
    options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : undefined,
  );
  return {
    store,
    engine,
    failing: (...items) =>
      engine
        .check(items)
        .map((f) => f.rule.key)
        .sort(),
    addPack: (pack) => createLocalResource(store.sqlite, pack, { userId: null, now: new Date() }),
    close: () => {
      engine.close();
      store.close();
    },
  };
}

export interface ConstraintInput {
  key: string;
  severity?: unknown;
  human?: unknown;
  expression?: unknown;
}

/** A central pack with the given constraints on the root element (or `path`). */
export function pack(
  type: string,
  constraints: ConstraintInput[],
  options: { url?: string; version?: string; path?: string } = {},
): FhirResource {
  const url = options.url ?? `https://moh.example.org/fhir/StructureDefinition/${type.toLowerCase()}-extra`;
  return {
    resourceType: 'StructureDefinition',
    // One record per version: two versions of a pack can sit side by side on the laptop.
    id: `${url.split('/').pop() ?? 'pack'}-${(options.version ?? '1').replace(/[^A-Za-z0-9]/g, '-')}`,
    meta: { tag: [{ ...RULES_TAG }] },
    url,
    version: options.version ?? '1',
    title: `Ministry checks on ${type}`,
    name: `MinistryChecks${type}`,
    status: 'active',
    abstract: false,
    baseDefinition: `http://hl7.org/fhir/StructureDefinition/${type}`,
    kind: 'resource',
    type,
    derivation: 'constraint',
    differential: {
      element: [
        {
          id: options.path ?? type,
          path: options.path ?? type,
          constraint: constraints.map((c) => ({ severity: 'error', human: `Rule ${c.key} says no.`, ...c })),
        },
      ],
    },
  };
}

/** An ISO date `years` years (and `days` days) before today. */
export function yearsAgo(years: number, days = 0): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
}

/** A resources/ folder with only the given rule files (for tests of the shipped-pack loader). */
export function tempResources(files: Record<string, string>): { path: string; remove(): void } {
  const dir = tempDir('kliniki-rules-');
  mkdirSync(join(dir.path, DEFAULT_RULES_FOLDER));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir.path, DEFAULT_RULES_FOLDER, name), text);
  return dir;
}
