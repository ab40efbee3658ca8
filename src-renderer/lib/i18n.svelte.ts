/**
 * The renderer's language. `t()` reads a rune, so every label written with t() re-renders when
 * the nurse switches language in Settings, without reloading the page or losing a typed form.
 */
import { INTL_LOCALES, type Language } from '../../src-shared/i18n/languages';
import { translate, translateIn, translateMessage, type Params } from '../../src-shared/i18n/translate';

const current = $state<{ language: Language }>({ language: 'en' });

export function language(): Language {
  return current.language;
}

export function setLanguage(next: Language): void {
  current.language = next;
  document.documentElement.lang = next;
}

/** English source text in the chosen language; `{name}` placeholders filled from params. */
export function t(english: string, params?: Params): string {
  return translate(current.language, english, params);
}

/** t() for words whose translation depends on where they stand (catalog key `context|English`). */
export function tc(context: string, english: string, params?: Params): string {
  return translateIn(current.language, context, english, params);
}

/** A finished English message from the core (an error, a rule) in the chosen language. */
export function tm(message: string): string {
  return translateMessage(current.language, message);
}

/** The Intl locale for dates and numbers in the chosen language. */
export function intlLocale(): string {
  return INTL_LOCALES[current.language];
}
