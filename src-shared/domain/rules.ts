/**
 * Checks on entries ("business rules"): FHIRPath invariants published by the iCDR or shipped with
 * Kliniki, evaluated by the core on every save. These are the shapes that cross the IPC boundary.
 */
import { z } from 'zod';

export const RULE_SEVERITIES = ['error', 'warning'] as const;
export const ruleSeveritySchema = z.enum(RULE_SEVERITIES);
export type RuleSeverity = z.infer<typeof ruleSeveritySchema>;

/** The rule's message in each language the pack provides; English is always there. */
export const ruleMessagesSchema = z.object({
  en: z.string(),
  fr: z.string().optional(),
  sw: z.string().optional(),
});
export type RuleMessages = z.infer<typeof ruleMessagesSchema>;

/** One rule that said no to the record being saved. */
export const ruleViolationSchema = z.object({
  /** Stable id (pack url + key): what the nurse's confirmation names. */
  ruleId: z.string(),
  key: z.string(),
  severity: ruleSeveritySchema,
  messages: ruleMessagesSchema,
  resourceType: z.string(),
  /** The form field the rule is about (e.g. `birth`, `temperature`), when the core knows it. */
  field: z.string().nullable(),
  /**
   * Which of the records of this type written by the save it is about (0 = first), so a form
   * saving several (the doses of a visit) shows the message beside the right one.
   */
  index: z.number().int().nonnegative().optional(),
});
export type RuleViolation = z.infer<typeof ruleViolationSchema>;

/**
 * Rule ids of warnings the nurse has read and chosen to save anyway. Bounded: it is input from
 * the renderer like any other.
 */
export const confirmWarningsSchema = z.array(z.string().min(1).max(300)).max(100).optional();

export const RULE_SOURCES = ['default', 'central'] as const;
export type RuleSource = (typeof RULE_SOURCES)[number];

export const ruleListItemSchema = z.object({
  ruleId: z.string(),
  key: z.string(),
  severity: ruleSeveritySchema,
  messages: ruleMessagesSchema,
  resourceType: z.string(),
  expression: z.string(),
  source: z.enum(RULE_SOURCES),
  packTitle: z.string(),
  packVersion: z.string(),
  /** When the laptop received a central pack (ISO time); null for the shipped pack. */
  receivedAt: z.string().nullable(),
});
export type RuleListItem = z.infer<typeof ruleListItemSchema>;

/** A rule or pack that was skipped, and why, in words (English; the renderer translates). */
export const ruleProblemSchema = z.object({
  source: z.enum(RULE_SOURCES),
  packTitle: z.string(),
  key: z.string().nullable(),
  message: z.string(),
});
export type RuleProblem = z.infer<typeof ruleProblemSchema>;

export const rulesOverviewSchema = z.object({
  rules: z.array(ruleListItemSchema),
  problems: z.array(ruleProblemSchema),
});
export type RulesOverview = z.infer<typeof rulesOverviewSchema>;

/** What a RULE_VIOLATION error carries in `details`. */
export interface RuleViolationDetails {
  violations: RuleViolation[];
}

export function violationsOf(details: Record<string, unknown> | undefined): RuleViolation[] {
  const parsed = z.array(ruleViolationSchema).safeParse(details?.violations);
  return parsed.success ? parsed.data : [];
}
