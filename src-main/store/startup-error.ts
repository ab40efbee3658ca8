export type StartupProblem = 'DB_UNREADABLE' | 'DB_NEWER' | 'KEY_MISSING' | 'KEY_DAMAGED' | 'KEYSTORE_UNAVAILABLE';

/** A reason the core cannot start, in words for whoever started it; never a stack trace. */
export class StartupError extends Error {
  constructor(
    readonly problem: StartupProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StartupError';
  }
}
