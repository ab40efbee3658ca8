/**
 * Every translation, merged from one file per part of the portal so that parts can be written
 * side by side. Each file exports `{ fr, sw }`: English source text → translation, placeholders
 * in braces kept as they are. test/unit/i18n checks that every text the UI passes to t() has both.
 */
import type { Language } from '../languages';
import { card } from './card';
import { coreMessages } from './core-messages';
import { dueList } from './due-list';
import { growth } from './growth';
import type { Catalog } from './catalog-type';
import { immunizations } from './immunizations';
import { overview } from './overview';
import { patientLinks } from './patient-links';
import { portal } from './portal';
import { rules } from './rules';

const parts: Catalog[] = [immunizations, portal, coreMessages, card, overview, rules, dueList, growth, patientLinks];
/** Each part as written, for the test that no two give the same English text different words. */
export const CATALOG_PARTS: readonly Catalog[] = parts;

function merge(language: Exclude<Language, 'en'>): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const part of parts) Object.assign(merged, part[language]);
  return merged;
}

export const CATALOGS: Record<Language, Record<string, string>> = { en: {}, fr: merge('fr'), sw: merge('sw') };
