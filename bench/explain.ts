/**
 * Looking inside a search: the candidate SQL that searchPatients runs (rebuilt here the same
 * way as in src-main/patients/search.ts, without filters; keep the two in step), its query
 * plan, how many patients match before the page is cut, and how long the SQL alone takes.
 * This says WHY a kind is slow.
 */
import type { Sqlite } from '../src-main/store/client';
import { parseTerms } from '../src-main/patients/search';
import { stmt } from '../src-main/store/statements';

const RERANK_WINDOW = 200;

const PAGE = 20;

interface BuiltSql {
  sql: string;
  countSql: string;
  /** Parameters before the final LIMIT. */
  params: (string | number)[];
  limit: number;
}

/** Mirrors searchPatients' candidate statement for a text without birth-year or sex filters. */
export function searchSql(text: string): BuiltSql {
  const terms = parseTerms(text);
  if (terms.length === 0) {
    return {
      sql: `SELECT r.pk, 0 AS score, pi.sort_name AS sortName FROM resources r JOIN patient_index pi ON pi.resource_pk = r.pk
       WHERE r.type = 'Patient' AND r.deleted = 0 ORDER BY r.updated_at DESC, r.pk DESC LIMIT ?`,
      countSql: 'SELECT count(*) AS n FROM patient_index',
      params: [],
      limit: PAGE + 1,
    };
  }
  const ctes = terms.map((t, i) => `t${i} AS (SELECT pk, min(s) AS s FROM (${t.sql}) GROUP BY pk)`);
  const joins = terms.slice(1).map((_, i) => `CROSS JOIN t${i + 1} ON t${i + 1}.pk = t0.pk`);
  const score = terms.map((_, i) => `t${i}.s`).join(' + ');
  const from = `FROM t0 ${joins.join(' ')} CROSS JOIN patient_index pi ON pi.resource_pk = t0.pk`;
  return {
    sql: `WITH ${ctes.join(', ')} SELECT t0.pk AS pk, ${score} AS score, pi.sort_name AS sortName ${from} ORDER BY score, pi.sort_name, t0.pk LIMIT ?`,
    countSql: `WITH ${ctes.join(', ')} SELECT count(*) AS n ${from}`,
    params: terms.flatMap((t) => t.params),
    limit: RERANK_WINDOW,
  };
}

export function explainPlan(sqlite: Sqlite, text: string): string[] {
  const built = searchSql(text);
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${built.sql}`).all(...built.params, built.limit) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? 0) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d - 1)}${r.detail}`;
  });
}

/** Patients matching every word, before the page is cut: the rows the sort has to order. */
export function candidateCount(sqlite: Sqlite, text: string): number {
  const built = searchSql(text);
  return (sqlite.prepare(built.countSql).get(...built.params) as { n: number }).n;
}

/** The candidate SQL alone (no re-ranking, no reading of the page's records), in ms. */
export function sqlOnlyMs(sqlite: Sqlite, text: string): number {
  const built = searchSql(text);
  // Prepared once per connection, like the core's statements (the benchmark reopens the file).
  const statement = stmt(sqlite, built.sql);
  const start = performance.now();
  statement.all(...built.params, built.limit);
  return performance.now() - start;
}
