/**
 * The search queries of the benchmark, drawn from patients actually in the database so that
 * each has a known right answer: what a nurse types at the front desk.
 */
import type { Patient } from '../src-shared/fhir/types';
import type { Sqlite } from '../src-main/store/client';
import { patientToSummary } from '../src-main/patients/fhir-patient';
import { misspell } from '../src-main/demo/names';
import type { Rng } from '../src-main/demo/random';

export const QUERY_KINDS = [
  'full-name',
  'family-name',
  'prefix',
  'misspelled',
  'phone-suffix',
  'clinic-number',
  // The empty box: the most recently seen patients, what the search page shows before typing.
  'recent-list',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Kinds with one right answer, where "is the patient on the first page" is meaningful. */
export const TARGETED_KINDS: ReadonlySet<QueryKind> = new Set([
  'full-name',
  'misspelled',
  'phone-suffix',
  'clinic-number',
]);

export interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** The patient the query was made from. */
  targetId: string;
}

interface Sampled {
  id: string;
  given: string;
  family: string;
  phone: string | null;
  clinicNumber: string;
}

function samplePatient(sqlite: Sqlite, rng: Rng, range: { lo: number; hi: number }): Sampled {
  const get = sqlite.prepare(
    "SELECT r.id, r.json FROM patient_index pi JOIN resources r ON r.pk = pi.resource_pk WHERE pi.resource_pk = ? AND r.deleted = 0 AND r.type = 'Patient'",
  );
  for (;;) {
    const row = get.get(rng.int(range.lo, range.hi)) as { id: string; json: string } | undefined;
    if (!row) continue;
    const summary = patientToSummary(row.id, JSON.parse(row.json) as Patient);
    return {
      id: row.id,
      given: summary.given,
      family: summary.family,
      phone: summary.phone,
      clinicNumber: summary.clinicNumber,
    };
  }
}

function firstWord(text: string): string {
  return text.split(' ')[0] ?? text;
}

function makeQuery(kind: QueryKind, p: Sampled, rng: Rng): string | null {
  switch (kind) {
    case 'full-name':
      return `${firstWord(p.given)} ${p.family}`;
    case 'family-name':
      return p.family;
    case 'prefix': {
      const word = [...(rng.chance(0.5) ? firstWord(p.given) : firstWord(p.family))];
      return word.slice(0, rng.int(2, Math.min(4, word.length))).join('');
    }
    case 'misspelled': {
      const full = `${firstWord(p.given)} ${p.family}`;
      const wrong = misspell(full, rng);
      return wrong === full ? null : wrong;
    }
    case 'phone-suffix': {
      if (!p.phone) return null;
      const digits = p.phone.replace(/\D/g, '');
      return digits.slice(-rng.int(6, Math.min(9, digits.length)));
    }
    case 'clinic-number':
      // Typed as printed, or quickly without dashes in lower case: both must work.
      return rng.chance(0.5) ? p.clinicNumber : p.clinicNumber.replace(/-/g, '').toLowerCase();
    case 'recent-list':
      return '';
  }
}

/** `perKind` queries of every kind, interleaved so no kind runs only while caches are cold. */
export function buildQueries(sqlite: Sqlite, rng: Rng, perKind: number): BenchQuery[] {
  const range = sqlite.prepare('SELECT min(resource_pk) AS lo, max(resource_pk) AS hi FROM patient_index').get() as {
    lo: number;
    hi: number;
  };
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perKind; i++) {
    for (const kind of QUERY_KINDS) {
      for (;;) {
        const patient = samplePatient(sqlite, rng, range);
        const text = makeQuery(kind, patient, rng);
        if (text === null) continue;
        queries.push({ kind, text, targetId: patient.id });
        break;
      }
    }
  }
  return queries;
}
