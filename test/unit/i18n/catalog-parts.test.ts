/**
 * The catalog is merged from one file per part of the portal, and a later part silently wins
 * when two give the same English text. Two parts may repeat a text, but only with the same
 * words; a text meaning two things (a single dose "Not given" and a column of doses) needs two
 * English texts.
 */
import { expect, it } from 'vitest';
import { CATALOG_PARTS } from '../../../src-shared/i18n/catalog';
import type { Catalog } from '../../../src-shared/i18n/catalog/catalog-type';

/** A part is known by its first text: the files have no names once imported. */
const partName = (part: Catalog, i: number) => `part ${i + 1} (starting "${Object.keys(part.fr)[0] ?? ''}")`;

function clashes(parts: readonly Catalog[]): string[] {
  const found: string[] = [];
  for (const language of ['fr', 'sw'] as const) {
    const first = new Map<string, { words: string; part: string }>();
    parts.forEach((part, i) => {
      for (const [english, words] of Object.entries(part[language])) {
        const earlier = first.get(english);
        if (!earlier) first.set(english, { words, part: partName(part, i) });
        else if (earlier.words !== words) {
          found.push(
            `${language} "${english}": "${earlier.words}" in ${earlier.part}, "${words}" in ${partName(part, i)}`,
          );
        }
      }
    });
  }
  return found;
}

it('no two catalog parts translate the same English text differently', () => {
  expect(CATALOG_PARTS.length).toBeGreaterThan(1);
  expect(clashes(CATALOG_PARTS)).toEqual([]);
});

it('finds a clash between two parts, and accepts the same words repeated', () => {
  const forms: Catalog = { fr: { 'Not given': 'Non administré' }, sw: { 'Not given': 'Haikutolewa' } };
  const chart: Catalog = { fr: { 'Not given': 'Non administrées' }, sw: { 'Not given': 'Haikutolewa' } };
  expect(clashes([forms, chart])).toEqual([
    'fr "Not given": "Non administré" in part 1 (starting "Not given"), "Non administrées" in part 2 (starting "Not given")',
  ]);
  expect(clashes([forms, forms])).toEqual([]);
});
