import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../../src-shared/i18n/catalog';
import { LANGUAGES, type Language } from '../../../src-shared/i18n/languages';
import { uiTexts } from './ui-texts';

const TRANSLATED = LANGUAGES.filter((l): l is Exclude<Language, 'en'> => l !== 'en');
const PLACEHOLDER = /\{(\w+)\}/g;

/** Words that are the same in every language: names, standards and unit symbols. */
const SAME_EVERYWHERE = new Set(['Kliniki', 'FHIR', 'iCDR', 'HTTP', 'MUAC', 'SpO2', 'OK', 'mmHg', 'kg', 'cm']);

/** Words French or Swahili write exactly as English does, checked by a speaker. */
const SAME_WORD: Record<Exclude<Language, 'en'>, Set<string>> = {
  fr: new Set([
    'Patient',
    'patients',
    'Patient {name}',
    'Patient {name} ({number})',
    'Village',
    'Contact',
    'Version',
    'Doses',
    'Lot {lot}',
    'allergies',
    'vaccinations',
    'Vaccinations',
    '{count} minute',
    '{count} minutes',
  ]),
  sw: new Set(['MUAC']),
};

function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').sort();
}

/** True when nothing in the text needs translating: only placeholders, punctuation and names. */
function nothingToTranslate(english: string): boolean {
  const words = english.replace(PLACEHOLDER, ' ').match(/[\p{L}][\p{L}\p{N}]*/gu) ?? [];
  return words.every((w) => SAME_EVERYWHERE.has(w));
}

const texts = uiTexts('src-renderer');

describe('translation catalogs', () => {
  it('finds the texts the renderer passes to t()', () => {
    // A scanner that found nothing would let every other check here pass.
    expect(texts.length).toBeGreaterThan(300);
    expect(texts.map((x) => x.text)).toContain('Find patient');
  });

  for (const language of TRANSLATED) {
    it(`has a ${language} translation for every text the renderer passes to t()`, () => {
      const missing = [
        ...new Set(texts.filter((x) => CATALOGS[language][x.text] === undefined).map((x) => `${x.text}  (${x.file})`)),
      ];
      expect(missing, `Missing in ${language}:\n${missing.join('\n')}`).toEqual([]);
    });

    it(`keeps every placeholder of the English in ${language}`, () => {
      const broken = Object.entries(CATALOGS[language])
        .filter(([english, translated]) => placeholders(english).join() !== placeholders(translated).join())
        .map(([english, translated]) => `${english} → ${translated}`);
      expect(broken).toEqual([]);
    });

    it(`has no empty ${language} entry and none left in English`, () => {
      const bad = Object.entries(CATALOGS[language])
        .filter(([english, translated]) => {
          if (translated.trim() === '') return true;
          if (translated !== english) return false;
          return !nothingToTranslate(english) && !SAME_WORD[language].has(english);
        })
        .map(([english]) => english);
      expect(bad).toEqual([]);
    });
  }
});
