/**
 * Errors of a vaccine save, keyed `doses.<n>.<field>` as the forms show them. The core's own
 * checks name a dose by its position in the save; the clinic's rules name the Immunization by
 * its index among those written, which is the same order (one record per dose).
 */
import { violationsOf } from '../../../src-shared/domain/rules';
import type { AppError, FieldErrors } from '../../../src-shared/errors';
import { fieldErrorsOf } from '../../lib/errors';
import { ruleMessage } from '../rules/rule-messages';

export function doseErrorsOf(error: AppError | null): FieldErrors {
  if (error?.code !== 'RULE_VIOLATION') return fieldErrorsOf(error);
  const out: FieldErrors = {};
  for (const v of violationsOf(error.details)) {
    if (v.severity !== 'error' || v.resourceType !== 'Immunization' || !v.field) continue;
    out[`doses.${v.index ?? 0}.${v.field}`] ??= ruleMessage(v.messages);
  }
  return out;
}

/** Rule errors no field of the form can show (about the whole record): listed above the form. */
export function unplacedRuleErrors(error: AppError | null): string[] {
  if (error?.code !== 'RULE_VIOLATION') return [];
  const messages = violationsOf(error.details)
    .filter((v) => v.severity === 'error' && (v.resourceType !== 'Immunization' || !v.field))
    .map((v) => ruleMessage(v.messages));
  return [...new Set(messages)];
}
