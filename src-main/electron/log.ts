/**
 * The shell logs through the core's logger (one JSON-lines file in the user data folder).
 * Only ids, codes, counts and durations go there — never patient data.
 */
export type { Logger } from '../log/logger';

/** An error as log fields; the stack goes to the log file, never to a dialog. */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.name, detail: error.message, stack: error.stack };
  return { error: String(error) };
}
