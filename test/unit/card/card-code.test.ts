import { describe, expect, it } from 'vitest';
import { isValidClinicNumber } from '../../../src-main/patients/clinic-number';
import { formatCardCode, luhnDigit, parseCardCode } from '../../../src-shared/domain/card-code';

const NUMBER = 'KX7Q-000123-0';

/** What a scanner set to a US keyboard types on a French AZERTY laptop, key position by position. */
const US_TO_FRENCH_AZERTY: Record<string, string> = {
  '1': '&',
  '2': 'é',
  '3': '"',
  '4': "'",
  '5': '(',
  '6': '-',
  '7': 'è',
  '8': '_',
  '9': 'ç',
  '0': 'à',
  '-': ')',
  A: 'Q',
  Q: 'A',
  W: 'Z',
  Z: 'W',
  M: '?',
};
const onAzerty = (text: string) => [...text].map((ch) => US_TO_FRENCH_AZERTY[ch] ?? ch).join('');

describe('patient card code', () => {
  it('is the clinic number behind the KLK- prefix, and reads back to it', () => {
    expect(isValidClinicNumber(NUMBER)).toBe(true);
    const code = formatCardCode(NUMBER);
    expect(code).toBe('KLK-KX7Q-000123-0');
    expect(parseCardCode(code!)).toBe(NUMBER);
  });

  it('holds only capitals, digits and "-" (QR alphanumeric mode), for any number the core makes', () => {
    for (const n of ['ACDE-000001-8', 'Y469-123456-6', 'MQWZ-9999999-7']) {
      expect(isValidClinicNumber(n), n).toBe(true);
      const code = formatCardCode(n);
      expect(code).toMatch(/^KLK-[A-Z0-9-]+$/);
      expect(parseCardCode(code!)).toBe(n);
    }
  });

  it('makes no code for a number Kliniki did not make, or one whose check digit is wrong', () => {
    expect(formatCardCode('KX7Q-000123-9')).toBeNull();
    expect(formatCardCode('12345')).toBeNull();
    expect(formatCardCode('')).toBeNull();
  });

  it('computes the Luhn check digit (published examples) that the core stamps on clinic numbers', () => {
    // 7992739871 → 3 and 4539 1488 0343 646 → 7 are the usual Luhn examples.
    expect(luhnDigit('7992739871')).toBe(3);
    expect(luhnDigit('453914880343646')).toBe(7);
    expect(isValidClinicNumber(`KX7Q-000123-${luhnDigit('000123')}`)).toBe(true);
  });

  it('refuses near misses: a wrong check digit, a missing or wrong prefix, missing or extra parts', () => {
    for (const text of [
      'KLK-KX7Q-000123-7', // check digit wrong: a misread or a mistyped digit
      'KLK-KX7Q-000213-0', // two digits swapped
      'KX7Q-000123-0', // the clinic number alone is a typed search, not a scan
      'KLX-KX7Q-000123-0',
      'KLKKX7Q-000123-0',
      'KLK-KX7Q000123-0',
      'KLK-KX7Q-000123',
      'KLK-KX7Q-00012-3',
      'KLK-KX7Q-000123-0-1',
      'KLK-KX7Q-000123-0X',
      'XKLK-KX7Q-000123-0',
      'KLK-KX7Q-000 123-0',
      'KLK KX7Q-000123-0',
      'KLK-KX7-000123-0',
      'KLK-KX7Q-000123-０', // a full-width digit
      'KLK-KX7Q-0001230000000-0', // more digits than any clinic number has
      '',
      'Wanjiru Kamau',
    ]) {
      expect(parseCardCode(text), text).toBeNull();
    }
  });

  it('reads a scan with a leading or trailing space, or in lower case (Caps Lock on)', () => {
    expect(parseCardCode('  KLK-KX7Q-000123-0\t')).toBe(NUMBER);
    expect(parseCardCode('klk-kx7q-000123-0')).toBe(NUMBER);
  });

  it('reads a US-keyboard scanner typing on a French or Belgian AZERTY laptop', () => {
    const code = formatCardCode('QAWM-004567-4')!;
    const typed = onAzerty(code);
    expect(typed).toBe("KLK)AQZ?)àà'(-è)'");
    expect(parseCardCode(typed)).toBe('QAWM-004567-4');
    expect(parseCardCode(onAzerty(formatCardCode(NUMBER)!))).toBe(NUMBER);
    // Belgian AZERTY types 6 as "§" and 8 as "!".
    expect(parseCardCode('KLK)KX7A)àààà§!)è')).toBe('KX7Q-000068-7');
  });

  it('refuses an AZERTY-typed code whose check digit is wrong', () => {
    expect(parseCardCode(onAzerty('KLK-KX7Q-000123-7'))).toBeNull();
  });
});
