import { AppError, isAppError, type FieldErrors } from '../../src-shared/errors';
import { tm } from './i18n.svelte';
import { ruleFieldErrors } from '../components/rules/rule-messages';

export function toAppError(cause: unknown): AppError {
  if (isAppError(cause)) return cause;
  console.error(cause);
  return new AppError('INTERNAL', 'Something went wrong. Please try again.');
}

/**
 * An error's words in the chosen language. The core writes its messages in English; they are
 * translated where shown (not when caught) so that switching language translates them too.
 */
export function errorText(error: AppError | null | undefined): string {
  return error ? tm(error.message) : '';
}

/**
 * Per-field messages of a VALIDATION error, keyed by the form's own field paths and translated
 * into the chosen language. Structural checks of a whole call may name the wrapper object
 * ("draft.family"); the form knows "family".
 */
export function fieldErrorsOf(error: AppError | null, wrapper?: string): FieldErrors {
  // A rule's message comes in the rule's own translations, not through the catalog.
  if (error?.code === 'RULE_VIOLATION') return ruleFieldErrors(error);
  const fields = error?.code === 'VALIDATION' ? error.details?.fields : undefined;
  if (!fields) return {};
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = wrapper && path.startsWith(`${wrapper}.`) ? path.slice(wrapper.length + 1) : path;
    out[key] = tm(message);
  }
  return out;
}
