/**
 * What needs a person: conflicts (the same element changed here and centrally) and changes
 * the iCDR refused. Listing them, and acting on a person's choice, each in one transaction.
 */
import type { SyncProblem } from '../../src-shared/domain/sync';
import { AppError } from '../../src-shared/errors';
import type { FhirResource, Patient } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { putCentralResource, type WriteContext } from '../store/resource-repo';
import { recordAudit } from '../store/audit-repo';
import { patientToSummary } from '../patients/fhir-patient';
import { deepEqual, resolveConflicts, threeWayMerge, type FieldConflict } from './three-way-merge';
import { markDeleted, rebase } from './sync-store';
import { describeValue, elementLabel } from './describe-element';

function title(type: string, id: string, json: string): string {
  if (type === 'Patient') {
    const s = patientToSummary(id, JSON.parse(json) as Patient);
    return `Patient ${s.displayName}${s.clinicNumber ? ` (${s.clinicNumber})` : ''}`;
  }
  return `${type} record`;
}

export function listProblems(sqlite: Sqlite): SyncProblem[] {
  const conflicts = stmt(
    sqlite,
    'SELECT r.type, r.id, r.json, c.server_json AS serverJson, c.fields, c.detected_at AS at FROM sync_conflicts c JOIN resources r ON r.pk = c.resource_pk ORDER BY c.detected_at',
  ).all() as { type: string; id: string; json: string; serverJson: string | null; fields: string; at: string }[];
  const rejected = stmt(
    sqlite,
    `SELECT r.type, r.id, r.json, max(o.last_error) AS reason, min(o.created_at) AS at FROM outbox o
     JOIN resources r ON r.type = o.resource_type AND r.id = o.resource_id WHERE o.state = 'rejected'
     GROUP BY o.resource_type, o.resource_id ORDER BY min(o.seq)`,
  ).all() as { type: string; id: string; json: string; reason: string | null; at: string }[];
  return [
    ...conflicts.map((c) => {
      const fields = JSON.parse(c.fields) as FieldConflict[];
      const deleted = c.serverJson === null;
      return {
        kind: 'conflict' as const,
        resourceType: c.type,
        resourceId: c.id,
        title: title(c.type, c.id, c.json),
        reason: deleted
          ? 'This record was deleted at the central registry, but it was also changed on this laptop.'
          : 'This record was changed both here and at the central registry. Choose which version of each detail to keep.',
        deletedCentrally: deleted,
        fields: deleted
          ? []
          : fields.map((f) => ({
              path: f.path,
              label: elementLabel(f.path),
              mine: describeValue(f.mine),
              theirs: describeValue(f.theirs),
            })),
        since: c.at,
      };
    }),
    ...rejected.map((r) => ({
      kind: 'rejected' as const,
      resourceType: r.type,
      resourceId: r.id,
      title: title(r.type, r.id, r.json),
      reason: r.reason ?? 'The central registry refused this change.',
      deletedCentrally: false,
      fields: [],
      since: r.at,
    })),
  ];
}

function withoutMeta(resource: FhirResource): FhirResource {
  const copy = { ...resource };
  delete copy.meta;
  return copy;
}

/**
 * Applies a person's choice per element. Keeping every central value drops the local change;
 * anything else becomes a new local change based on the central version, sent next sync.
 */
export function resolveConflict(
  sqlite: Sqlite,
  type: string,
  id: string,
  choices: Record<string, 'mine' | 'theirs'>,
  ctx: WriteContext,
): void {
  sqlite.transaction(() => {
    const row = stmt(
      sqlite,
      'SELECT r.pk, r.json, c.server_json AS serverJson, c.fields, b.json AS baseJson FROM sync_conflicts c JOIN resources r ON r.pk = c.resource_pk LEFT JOIN resource_base b ON b.resource_pk = r.pk WHERE r.type = ? AND r.id = ?',
    ).get(type, id) as
      { pk: number; json: string; serverJson: string | null; fields: string; baseJson: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', 'This conflict was already resolved.');
    const fields = JSON.parse(row.fields) as FieldConflict[];
    const missing = fields.filter((f) => !choices[f.path]);
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Choose a version for: ${missing.map((f) => elementLabel(f.path)).join(', ')}.`,
        {
          fields: Object.fromEntries(missing.map((f) => [f.path, 'Choose which version to keep.'])),
        },
      );
    }
    stmt(sqlite, 'DELETE FROM sync_conflicts WHERE resource_pk = ?').run(row.pk);

    if (row.serverJson === null) {
      if (choices['(deleted)'] === 'theirs') {
        stmt(sqlite, 'DELETE FROM outbox WHERE resource_type = ? AND resource_id = ?').run(type, id);
        markDeleted(sqlite, row.pk, ctx);
      } else {
        // Keep it: send it again as a new record of the same id.
        stmt(sqlite, 'UPDATE resources SET server_version = NULL WHERE pk = ?').run(row.pk);
        stmt(
          sqlite,
          "UPDATE outbox SET state = 'pending', op = 'create', base_version = NULL WHERE resource_type = ? AND resource_id = ?",
        ).run(type, id);
      }
      recordAudit(sqlite, ctx, 'update', type, id);
      return;
    }

    const theirs = JSON.parse(row.serverJson) as FhirResource & { id: string };
    const mine = JSON.parse(row.json) as FhirResource;
    const base = row.baseJson ? (JSON.parse(row.baseJson) as FhirResource) : { resourceType: type, id };
    const merge = threeWayMerge(base, mine, theirs);
    const resolved = resolveConflicts(merge.merged, merge.conflicts, (c) => choices[c.path] ?? 'theirs');
    if (deepEqual(withoutMeta(resolved), withoutMeta(theirs))) {
      stmt(sqlite, 'DELETE FROM outbox WHERE resource_type = ? AND resource_id = ?').run(type, id);
      putCentralResource(sqlite, theirs, ctx);
      stmt(sqlite, 'DELETE FROM resource_base WHERE resource_pk = ?').run(row.pk);
    } else {
      rebase(sqlite, row.pk, type, theirs, resolved, ctx);
    }
    recordAudit(sqlite, ctx, 'update', type, id);
  })();
}

export function retryRejected(sqlite: Sqlite, type: string, id: string): void {
  const changed = stmt(
    sqlite,
    "UPDATE outbox SET state = 'pending' WHERE resource_type = ? AND resource_id = ? AND state = 'rejected'",
  ).run(type, id).changes;
  if (changed === 0) throw new AppError('NOT_FOUND', 'There is no refused change for this record any more.');
}
