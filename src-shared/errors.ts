/**
 * Error codes shared by main and renderer. UI code branches on `code`, never on `message`;
 * the message is written for the nurse reading it.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'OFFLINE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'RULE_VIOLATION',
  'FHIR_REJECTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field path (as used by the form, e.g. `family` or `guardian.name`) to a message in words. */
export type FieldErrors = Record<string, string>;

export interface ErrorDetails {
  /** Per-field messages, shown next to the field that caused them. */
  fields?: FieldErrors;
  /** For rate-limited sign-in: seconds until another try is accepted. */
  retryAfterSeconds?: number;
  /** For INTERNAL: the id under which main logged the full error. */
  requestId?: string;
  [key: string]: unknown;
}

export interface WireError {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toWire(): WireError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromWire(wire: WireError): AppError {
    return new AppError(wire.code, wire.message, wire.details);
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

export function validationError(fields: FieldErrors, message?: string): AppError {
  const count = Object.keys(fields).length;
  return new AppError(
    'VALIDATION',
    message ??
      (count === 1 ? 'Please correct the field marked below.' : `Please correct the ${count} fields marked below.`),
    { fields },
  );
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: WireError };
