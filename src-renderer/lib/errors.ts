import { AppError, isAppError, type FieldErrors } from '../../src-shared/errors';

export function toAppError(cause: unknown): AppError {
  if (isAppError(cause)) return cause;
  console.error(cause);
  return new AppError('INTERNAL', 'Something went wrong. Please try again.');
}

/**
 * Per-field messages of a VALIDATION error, keyed by the form's own field paths. Structural
 * checks of a whole call may name the wrapper object ("draft.family"); the form knows "family".
 */
export function fieldErrorsOf(error: AppError | null, wrapper?: string): FieldErrors {
  const fields = error?.code === 'VALIDATION' ? error.details?.fields : undefined;
  if (!fields) return {};
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const key = wrapper && path.startsWith(`${wrapper}.`) ? path.slice(wrapper.length + 1) : path;
    out[key] = message;
  }
  return out;
}
