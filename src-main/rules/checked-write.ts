/**
 * Every save goes through here: the write runs, the records it wrote (found through the outbox
 * rows it added) are checked against the rules in force, and the whole transaction is undone
 * if a rule says no. Errors always refuse; warnings refuse until the nurse confirms each one by
 * id, and a confirmed save records that in a FHIR Provenance (sent to the iCDR with the
 * record), so the centre sees which warnings were overridden, by whom and when — an audit
 * line here could not travel, and an extension on the record would outlive the warning.
 */
import { AppError } from '../../src-shared/errors';
import type { RuleViolation } from '../../src-shared/domain/rules';
import type { FhirResource } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { createLocalResource, getResource, type WriteContext } from '../store/resource-repo';
import { stmt } from '../store/statements';
import type { RuleEngine } from './rule-engine';
import { fieldOf } from './form-fields';

function lastOutboxSeq(sqlite: Sqlite): number {
  const row = stmt(sqlite, 'SELECT coalesce(max(seq), 0) AS seq FROM outbox').get() as { seq: number };
  return row.seq;
}

function writtenSince(sqlite: Sqlite, seq: number): FhirResource[] {
  const rows = stmt(
    sqlite,
    "SELECT DISTINCT resource_type AS type, resource_id AS id FROM outbox WHERE seq > ? AND op != 'delete' ORDER BY seq",
  ).all(seq) as { type: string; id: string }[];
  return rows.flatMap((r) => {
    const stored = getResource(sqlite, r.type, r.id);
    return stored ? [stored.resource] : [];
  });
}

/** The patient a clinical record is about, for %patient (subject or patient reference). */
function patientOf(sqlite: Sqlite, resource: FhirResource, written: FhirResource[]): FhirResource | null {
  if (resource.resourceType === 'Patient') return resource;
  const ref = (resource.subject ?? resource.patient) as { reference?: unknown } | undefined;
  const match = typeof ref?.reference === 'string' ? /^Patient\/([^/]+)$/.exec(ref.reference) : null;
  if (!match?.[1]) return null;
  const id = match[1];
  return (
    written.find((r) => r.resourceType === 'Patient' && r.id === id) ??
    getResource(sqlite, 'Patient', id)?.resource ??
    null
  );
}

export function violationError(violations: RuleViolation[]): AppError {
  const errors = violations.filter((v) => v.severity === 'error');
  const fields: Record<string, string> = {};
  for (const v of errors) if (v.field) fields[v.field] ??= v.messages.en;
  const message =
    errors.length > 0
      ? 'This was not saved: some entries break the clinic’s rules. Please correct what is shown below.'
      : 'This was not saved yet: please check the warnings and confirm them if the entries are right.';
  return new AppError('RULE_VIOLATION', message, { violations, fields });
}

function recordConfirmation(
  sqlite: Sqlite,
  ctx: WriteContext,
  written: FhirResource[],
  confirmed: RuleViolation[],
  packUrl: (ruleId: string) => string,
): void {
  const user = ctx.userId
    ? (stmt(sqlite, 'SELECT full_name FROM users WHERE id = ?').get(ctx.userId) as { full_name: string } | undefined)
    : undefined;
  const seen = new Set<string>();
  const provenance: FhirResource = {
    resourceType: 'Provenance',
    target: written.map((r) => ({ reference: `${r.resourceType}/${r.id ?? ''}` })),
    recorded: ctx.now.toISOString(),
    activity: { text: 'Saved after the nurse confirmed warnings from the clinic’s checks on entries' },
    agent: [{ who: { display: user?.full_name ?? 'Kliniki user' } }],
    reason: confirmed
      .filter((v) => !seen.has(v.ruleId) && seen.add(v.ruleId))
      .map((v) => ({
        coding: [{ system: packUrl(v.ruleId), code: v.key, display: v.messages.en }],
        text: v.messages.en,
      })),
  };
  createLocalResource(sqlite, provenance, ctx);
}

export interface CheckedWriteDeps {
  sqlite: Sqlite;
  rules: RuleEngine;
}

/** Runs `write` in a transaction that stands only if the records it wrote pass the rules. */
export function checkedWrite<T>(
  deps: CheckedWriteDeps,
  ctx: WriteContext,
  confirmWarnings: readonly string[] | undefined,
  write: () => T,
): T {
  const { sqlite } = deps;
  return sqlite.transaction(() => {
    const before = lastOutboxSeq(sqlite);
    const result = write();
    const written = writtenSince(sqlite, before);
    const failures = deps.rules.check(
      written.map((resource) => ({ resource, patient: patientOf(sqlite, resource, written) })),
      ctx.now,
    );
    if (failures.length === 0) return result;
    const violations: RuleViolation[] = failures.map(({ rule, item }) => {
      const resource = written[item] as FhirResource;
      const index = written.slice(0, item).filter((r) => r.resourceType === resource.resourceType).length;
      return {
        ruleId: rule.id,
        key: rule.key,
        severity: rule.severity,
        messages: rule.messages,
        resourceType: resource.resourceType,
        field: fieldOf(rule, resource),
        index,
      };
    });
    const confirmed = new Set(confirmWarnings ?? []);
    if (violations.some((v) => v.severity === 'error' || !confirmed.has(v.ruleId))) {
      throw violationError(violations);
    }
    const urls = new Map(failures.map((f) => [f.rule.id, f.rule.packUrl]));
    recordConfirmation(sqlite, ctx, written, violations, (id) => urls.get(id) ?? '');
    return result;
  })();
}
