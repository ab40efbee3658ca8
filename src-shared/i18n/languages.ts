/** The languages Kliniki speaks. English is the source language: every other one translates it. */
export const LANGUAGES = ['en', 'fr', 'sw'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language named in itself, so a nurse finds hers in a list she may not otherwise read. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  sw: 'Kiswahili',
};

/** The Intl locale for dates and numbers in each language. */
export const INTL_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  fr: 'fr-FR',
  sw: 'sw-KE',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
