/**
 * Search keys for personal names in any script. Folding removes case and accents
 * (Müller → muller); the phonetic key keeps a name's consonant skeleton so spellings that sound
 * alike meet: Mohamed/Muhammad → "md", Aisha/Aysha → "as", Nakato/Nakkato → "nkt".
 */

/** Lower-case, strip accents and marks, keep letters and digits of every script. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[đ]/g, 'd')
    .replace(/[ł]/g, 'l');
}

/** Words of a name: "N'Diaye-Sow  Fatou" → ["ndiaye", "sow", "fatou"]. */
export function nameTokens(text: string): string[] {
  return fold(text)
    .replace(/['’`ʼ]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

// Spellings that sound the same in the naming traditions our clinics meet. Order matters:
// longer patterns first.
const SOUND_RULES: [RegExp, string][] = [
  [/^kh/, 'h'],
  [/^chr/, 'kr'],
  [/tch|dj|dzh/g, 'j'],
  [/sch|sh|ch/g, 's'],
  [/ph/g, 'f'],
  [/gh/g, 'g'],
  [/ck|q|c(?=[aou])|x/g, 'k'],
  [/c/g, 's'],
  [/z/g, 's'],
  [/v/g, 'f'],
  [/th/g, 't'],
];

const LATIN = /^[a-z0-9]+$/;

/**
 * Consonant skeleton: first letter kept (vowels folded to "a"), then vowels, h, w and y dropped,
 * doubled letters collapsed. Non-Latin tokens are their own key.
 */
export function phoneticKey(token: string): string {
  if (!LATIN.test(token)) return token;
  let s = token;
  for (const [pattern, replacement] of SOUND_RULES) s = s.replace(pattern, replacement);
  const first = /[aeiouy]/.test(s[0] ?? '') ? 'a' : (s[0] ?? '');
  const rest = s.slice(1).replace(/[aeiouyhw]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

/**
 * Damerau–Levenshtein (optimal string alignment) distance; used to rank candidates, where
 * strings are short, so the O(n·m) table is cheap.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Uint16Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}
