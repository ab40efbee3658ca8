/**
 * Rule violations as the renderer shows them: in the nurse's language (each rule carries its
 * own translations, written by whoever published it), errors beside their field, warnings for
 * confirmation.
 */
import type { RuleMessages, RuleViolation } from '../../../src-shared/domain/rules';
import { violationsOf } from '../../../src-shared/domain/rules';
import type { AppError, FieldErrors } from '../../../src-shared/errors';
import { language } from '../../lib/i18n.svelte';

export function ruleMessage(messages: RuleMessages): string {
  const lang = language();
  return (lang !== 'en' ? messages[lang] : undefined) ?? messages.en;
}

function violations(error: AppError | null): RuleViolation[] {
  return error?.code === 'RULE_VIOLATION' ? violationsOf(error.details) : [];
}

/** Warnings the nurse may confirm: only when no rule error stands in the way. */
export function warningsToConfirm(error: AppError | null): RuleViolation[] {
  const all = violations(error);
  return all.some((v) => v.severity === 'error') ? [] : all;
}

/**
 * Rule errors keyed by the form's field (shown beside it); a rule about the whole record gets a
 * key of its own, which no field claims, so the error summary lists it.
 */
export function ruleFieldErrors(error: AppError | null): FieldErrors {
  const out: FieldErrors = {};
  for (const v of violations(error)) {
    if (v.severity !== 'error') continue;
    out[v.field ?? `rule:${v.ruleId}`] ??= ruleMessage(v.messages);
  }
  return out;
}
