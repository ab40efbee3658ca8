/**
 * Name search at one database size: the same queries straight through searchPatients and
 * through core.invoke('patients:search') (input validation, session check, result wrapping),
 * beside a plain primary-key read that makes the numbers comparable across machines.
 */
import type { Core } from '../src-main/core';
import type { Sqlite } from '../src-main/store/client';
import { searchPatients } from '../src-main/patients/search';
import { createRng } from '../src-main/demo/random';
import { buildQueries, QUERY_KINDS, TARGETED_KINDS, type BenchQuery, type QueryKind } from './queries';
import { summarize, type Summary } from './stats';
import { candidateCount, explainPlan, sqlOnlyMs } from './explain';

export interface KindResult {
  direct: Summary;
  invoke: Summary;
  /** The SQL statement alone, without JSON parsing, re-ranking and summaries. */
  sqlOnly: Summary;
  /** Share of queries whose patient is on the first page (20); null where many are right. */
  hitRate: number | null;
  /** Mean number of patients matching every word (rows the ORDER BY must sort). */
  meanCandidates: number;
  /** Example query and its plan, for the report. */
  example: string;
  plan: string[];
}

export interface SearchResult {
  queries: number;
  baseline: Summary;
  all: { direct: Summary; invoke: Summary };
  kinds: Record<QueryKind, KindResult>;
}

const WARMUP = 60;

function baselineSamples(sqlite: Sqlite, count: number, seed: number): number[] {
  const rng = createRng(seed);
  const range = sqlite.prepare('SELECT min(pk) AS lo, max(pk) AS hi FROM resources').get() as {
    lo: number;
    hi: number;
  };
  const get = sqlite.prepare('SELECT json FROM resources WHERE pk = ?');
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const pk = rng.int(range.lo, range.hi);
    const start = performance.now();
    get.get(pk);
    samples.push(performance.now() - start);
  }
  return samples;
}

export async function ensureSession(core: Core, credentials: { username: string; password: string }): Promise<void> {
  const status = await core.invoke('app:get-status', {});
  if (status.ok && (status.value as { session: unknown }).session) return;
  const unlocked = await core.invoke('auth:unlock', credentials);
  if (!unlocked.ok) throw new Error(`Could not unlock the benchmark session: ${unlocked.error.message}`);
}

export async function benchSearch(
  core: Core,
  options: { perKind: number; seed: number; credentials: { username: string; password: string } },
): Promise<SearchResult> {
  const sqlite = core.store.sqlite;
  const queries = buildQueries(sqlite, createRng(options.seed), options.perKind);

  // Warm the statement cache and the pages a clinic's first searches of the day would load.
  for (const q of queries.slice(0, WARMUP)) searchPatients(sqlite, { text: q.text });

  const direct: number[] = [];
  const hits: boolean[] = [];
  for (const q of queries) {
    const start = performance.now();
    const result = searchPatients(sqlite, { text: q.text });
    direct.push(performance.now() - start);
    hits.push(result.items.some((p) => p.id === q.targetId));
  }

  await ensureSession(core, options.credentials);
  const viaInvoke: number[] = [];
  for (const q of queries) {
    const start = performance.now();
    const result = await core.invoke('patients:search', { text: q.text });
    viaInvoke.push(performance.now() - start);
    if (!result.ok)
      throw new Error(`patients:search failed during the benchmark: ${result.error.code} ${result.error.message}`);
  }

  const sqlOnly = queries.map((q) => sqlOnlyMs(sqlite, q.text));
  const baseline = baselineSamples(sqlite, queries.length, options.seed + 1);

  const pick = <T>(values: T[], kind: QueryKind) => values.filter((_, i) => queries[i]!.kind === kind);
  const kinds = {} as Record<QueryKind, KindResult>;
  for (const kind of QUERY_KINDS) {
    const ofKind: BenchQuery[] = pick(queries, kind);
    // Counting every candidate is itself a full evaluation; a sample of 30 shows the scale.
    const counted = ofKind.slice(0, 30).map((q) => candidateCount(sqlite, q.text));
    const kindHits = pick(hits, kind);
    kinds[kind] = {
      direct: summarize(pick(direct, kind)),
      invoke: summarize(pick(viaInvoke, kind)),
      sqlOnly: summarize(pick(sqlOnly, kind)),
      hitRate: TARGETED_KINDS.has(kind) ? kindHits.filter(Boolean).length / kindHits.length : null,
      meanCandidates: Math.round(counted.reduce((s, n) => s + n, 0) / Math.max(1, counted.length)),
      example: ofKind[0]?.text ?? '',
      plan: ofKind[0] ? explainPlan(sqlite, ofKind[0].text) : [],
    };
  }
  return {
    queries: queries.length,
    baseline: summarize(baseline),
    all: { direct: summarize(direct), invoke: summarize(viaInvoke) },
    kinds,
  };
}
