/** How identifiers and phone numbers are normalised, the same way when stored and when searched. */

/** "k7qf-000123 4" → "K7QF0001234": people type ids with and without separators. */
export function identifierKey(value: string): string {
  return value
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Digits reversed, without trunk zeros: "+256 772 123456" and "0772 123456" share the prefix
 * "654321277", so searching the number as people say it finds it either way.
 */
export function phoneKey(value: string): string {
  const digits = value.replace(/\D/g, '').replace(/^0+/, '');
  return [...digits].reverse().join('');
}
