/**
 * Patient search: names (prefix, folded, phonetic), clinic number, national ID and phone in
 * one box, combined with birth-year and sex filters. Every word must match; results are
 * ranked by how closely they match (exact, then prefix, then sound-alike, then by spelling
 * distance), then by name.
 */
import { patientQuerySchema, type PatientQuery, type PatientSearchResult } from '../../src-shared/domain/patient';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { editDistance, nameTokens, phoneticKey } from './name-keys';
import { identifierKey, phoneKey } from './search-keys';
import { patientToSummary } from './fhir-patient';

// Past this the next character of any script sorts lower, so [t, t + MAX) is "starts with t".
const PREFIX_END = '\u{10FFFF}';
/** Candidates re-ranked by spelling distance; beyond this a page is ordered by class and name. */
const RERANK_WINDOW = 200;
const MAX_TERMS = 6;

interface Term {
  sql: string;
  params: (string | number)[];
  /** For names: the folded word, to rank candidates by spelling distance. */
  word?: string;
}

function nameTerm(token: string): Term {
  const phonetic = phoneticKey(token);
  const parts = ['SELECT resource_pk AS pk, 0 AS s FROM patient_name_tokens WHERE token = ?'];
  const params: (string | number)[] = [token];
  // One letter would match a large share of the registry as a prefix; it matches whole names only.
  if (token.length >= 2) {
    parts.push('SELECT resource_pk, 1 FROM patient_name_tokens WHERE token > ? AND token < ?');
    params.push(token, token + PREFIX_END);
  }
  parts.push('SELECT resource_pk, 2 FROM patient_name_tokens WHERE phonetic = ?');
  params.push(phonetic);
  // Sound-alike while still typing: "nakkat" reaches Nakato through the skeleton "nkt".
  if (token.length >= 4 && phonetic.length >= 3) {
    parts.push('SELECT resource_pk, 3 FROM patient_name_tokens WHERE phonetic > ? AND phonetic < ?');
    params.push(phonetic, phonetic + PREFIX_END);
  }
  return { sql: parts.join(' UNION ALL '), params, word: token };
}

function keyTerm(raw: string): Term {
  const id = identifierKey(raw);
  const parts = ["SELECT resource_pk AS pk, 0 AS s FROM patient_keys WHERE value = ? AND kind <> 'phone'"];
  const params: (string | number)[] = [id];
  if (id.length >= 3) {
    parts.push("SELECT resource_pk, 1 FROM patient_keys WHERE value > ? AND value < ? AND kind <> 'phone'");
    params.push(id, id + PREFIX_END);
  }
  const digits = raw.replace(/\D/g, '');
  if (digits.length >= 6 && digits.length === raw.replace(/[\s()+-]/g, '').length) {
    const phone = phoneKey(digits);
    parts.push("SELECT resource_pk, 1 FROM patient_keys WHERE kind = 'phone' AND value >= ? AND value < ?");
    params.push(phone, phone + PREFIX_END);
  }
  return { sql: parts.join(' UNION ALL '), params };
}

/** Splits the box's text into terms: a phone number typed with spaces stays one term. */
export function parseTerms(text: string): Term[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (/^\+?[\d\s()-]+$/.test(trimmed) && trimmed.replace(/\D/g, '').length >= 4) return [keyTerm(trimmed)];
  // A clinic number read aloud and typed with spaces: "KX7Q 000123 8".
  if (/^[\p{L}\p{N}]{4}[\s-]+\d{6,}[\s-]+\d$/u.test(trimmed)) return [keyTerm(trimmed)];
  const terms: Term[] = [];
  for (const word of trimmed.split(/\s+/)) {
    const tokens = nameTokens(word);
    if (!/\p{N}/u.test(word)) for (const token of tokens) terms.push(nameTerm(token));
    else if (/\p{L}/u.test(word) && tokens.length === 1) {
      // Letters and digits: an identifier, or a name that carries digits (Synthea's "Bibi254").
      const key = keyTerm(word);
      const name = nameTerm(tokens[0]!);
      terms.push({ sql: `${key.sql} UNION ALL ${name.sql}`, params: [...key.params, ...name.params], word: name.word });
    } else terms.push(keyTerm(word));
  }
  return terms.slice(0, MAX_TERMS);
}

interface Row {
  pk: number;
  score: number;
  /** patient_index.sort_name: the folded "family given" of the primary name. */
  sortName: string;
}

/**
 * Ranks on the index's folded name rather than the stored JSON: reading and parsing the
 * resource of every candidate was most of the cost of a search in a large registry.
 */
function closeness(words: string[], sortName: string): number {
  const tokens = nameTokens(sortName);
  let total = 0;
  for (const word of words) {
    let best = word.length;
    for (const token of tokens) {
      // A prefix of a longer name is as close as it gets while typing.
      const d = token.startsWith(word) ? 0 : editDistance(word, token);
      if (d < best) best = d;
    }
    total += best;
  }
  return total;
}

export function searchPatients(sqlite: Sqlite, input: PatientQuery): PatientSearchResult {
  const query = patientQuerySchema.parse(input);
  const terms = parseTerms(query.text);
  const filters: string[] = [];
  const filterParams: (string | number)[] = [];
  if (query.birthYear !== null) {
    filters.push('pi.birth_year = ?');
    filterParams.push(query.birthYear);
  }
  if (query.sex !== null) {
    filters.push('pi.sex = ?');
    filterParams.push(query.sex);
  }
  const where = filters.length > 0 ? `WHERE ${filters.join(' AND ')}` : '';
  const want = query.offset + query.limit + 1;

  let rows: Row[];
  if (terms.length === 0) {
    // No words: the most recently registered or changed patients first.
    // r.type lets SQLite walk the (type, updated_at) index backwards and stop at the page,
    // instead of sorting the whole registry.
    rows = stmt(
      sqlite,
      `SELECT r.pk, 0 AS score, pi.sort_name AS sortName FROM resources r JOIN patient_index pi ON pi.resource_pk = r.pk
       WHERE r.type = 'Patient' AND r.deleted = 0${filters.map((f) => ` AND ${f}`).join('')}
       ORDER BY r.updated_at DESC, r.pk DESC LIMIT ?`,
    ).all(...filterParams, want) as Row[];
  } else {
    const ctes = terms.map((t, i) => `t${i} AS (SELECT pk, min(s) AS s FROM (${t.sql}) GROUP BY pk)`);
    const joins = terms.slice(1).map((_, i) => `CROSS JOIN t${i + 1} ON t${i + 1}.pk = t0.pk`);
    const score = terms.map((_, i) => `t${i}.s`).join(' + ');
    // Candidates are ordered from the index tables alone; resources are read for the page only.
    // Deleted resources have no index rows (markDeleted removes them), so none is a candidate.
    // CROSS JOIN fixes the order: intersect the words first, then read patient_index for the
    // survivors only (SQLite otherwise read it for every patient matching the first word).
    const sql = `WITH ${ctes.join(', ')}
      SELECT t0.pk AS pk, ${score} AS score, pi.sort_name AS sortName FROM t0 ${joins.join(' ')}
      CROSS JOIN patient_index pi ON pi.resource_pk = t0.pk
      ${where}
      ORDER BY score, pi.sort_name, t0.pk LIMIT ?`;
    const window = Math.max(want, RERANK_WINDOW);
    rows = stmt(sqlite, sql).all(...terms.flatMap((t) => t.params), ...filterParams, window) as Row[];
    const words = terms.flatMap((t) => (t.word ? [t.word] : []));
    if (words.length > 0) {
      const ranked = rows.map((row, order) => ({
        row,
        order,
        close: closeness(words, row.sortName),
      }));
      // Class first (exact < prefix < sound-alike), then spelling distance; stable otherwise.
      ranked.sort((a, b) => a.row.score - b.row.score || a.close - b.close || a.order - b.order);
      rows = ranked.map((r) => r.row);
    }
    rows = rows.slice(0, want);
  }

  const page = rows.slice(query.offset, query.offset + query.limit);
  const read = stmt(sqlite, 'SELECT id, json FROM resources WHERE pk = ? AND deleted = 0');
  return {
    items: page.flatMap((row) => {
      const found = read.get(row.pk) as { id: string; json: string } | undefined;
      return found ? [patientToSummary(found.id, JSON.parse(found.json) as Patient)] : [];
    }),
    hasMore: rows.length > query.offset + query.limit,
  };
}
