/**
 * Clinic numbers are made on the laptop, offline, and must never collide with another
 * laptop's: each installation draws a random four-character prefix once, then counts.
 * A check digit catches a mistyped number: "KX7Q-000123-8".
 */
import { randomInt } from 'node:crypto';
import type { Sqlite } from '../store/client';
import { readSetting, writeSetting } from '../store/settings-repo';
import { luhnDigit } from '../../src-shared/domain/card-code';

// No 0/O, 1/I/L, 5/S, 2/Z, 8/B: numbers are read aloud and copied by hand.
const PREFIX_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

function drawPrefix(): string {
  let prefix = '';
  for (let i = 0; i < 4; i++) prefix += PREFIX_ALPHABET[randomInt(PREFIX_ALPHABET.length)];
  return prefix;
}

export function isValidClinicNumber(value: string): boolean {
  const match = /^([A-Z0-9]{4})-(\d{6,})-(\d)$/.exec(value);
  return match !== null && luhnDigit(match[2]!) === Number(match[3]);
}

/** Must run inside the transaction that stores the patient, so a number is never reused. */
export function nextClinicNumber(sqlite: Sqlite): string {
  let prefix = readSetting<string>(sqlite, 'clinic-number.prefix');
  if (!prefix) {
    prefix = drawPrefix();
    writeSetting(sqlite, 'clinic-number.prefix', prefix);
  }
  const next = readSetting<number>(sqlite, 'clinic-number.next') ?? 1;
  writeSetting(sqlite, 'clinic-number.next', next + 1);
  const digits = String(next).padStart(6, '0');
  return `${prefix}-${digits}-${luhnDigit(digits)}`;
}
