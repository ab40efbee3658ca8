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
import type { Language } from './languages';

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

interface Template {
  pattern: RegExp;
  names: string[];
  english: string;
}

const templateCache = new Map<Language, Template[]>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function templatesOf(language: Language): Template[] {
  let templates = templateCache.get(language);
  if (templates) return templates;
  templates = [];
  for (const english of Object.keys(CATALOGS[language])) {
    const names: string[] = [];
    const parts = english.split(PLACEHOLDER);
    if (parts.length === 1) continue;
    // split() with a capture group alternates literal text and placeholder names.
    const source = parts
      .map((part, i) => {
        if (i % 2 === 0) return escapeRegExp(part);
        names.push(part);
        return '(.+?)';
      })
      .join('');
    templates.push({ pattern: new RegExp(`^${source}$`, 's'), names, english });
  }
  templateCache.set(language, templates);
  return templates;
}

/**
 * A finished English message (from the core, a rule or the iCDR) in `language`: an exact catalog
 * entry, else the first template it fits with its values translated in turn where they are
 * themselves catalog text, else the English as it came.
 */
export function translateMessage(language: Language, message: string): string {
  if (language === 'en') return message;
  const exact = CATALOGS[language][message];
  if (exact !== undefined) return exact;
  for (const template of templatesOf(language)) {
    const match = template.pattern.exec(message);
    if (!match) continue;
    const params: Params = {};
    template.names.forEach((name, i) => {
      const value = match[i + 1] ?? '';
      params[name] = CATALOGS[language][value] ?? value;
    });
    return translate(language, template.english, params);
  }
  return message;
}
