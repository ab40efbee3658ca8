/**
 * Translation with English source text as the key (gettext style): code reads in English, a
 * missing translation falls back to English instead of a code word, and a test checks that every
 * literal passed to t() has a French and a Swahili entry.
 *
 * Messages from the core arrive as finished English sentences, some with values filled in
 * ("Given 12 days after the previous dose…"). translateMessage() matches them against the
 * catalog's templates, so the core's throw sites stay plain English and still reach the nurse in
 * her language.
 */
import { CATALOGS } from './catalog';
import { INTL_LOCALES, type Language } from './languages';

export type Params = Record<string, string | number>;

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(text: string, params: Params | undefined): string {
  if (!params) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** `english` translated into `language`, with `{name}` placeholders filled from params. */
export function translate(language: Language, english: string, params?: Params): string {
  const text = CATALOGS[language][english] ?? english;
  return fill(text, params);
}

/**
 * The same English words can need different translations ("Up to date" of a child's vaccines is
 * not "Up to date" of sync): such an entry is written `context|English` in the catalog.
 */
export function translateIn(language: Language, context: string, english: string, params?: Params): string {
  const text = CATALOGS[language][`${context}|${english}`] ?? CATALOGS[language][english] ?? english;
  return fill(text, params);
}

interface Template {
  pattern: RegExp;
  names: string[];
  english: string;
}

const templateCache = new Map<Language, Template[]>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Placeholders that always hold a number: "{count} record" must not swallow "Save the record". */
const NUMERIC = new Set(['count', 'done', 'total', 'row', 'days', 'seconds', 'min', 'max']);

function literalLength(english: string): number {
  return english.replace(PLACEHOLDER, '').length;
}

/** "36.5" as the language writes it ("36,5"); whole numbers (years, HTTP codes) stay as they are. */
function localDecimal(language: Language, value: string): string | null {
  if (!/^-?\d+\.\d+$/.test(value)) return null;
  return new Intl.NumberFormat(INTL_LOCALES[language], { maximumFractionDigits: 3 }).format(Number(value));
}

function translateValue(language: Language, value: string, depth: number): string {
  const decimal = localDecimal(language, value);
  if (decimal !== null) return decimal;
  // A value may itself be a finished phrase ("6 weeks"); one level down is enough.
  return depth < 1 ? translateMessage(language, value, depth + 1) : (CATALOGS[language][value] ?? value);
}

function templatesOf(language: Language): Template[] {
  let templates = templateCache.get(language);
  if (templates) return templates;
  templates = [];
  for (const english of Object.keys(CATALOGS[language])) {
    const names: string[] = [];
    const parts = english.split(PLACEHOLDER);
    if (parts.length === 1) continue;
    // "{years} {months}" or "{found}." would fit almost any sentence: a template recognises a
    // message only by words of its own.
    if (!parts.some((part, i) => i % 2 === 0 && /\p{L}/u.test(part))) continue;
    // split() with a capture group alternates literal text and placeholder names.
    const source = parts
      .map((part, i) => {
        if (i % 2 === 0) return escapeRegExp(part);
        names.push(part);
        return NUMERIC.has(part) ? '(\\d[\\d\\s.,]*)' : '(.+?)';
      })
      .join('');
    templates.push({ pattern: new RegExp(`^${source}$`, 's'), names, english });
  }
  // The most specific template wins: "Enter the {noun} as a number." before "Enter the {what}.".
  templates.sort((a, b) => literalLength(b.english) - literalLength(a.english));
  templateCache.set(language, templates);
  return templates;
}

/**
 * A finished English message (from the core, a rule or the iCDR) in `language`: an exact catalog
 * entry, else the first template it fits with its values translated in turn where they are
 * themselves catalog text, else the English as it came.
 */
export function translateMessage(language: Language, message: string, depth = 0): string {
  if (language === 'en') return message;
  const exact = CATALOGS[language][message];
  if (exact !== undefined) return exact;
  for (const template of templatesOf(language)) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const params: Params = {};
    template.names.forEach((name, i) => {
      const value = match[i + 1] ?? '';
      params[name] = translateValue(language, value, depth);
    });
    return translate(language, template.english, params);
  }
  return message;
}
