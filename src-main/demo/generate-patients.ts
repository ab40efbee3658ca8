/**
 * Synthetic patients for the demo and the benchmarks, as the registration form would send
 * them (PatientDraft). Deterministic: one seed, one population, on every machine. The shape
 * follows a rural East African clinic: many children (each with a parent or guardian), some
 * ages only estimated, phones for most but not all, a handful of villages.
 */
import type { Guardian, GuardianRelationship, PatientDraft, Sex } from '../../src-shared/domain/patient';
import { createRng, type Rng } from './random';
import { pickTradition, type Tradition } from './names';

export interface GenerateOptions {
  /** Same seed, same patients. */
  seed?: number;
  /** "Today" for birth dates; pass a fixed date for reproducible output. */
  now?: Date;
  /**
   * Sequence number of the first patient. National IDs are built from it so that a second
   * batch into the same database (with another seed) never repeats one.
   */
  startIndex?: number;
}

export const DEFAULT_SEED = 20_240_331;

const VILLAGES = [
  'Kawempe',
  'Nansana',
  'Mukono',
  'Kireka',
  'Bweyogerere',
  'Wakiso',
  'Kasangati',
  'Gayaza',
  'Matugga',
  'Namugongo',
  'Kira',
  'Seeta',
  'Nakawa',
  'Kyebando',
  'Bwaise',
  'Katanga',
  'Kisenyi',
  'Ndeeba',
  'Nateete',
  'Busega',
  'Entebbe',
  'Kajjansi',
  'Lubowa',
  'Gulu',
  'Lira',
  'Kitgum',
  'Tororo',
  'Busia',
  'Mbale',
  'Jinja',
  'Kisumu',
  'Kakamega',
  'Eastleigh',
  'Kibera',
  'Moshi',
  'Arusha',
  'Bagamoyo',
  'Bahir Dar',
  "Ng'ombe",
  'Kabale',
] as const;

const LANDMARKS = [
  'the mosque',
  "St. Mary's church",
  'the primary school',
  'the borehole',
  'the market',
  'the health centre',
  'the trading centre',
  'the water tank',
  'the police post',
  'the football ground',
] as const;

/** Country code, mobile prefixes, and digits after the prefix. */
const PHONE_PLANS: readonly (readonly [readonly [string, readonly string[], number], number])[] = [
  [['256', ['70', '71', '74', '75', '76', '77', '78'], 7], 45],
  [['254', ['70', '71', '72', '74', '79', '11'], 7], 25],
  [['255', ['65', '68', '71', '74', '75', '76', '78'], 7], 12],
  [['251', ['91', '92', '93', '94'], 7], 6],
  [['234', ['803', '805', '806', '813', '816'], 7], 5],
  [['233', ['24', '20', '54', '55'], 7], 3],
  [['91', ['98', '99', '97', '70'], 8], 2],
  [['44', ['7700', '7911'], 6], 2],
];

const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 4], 20],
  [[5, 17], 25],
  [[18, 39], 30],
  [[40, 59], 15],
  [[60, 90], 10],
];

const RELATIONSHIPS: readonly (readonly [GuardianRelationship, number])[] = [
  ['mother', 60],
  ['father', 25],
  ['guardian', 10],
  ['other', 5],
];

function digits(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(0, 9));
  return s;
}

/** Phone numbers as nurses write them: international or local, with or without spaces. */
export function randomPhone(rng: Rng): string {
  const [country, prefixes, rest] = rng.weighted(PHONE_PLANS);
  const national = rng.pick(prefixes) + digits(rng, rest);
  const grouped = `${national.slice(0, 3)} ${national.slice(3)}`;
  return rng.weighted([
    [`+${country} ${grouped}`, 4],
    [`0${grouped}`, 3],
    [`+${country}${national}`, 2],
    [`0${national.slice(0, 3)}-${national.slice(3, 6)}-${national.slice(6)}`, 1],
  ] as const);
}

function isoDate(d: Date): string {
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function givenNames(rng: Rng, tradition: Tradition, sex: Sex): string {
  const pool =
    sex === 'female'
      ? tradition.female
      : sex === 'male'
        ? tradition.male
        : rng.chance(0.5)
          ? tradition.female
          : tradition.male;
  const first = rng.pick(pool);
  // Ethiopian names have one given name; elsewhere a second (often baptismal) name is common.
  if (tradition.patronymic || !rng.chance(0.3)) return first;
  const second = rng.pick(pool);
  return second === first ? first : `${first} ${second}`;
}

function guardianFor(rng: Rng, tradition: Tradition, childFamily: string): Guardian {
  const relationship = rng.weighted(RELATIONSHIPS);
  let name: string;
  if (relationship === 'father') {
    // A patronymic child's family name is the father's given name.
    name = tradition.patronymic
      ? `${childFamily} ${rng.pick(tradition.family)}`
      : `${rng.pick(tradition.male)} ${rng.chance(0.7) ? childFamily : rng.pick(tradition.family)}`;
  } else if (relationship === 'mother') {
    name = `${rng.pick(tradition.female)} ${rng.pick(tradition.family)}`;
  } else {
    name = `${rng.pick(rng.chance(0.5) ? tradition.female : tradition.male)} ${rng.pick(tradition.family)}`;
  }
  return { name, relationship, phone: rng.chance(0.85) ? randomPhone(rng) : '' };
}

function nationalId(rng: Rng, sex: Sex, birthYear: number, index: number): string {
  // Uganda's NIN shape (C + sex + year + serial + letters); the serial makes it unique.
  const letters = String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25));
  return `C${sex === 'female' ? 'F' : 'M'}${String(birthYear % 100).padStart(2, '0')}${String(index).padStart(8, '0')}${letters}`;
}

/** One patient; `index` only feeds the national ID serial. */
export function generatePatient(rng: Rng, index: number, now: Date): PatientDraft {
  const tradition = pickTradition(rng);
  const sex: Sex = rng.weighted([
    ['female', 52],
    ['male', 47],
    ['other', 0.5],
    ['unknown', 0.5],
  ] as const);
  const [minAge, maxAge] = rng.weighted(AGE_BANDS);
  const age = rng.int(minAge, maxAge);
  const child = age < 18;
  const family = rng.pick(tradition.family);
  // Adults without papers often give an age; children usually come with a birth card.
  const estimated = rng.chance(child ? 0.03 : 0.15);
  const birthDate = new Date(now.getFullYear() - age, now.getMonth(), now.getDate() - rng.int(0, 364));
  const birth: PatientDraft['birth'] = estimated
    ? { kind: 'estimated', years: age, months: age < 2 ? rng.int(0, 11) : 0 }
    : { kind: 'exact', date: isoDate(birthDate) };

  const guardian =
    child || rng.chance(0.1)
      ? guardianFor(rng, tradition, family)
      : { name: '', relationship: 'mother' as const, phone: '' };
  // A child's number is usually the parent's phone.
  const phone = rng.chance(0.7)
    ? child && guardian.phone !== '' && rng.chance(0.7)
      ? guardian.phone
      : randomPhone(rng)
    : '';

  return {
    given: givenNames(rng, tradition, sex),
    family,
    sex,
    birth,
    nationalId: !child && rng.chance(0.5) ? nationalId(rng, sex, birthDate.getFullYear(), index) : '',
    phone,
    village: rng.chance(0.95) ? rng.pick(VILLAGES) : '',
    addressLine: rng.chance(0.4)
      ? rng.chance(0.5)
        ? `Plot ${rng.int(1, 400)}, near ${rng.pick(LANDMARKS)}`
        : `Behind ${rng.pick(LANDMARKS)}`
      : '',
    guardian,
  };
}

/** A stream, so that a million patients never sit in memory at once. */
export function* generatePatients(count: number, options: GenerateOptions = {}): Generator<PatientDraft> {
  const rng = createRng(options.seed ?? DEFAULT_SEED);
  const now = options.now ?? new Date();
  const start = options.startIndex ?? 0;
  for (let i = 0; i < count; i++) yield generatePatient(rng, start + i, now);
}
