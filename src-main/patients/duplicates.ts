/**
 * Duplicate detection: is the person being registered already on file? Candidates come from
 * the search index tables only (sound-alike name parts, national ID, phone, birth date), never
 * a scan of the registry; each is then scored from names, birth date, sex, national ID and
 * phone, and the reasons are kept in words so the nurse sees why a record was offered.
 */
import type { DuplicateCandidate, PatientDraft, Sex } from '../../src-shared/domain/patient';
import type { Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { editDistance, nameTokens, phoneticKey } from './name-keys';
import { identifierKey, phoneKey } from './search-keys';
import { patientToSummary, primaryName } from './fhir-patient';
import { subtractAge } from './validate-draft';

export interface DuplicateProbe {
  given: string;
  family: string;
  sex: Sex;
  /** YYYY-MM-DD, or null when unknown. */
  birthDate: string | null;
  birthEstimated: boolean;
  nationalId: string;
  phone: string;
  village: string;
}

/**
 * What the registration form holds, as far as matching needs it. A half-filled form is fine:
 * a date that is not yet a date is simply not compared.
 */
export function draftToProbe(draft: PatientDraft, now: Date): DuplicateProbe {
  const birth = draft.birth;
  const birthDate =
    birth.kind === 'estimated'
      ? subtractAge(now, birth.years, birth.months)
      : /^\d{4}-\d{2}-\d{2}$/.test(birth.date)
        ? birth.date
        : null;
  return {
    given: draft.given,
    family: draft.family,
    sex: draft.sex,
    birthDate,
    birthEstimated: birth.kind === 'estimated',
    nationalId: draft.nationalId,
    phone: draft.phone,
    village: draft.village,
  };
}

export interface DuplicateOptions {
  /** The record being checked against the others (on demand, from its own page). */
  excludeId?: string | null;
  limit?: number;
}

/** At or above: shown as "likely the same person". */
export const LIKELY_SCORE = 65;
/** Below this a candidate is not shown at all. */
export const POSSIBLE_SCORE = 50;
/** Candidates scored at most; the best name matches first. Bounds the work for common names. */
const CANDIDATE_CAP = 300;
const MAX_NAME_PARTS = 6;
/** Phone numbers compared on their last digits: "+256 772…" and "0772…" are the same line. */
const PHONE_DIGITS = 9;

const WEIGHTS = {
  nationalId: 70,
  nationalIdDiffers: -40,
  phone: 20,
  familyExact: 20,
  familyAlike: 15,
  givenExact: 20,
  givenAlike: 15,
  sameDay: 25,
  // Small on purpose: many people share a common name and a birth year, and a warning shown on
  // every other registration would soon be clicked away unread.
  sameYear: 4,
  nearYear: 2,
  village: 5,
  estimatedNear: 8,
  farApart: -30,
  sameSex: 5,
  otherSex: -20,
} as const;

interface Word {
  /** As written, for the reasons. */
  shown: string;
  token: string;
  phonetic: string;
}

function words(text: string): Word[] {
  const out: Word[] = [];
  for (const shown of text.split(/\s+/)) {
    for (const token of nameTokens(shown)) out.push({ shown, token, phonetic: phoneticKey(token) });
  }
  return out;
}

/** Small spelling slips: one letter in a short name, two in a long one. */
function allowedDistance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

type NameMatch = { kind: 'exact' | 'sound' | 'spelling'; theirs: Word } | null;

function bestMatch(mine: Word, theirs: Word[]): NameMatch {
  let best: NameMatch = null;
  for (const w of theirs) {
    if (w.token === mine.token) return { kind: 'exact', theirs: w };
    if (best?.kind === 'sound') continue;
    if (w.phonetic === mine.phonetic && mine.phonetic.length >= 2) best = { kind: 'sound', theirs: w };
    else if (!best && editDistance(w.token, mine.token) <= allowedDistance(Math.min(w.token.length, mine.token.length)))
      best = { kind: 'spelling', theirs: w };
  }
  return best;
}

function nameReason(part: 'family' | 'given', mine: Word, match: NonNullable<NameMatch>): string {
  if (match.kind === 'exact') return `Same ${part} name: ${match.theirs.shown}`;
  const how = match.kind === 'sound' ? 'sound alike' : 'are spelled alike';
  return `Names ${how}: ${mine.shown} ~ ${match.theirs.shown}`;
}

function year(date: string | null): number | null {
  const y = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isFinite(y) ? y : null;
}

function lastDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^0+/, '');
  return digits.slice(-PHONE_DIGITS);
}

interface Scored {
  score: number;
  reasons: string[];
}

/** Scores one stored patient against the probe; exported for tests of the weights. */
export function scoreCandidate(probe: DuplicateProbe, patient: Patient, phones: string[]): Scored {
  let score = 0;
  const reasons: string[] = [];

  const summary = patientToSummary('', patient);
  const nationalId = summary.nationalId ?? '';
  const mineId = identifierKey(probe.nationalId);
  if (mineId !== '' && nationalId !== '') {
    if (identifierKey(nationalId) === mineId) {
      score += WEIGHTS.nationalId;
      reasons.push('Same national ID');
    } else score += WEIGHTS.nationalIdDiffers;
  }

  const mine = lastDigits(probe.phone);
  if (mine.length >= 7 && phones.some((p) => lastDigits(p) === mine)) {
    score += WEIGHTS.phone;
    reasons.push('Same phone number');
  }

  // Every name the record carries counts (a maiden name, a nickname), and each is used once.
  const { given, family } = primaryName(patient);
  const extra = (patient.name ?? []).flatMap((n) => [...(n.given ?? []), n.family ?? '']).join(' ');
  const theirs = words(`${given} ${family} ${extra}`).filter(
    (w, i, all) => all.findIndex((o) => o.token === w.token) === i,
  );
  const familyWords = words(probe.family);
  const givenWords = words(probe.given);
  const used = new Set<string>();
  const matchPart = (part: 'family' | 'given', list: Word[], exact: number, alike: number): boolean => {
    let done = false;
    for (const w of list) {
      if (done) break;
      const match = bestMatch(
        w,
        theirs.filter((t) => !used.has(t.token)),
      );
      if (!match) continue;
      used.add(match.theirs.token);
      score += match.kind === 'exact' ? exact : alike;
      reasons.push(nameReason(part, w, match));
      // One name part of each kind scores; a second given name adds little evidence.
      done = true;
    }
    return done;
  };
  matchPart('family', familyWords, WEIGHTS.familyExact, WEIGHTS.familyAlike);
  const givenMatched = matchPart('given', givenWords, WEIGHTS.givenExact, WEIGHTS.givenAlike);

  const theirBirth = summary.birthDate;
  const myYear = year(probe.birthDate);
  const theirYear = year(theirBirth);
  if (myYear !== null && theirYear !== null && theirBirth) {
    const estimated = probe.birthEstimated || summary.birthDateEstimated;
    const gap = Math.abs(myYear - theirYear);
    if (!estimated && theirBirth === probe.birthDate) {
      score += WEIGHTS.sameDay;
      reasons.push('Born the same day');
    } else if (estimated && gap <= 2) {
      score += WEIGHTS.estimatedNear;
      reasons.push(`Born about the same year (${theirYear}, estimated)`);
    } else if (gap === 0) {
      score += WEIGHTS.sameYear;
      reasons.push(`Born the same year (${theirYear})`);
    } else if (gap === 1) {
      score += WEIGHTS.nearYear;
      reasons.push('Born within a year of each other');
    } else if (gap > (estimated ? 2 : 1)) {
      // Common names are shared by many people: a birth years apart speaks against a match.
      score += WEIGHTS.farApart;
    }
  }

  const village = nameTokens(probe.village).join(' ');
  if (village !== '' && village === nameTokens(summary.village ?? '').join(' ')) {
    score += WEIGHTS.village;
    reasons.push(`Same village: ${summary.village ?? ''}`);
  }

  if (probe.sex !== 'unknown' && summary.sex !== 'unknown') {
    score += probe.sex === summary.sex ? WEIGHTS.sameSex : WEIGHTS.otherSex;
  }
  // Sharing a family name, a birthday and a village is what twins and siblings do: without a
  // given name in common, only an identifier or a phone number makes it worth asking.
  const identified = reasons.includes('Same national ID') || reasons.includes('Same phone number');
  if (!givenMatched && !identified) score = Math.min(score, POSSIBLE_SCORE - 1);
  return { score, reasons };
}

/**
 * The most a record found by name alone could score, from its index row: both names exact, the
 * best its birth date allows, same village. Its national ID and phone did not match, or it would
 * have been found through them.
 */
function bestPossible(probe: DuplicateProbe, facts: { sex: string; birthDate: string | null }): number {
  let bound = WEIGHTS.familyExact + WEIGHTS.givenExact + WEIGHTS.village;
  const mine = year(probe.birthDate);
  const theirs = year(facts.birthDate);
  if (mine !== null && theirs !== null) {
    // The index does not say whether their date was estimated: allow for it.
    const gap = Math.abs(mine - theirs);
    bound += gap <= 2 ? WEIGHTS.sameDay : gap > 5 ? WEIGHTS.farApart : 0;
  } else bound += WEIGHTS.sameDay;
  const known = probe.sex !== 'unknown' && facts.sex !== 'unknown';
  bound += known && probe.sex !== facts.sex ? WEIGHTS.otherSex : WEIGHTS.sameSex;
  return bound;
}

/**
 * The records that may be this person, best first. Retrieval: patients sharing a national ID
 * or phone number, and patients sharing the sound of at least two name parts, or of one name
 * part and a birth year within one year, or born the same day.
 */
export function findDuplicateCandidates(
  sqlite: Sqlite,
  probe: DuplicateProbe,
  options: DuplicateOptions = {},
): DuplicateCandidate[] {
  const limit = options.limit ?? 5;
  const pks = new Map<number, number>();
  const add = (pk: number, weight: number) => pks.set(pk, Math.max(pks.get(pk) ?? 0, weight));

  const nationalId = identifierKey(probe.nationalId);
  if (nationalId !== '') {
    for (const row of stmt(
      sqlite,
      "SELECT resource_pk AS pk FROM patient_keys WHERE value = ? AND kind = 'national-id'",
    ).all(nationalId) as { pk: number }[])
      add(row.pk, 100);
  }
  const phone = phoneKey(probe.phone);
  if (lastDigits(probe.phone).length >= 7) {
    // Reversed digits: the shared prefix is the shared ending, whatever the trunk or country code.
    const ending = phone.slice(0, PHONE_DIGITS);
    for (const row of stmt(
      sqlite,
      "SELECT resource_pk AS pk FROM patient_keys WHERE kind = 'phone' AND value >= ? AND value < ? LIMIT ?",
    ).all(ending, `${ending}\u{10FFFF}`, CANDIDATE_CAP) as { pk: number }[])
      add(row.pk, 50);
  }

  const phonetics = [
    ...new Set([...words(probe.family), ...words(probe.given)].map((w) => w.phonetic).filter((p) => p.length >= 2)),
  ].slice(0, MAX_NAME_PARTS);
  const birthYear = year(probe.birthDate);
  if (phonetics.length > 0) {
    const slack = probe.birthEstimated ? 2 : 1;
    const rows = stmt(
      sqlite,
      `WITH hits AS (
         SELECT resource_pk AS pk, count(DISTINCT phonetic) AS n FROM patient_name_tokens
         WHERE phonetic IN (${phonetics.map(() => '?').join(', ')}) GROUP BY resource_pk
       )
       SELECT h.pk AS pk, h.n AS n FROM hits h JOIN patient_index pi ON pi.resource_pk = h.pk
       WHERE h.n >= 2 OR (pi.birth_year BETWEEN ? AND ?)
       ORDER BY h.n DESC LIMIT ?`,
    ).all(...phonetics, (birthYear ?? 0) - slack, (birthYear ?? 0) + slack, CANDIDATE_CAP) as {
      pk: number;
      n: number;
    }[];
    for (const row of rows) add(row.pk, row.n);
  }
  if (birthYear !== null && probe.birthDate && !probe.birthEstimated) {
    // Born the same day with a differently spelled name (a typo in both parts) still meets here.
    for (const row of stmt(
      sqlite,
      'SELECT resource_pk AS pk FROM patient_index WHERE birth_year = ? AND birth_date = ? LIMIT ?',
    ).all(birthYear, probe.birthDate, CANDIDATE_CAP) as { pk: number }[])
      add(row.pk, 1);
  }

  const ordered = [...pks.entries()].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATE_CAP);
  const read = stmt(sqlite, "SELECT id, json FROM resources WHERE pk = ? AND deleted = 0 AND type = 'Patient'");
  const phonesOf = stmt(sqlite, "SELECT value FROM patient_keys WHERE resource_pk = ? AND kind = 'phone'");
  const indexed = stmt(sqlite, 'SELECT sex, birth_date AS birthDate FROM patient_index WHERE resource_pk = ?');
  const found: DuplicateCandidate[] = [];
  for (const [pk, via] of ordered) {
    // Most name matches of a common name are other people born years apart: rule them out from
    // the index row before reading and parsing the record.
    if (via < 50) {
      const facts = indexed.get(pk) as { sex: string; birthDate: string | null } | undefined;
      if (facts && bestPossible(probe, facts) < POSSIBLE_SCORE) continue;
    }
    const row = read.get(pk) as { id: string; json: string } | undefined;
    if (!row || row.id === options.excludeId) continue;
    const patient = JSON.parse(row.json) as Patient;
    // Stored phone keys are reversed digits; turn them back for comparison.
    const phones = (phonesOf.all(pk) as { value: string }[]).map((p) => [...p.value].reverse().join(''));
    const { score, reasons } = scoreCandidate(probe, patient, phones);
    if (score < POSSIBLE_SCORE) continue;
    found.push({
      summary: patientToSummary(row.id, patient),
      score,
      level: score >= LIKELY_SCORE ? 'likely' : 'possible',
      reasons,
    });
  }
  found.sort((a, b) => b.score - a.score || a.summary.displayName.localeCompare(b.summary.displayName));
  return found.slice(0, limit);
}
