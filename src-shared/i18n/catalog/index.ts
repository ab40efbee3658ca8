/**
 * Every translation, merged from one file per part of the portal so that parts can be written
 * side by side. Each file exports `{ fr, sw }`: English source text → translation, placeholders
 * in braces kept as they are. test/unit/i18n checks that every text the UI passes to t() has both.
 */
import type { Language } from '../languages';
import type { Catalog } from './catalog-type';

const parts: Catalog[] = [];

function merge(language: Exclude<Language, 'en'>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const part of parts) Object.assign(merged, part[language]);
  return merged;
}

export const CATALOGS: Record<Language, Record<string, string>> = { en: {}, fr: merge('fr'), sw: merge('sw') };
