/**
 * What the QR code on a patient card holds, and how a scan typed into the search box is read
 * back.
 *
 * The code is the clinic number behind a fixed prefix: `KLK-KX7Q-000123-8`.
 * - The clinic number, not the national ID: every patient registered on a laptop has one, it is
 *   made offline, it carries a check digit, and it means nothing outside the health service;
 *   a national ID is often missing (children), can be added or corrected later, and is
 *   sensitive if anyone's phone reads the card. The code holds no name or other detail.
 * - The prefix tells a scan from a nurse's typing, so a scan opens the record at once while a
 *   typed clinic number still goes through the ordinary search.
 * - Only capital letters, digits and "-": QR's compact alphanumeric mode, so the symbol stays
 *   at version 1–2 with large modules that survive a worn card.
 *
 * Keyboard layouts: a keyboard-wedge scanner sends key positions of a US keyboard. On a
 * French or Belgian AZERTY laptop those positions type other characters: digits come out as
 * "&é"'(-è_çà", "-" as ")", A/Q and Z/W swap, M becomes "?". No set of digits survives that,
 * so instead of hoping the scanner was configured for AZERTY, a scan is also read through the
 * reverse of that mapping. Letters may arrive in lower case (Caps Lock); the code is the same.
 */

export const CARD_CODE_PREFIX = 'KLK-';

const CLINIC_NUMBER = /^([A-Z0-9]{4})-(\d{6,9})-(\d)$/;

/**
 * Luhn mod 10 over the digits, the clinic number's check digit: detects any single wrong digit
 * and most swaps. Here, in shared code, so the core (which makes clinic numbers) and the card
 * reader (which checks scanned ones) use the one rule.
 */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function validClinicNumber(value: string): boolean {
  const match = CLINIC_NUMBER.exec(value);
  return match !== null && luhnDigit(match[2]!) === Number(match[3]);
}

/** The text for a card's QR code, or null when the number is not one Kliniki made (no card code). */
export function formatCardCode(clinicNumber: string): string | null {
  return validClinicNumber(clinicNumber) ? CARD_CODE_PREFIX + clinicNumber : null;
}

/** What a US-positioned key types on AZERTY (French and Belgian) → the character meant. */
const FROM_AZERTY: Record<string, string> = {
  '&': '1',
  é: '2',
  '"': '3',
  "'": '4',
  '(': '5',
  '-': '6',
  '§': '6',
  è: '7',
  _: '8',
  '!': '8',
  ç: '9',
  à: '0',
  ')': '-',
  Q: 'A',
  A: 'Q',
  Z: 'W',
  W: 'Z',
  '?': 'M',
};

function fromAzerty(text: string): string {
  return [...text].map((ch) => FROM_AZERTY[ch] ?? ch).join('');
}

function readDirect(text: string): string | null {
  if (!text.startsWith(CARD_CODE_PREFIX)) return null;
  const clinicNumber = text.slice(CARD_CODE_PREFIX.length);
  return validClinicNumber(clinicNumber) ? clinicNumber : null;
}

/**
 * The clinic number in a scanned card code, or null when the text is not exactly one (a name,
 * a typed clinic number, a code with a wrong check digit or anything extra).
 */
export function parseCardCode(typed: string): string | null {
  // Scanners may be set to send a leading or trailing space or tab; nothing else is tolerated.
  // Upper-casing only letters keeps "é", "è", "ç", "à" (digits on AZERTY) as they are.
  const text = typed.trim().replace(/[a-z]/g, (ch) => ch.toUpperCase());
  return readDirect(text) ?? readDirect(fromAzerty(text));
}
