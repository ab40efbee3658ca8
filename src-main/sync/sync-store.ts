/**
 * What sync does to the dCDR, each step one transaction: storing what the iCDR sent (merging
 * with pending local edits, or recording a conflict), and settling what was uploaded. A local
 * change leaves the outbox only when the server acknowledged it, or when a person chose.
 */
import type { FhirResource } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { indexResource } from '../store/indexers';
import { putCentralResource, type WriteContext } from '../store/resource-repo';
import { threeWayMerge, type FieldConflict } from './three-way-merge';

export type ApplyOutcome = 'unchanged' | 'stored' | 'merged' | 'conflict' | 'deleted';

interface LocalRow {
  pk: number;
  rev: number;
  server_version: string | null;
  json: string;
  deleted: number;
}

function localRow(sqlite: Sqlite, type: string, id: string): LocalRow | undefined {
  return stmt(sqlite, 'SELECT pk, rev, server_version, json, deleted FROM resources WHERE type = ? AND id = ?').get(
    type,
    id,
  ) as LocalRow | undefined;
}

/**
 * Only numeric versions can be ordered (HAPI's 1, 2, 3...): timestamps cannot, because a
 * server's clock can be set back. Servers with opaque versions offer no history to replay,
 * so searches only ever show them the current version.
 */
function isOlderVersion(a: string | null, b: string): boolean {
  return a !== null && /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) < Number(b);
}

function pendingCount(sqlite: Sqlite, type: string, id: string): number {
  return (
    stmt(sqlite, 'SELECT count(*) AS n FROM outbox WHERE resource_type = ? AND resource_id = ?').get(type, id) as {
      n: number;
    }
  ).n;
}

function baseJson(sqlite: Sqlite, pk: number): FhirResource | null {
  const row = stmt(sqlite, 'SELECT json FROM resource_base WHERE resource_pk = ?').get(pk) as
    { json: string } | undefined;
  return row ? (JSON.parse(row.json) as FhirResource) : null;
}

function recordConflict(
  sqlite: Sqlite,
  pk: number,
  theirs: FhirResource | null,
  fields: FieldConflict[],
  ctx: WriteContext,
  type: string,
  id: string,
): void {
  stmt(
    sqlite,
    'INSERT OR REPLACE INTO sync_conflicts (resource_pk, server_version, server_json, fields, detected_at) VALUES (?, ?, ?, ?, ?)',
  ).run(
    pk,
    theirs?.meta?.versionId ?? null,
    theirs ? JSON.stringify(theirs) : null,
    JSON.stringify(fields),
    ctx.now.toISOString(),
  );
  stmt(
    sqlite,
    "UPDATE outbox SET state = 'conflict' WHERE resource_type = ? AND resource_id = ? AND state = 'pending'",
  ).run(type, id);
}

/**
 * A resource as the iCDR has it now. Without local edits it replaces the local copy; with
 * local edits it is merged three-way against the version those edits started from.
 */
export function applyServerResource(
  sqlite: Sqlite,
  theirs: FhirResource & { id: string },
  ctx: WriteContext,
): ApplyOutcome {
  const type = theirs.resourceType;
  const local = localRow(sqlite, type, theirs.id);
  const version = theirs.meta?.versionId ?? null;
  if (local && !local.deleted && version !== null && local.server_version === version) return 'unchanged';
  // History may list an older version after a newer one (servers differ in order): never go back.
  if (local && !local.deleted && local.server_version !== null && isOlderVersion(version, local.server_version))
    return 'unchanged';
  if (!local || pendingCount(sqlite, type, theirs.id) === 0) {
    putCentralResource(sqlite, theirs, ctx, local ? { pk: local.pk } : null);
    if (local) stmt(sqlite, 'DELETE FROM resource_base WHERE resource_pk = ?').run(local.pk);
    return 'stored';
  }
  const mine = JSON.parse(local.json) as FhirResource;
  const base = baseJson(sqlite, local.pk);
  // A local create meeting a central resource with the same id has no common ancestor:
  // every differing element is a conflict, which is what an empty base gives.
  const { merged, conflicts } = threeWayMerge(base ?? { resourceType: type, id: theirs.id }, mine, theirs);
  if (conflicts.length > 0) {
    recordConflict(sqlite, local.pk, theirs, conflicts, ctx, type, theirs.id);
    return 'conflict';
  }
  rebase(sqlite, local.pk, type, theirs, merged, ctx);
  return 'merged';
}

/** The local edit now builds on `theirs`: store the merge, and make `theirs` the new base. */
export function rebase(
  sqlite: Sqlite,
  pk: number,
  type: string,
  theirs: FhirResource & { id: string },
  merged: FhirResource,
  ctx: WriteContext,
): void {
  const version = theirs.meta?.versionId ?? null;
  stmt(
    sqlite,
    'UPDATE resources SET json = ?, server_version = ?, rev = rev + 1, updated_at = ?, deleted = 0 WHERE pk = ?',
  ).run(JSON.stringify(merged), version, ctx.now.toISOString(), pk);
  stmt(sqlite, 'INSERT OR REPLACE INTO resource_base (resource_pk, server_version, json) VALUES (?, ?, ?)').run(
    pk,
    version ?? '',
    JSON.stringify(theirs),
  );
  stmt(
    sqlite,
    "UPDATE outbox SET base_version = ?, op = 'update', state = 'pending' WHERE resource_type = ? AND resource_id = ?",
  ).run(version, type, theirs.id);
  indexResource(sqlite, pk, merged);
}

/** A central deletion: applied unless a local edit is waiting, which makes it a conflict. */
export function applyServerDeletion(sqlite: Sqlite, type: string, id: string, ctx: WriteContext): ApplyOutcome {
  const local = localRow(sqlite, type, id);
  if (!local || local.deleted) return 'unchanged';
  if (pendingCount(sqlite, type, id) > 0) {
    recordConflict(
      sqlite,
      local.pk,
      null,
      [{ path: '(deleted)', base: null, mine: null, theirs: null }],
      ctx,
      type,
      id,
    );
    return 'conflict';
  }
  markDeleted(sqlite, local.pk, ctx);
  return 'deleted';
}

export function markDeleted(sqlite: Sqlite, pk: number, ctx: WriteContext): void {
  stmt(sqlite, 'UPDATE resources SET deleted = 1, updated_at = ? WHERE pk = ?').run(ctx.now.toISOString(), pk);
  for (const table of [
    'patient_index',
    'patient_name_tokens',
    'patient_keys',
    'resource_references',
    'resource_base',
  ]) {
    stmt(sqlite, `DELETE FROM ${table} WHERE resource_pk = ?`).run(pk);
  }
}

export interface PendingUpload {
  pk: number;
  type: string;
  id: string;
  /** create: the iCDR has never acknowledged it; update: If-Match on baseVersion. */
  op: 'create' | 'update' | 'delete';
  baseVersion: string | null;
  rev: number;
  resource: FhirResource;
  /** Outbox rows this upload settles. */
  maxSeq: number;
}

/** Local changes ready to send, one per resource (its latest state), oldest first. */
export function pendingUploads(sqlite: Sqlite, limit: number): PendingUpload[] {
  const rows = stmt(
    sqlite,
    `SELECT r.pk, o.resource_type AS type, o.resource_id AS id,
            CASE WHEN min(CASE WHEN o.op = 'create' THEN 0 ELSE 1 END) = 0 AND r.server_version IS NULL THEN 'create'
                 WHEN max(CASE WHEN o.op = 'delete' THEN 1 ELSE 0 END) = 1 THEN 'delete' ELSE 'update' END AS op,
            r.server_version AS baseVersion, r.rev, r.json, max(o.seq) AS maxSeq
     FROM outbox o JOIN resources r ON r.type = o.resource_type AND r.id = o.resource_id
     WHERE o.state = 'pending'
       AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.resource_type = o.resource_type AND x.resource_id = o.resource_id AND x.state <> 'pending')
     GROUP BY o.resource_type, o.resource_id ORDER BY min(o.seq) LIMIT ?`,
  ).all(limit) as {
    pk: number;
    type: string;
    id: string;
    op: PendingUpload['op'];
    baseVersion: string | null;
    rev: number;
    json: string;
    maxSeq: number;
  }[];
  return rows.map((r) => ({ ...r, resource: JSON.parse(r.json) as FhirResource }));
}

/**
 * The iCDR stored the upload as `stored`. Outbox rows up to the uploaded one are settled; an
 * edit made while the upload was on its way stays queued, now based on the stored version.
 */
export function acknowledgeUpload(
  sqlite: Sqlite,
  upload: PendingUpload,
  stored: FhirResource & { id: string },
  ctx: WriteContext,
): void {
  stmt(sqlite, 'DELETE FROM outbox WHERE resource_type = ? AND resource_id = ? AND seq <= ?').run(
    upload.type,
    upload.id,
    upload.maxSeq,
  );
  const version = stored.meta?.versionId ?? null;
  const current = localRow(sqlite, upload.type, upload.id);
  if (!current) return;
  if (current.rev === upload.rev) {
    if (upload.op === 'delete') {
      markDeleted(sqlite, current.pk, ctx);
      return;
    }
    // Keep the server's copy: it may carry meta or elements the server filled in.
    stmt(sqlite, 'UPDATE resources SET json = ?, server_version = ? WHERE pk = ?').run(
      JSON.stringify(stored),
      version,
      current.pk,
    );
    indexResource(sqlite, current.pk, stored);
    stmt(sqlite, 'DELETE FROM resource_base WHERE resource_pk = ?').run(current.pk);
  } else {
    stmt(sqlite, 'UPDATE resources SET server_version = ? WHERE pk = ?').run(version, current.pk);
    stmt(sqlite, 'INSERT OR REPLACE INTO resource_base (resource_pk, server_version, json) VALUES (?, ?, ?)').run(
      current.pk,
      version ?? '',
      JSON.stringify(stored),
    );
    stmt(sqlite, "UPDATE outbox SET base_version = ?, op = 'update' WHERE resource_type = ? AND resource_id = ?").run(
      version,
      upload.type,
      upload.id,
    );
  }
}

/** The iCDR refused the change for a reason a person must read: kept, and shown. */
export function rejectUpload(sqlite: Sqlite, upload: PendingUpload, reason: string): void {
  stmt(
    sqlite,
    "UPDATE outbox SET state = 'rejected', attempts = attempts + 1, last_error = ? WHERE resource_type = ? AND resource_id = ? AND seq <= ?",
  ).run(reason.slice(0, 2000), upload.type, upload.id, upload.maxSeq);
}

export interface Cursor {
  watermark: string | null;
  passWatermark: string | null;
  nextUrl: string | null;
}

export function readCursor(sqlite: Sqlite, subscription: string): Cursor {
  const row = stmt(
    sqlite,
    'SELECT watermark, pass_watermark AS passWatermark, next_url AS nextUrl FROM sync_cursors WHERE subscription = ?',
  ).get(subscription) as Cursor | undefined;
  return row ?? { watermark: null, passWatermark: null, nextUrl: null };
}

export function writeCursor(sqlite: Sqlite, subscription: string, cursor: Cursor, now: Date): void {
  stmt(
    sqlite,
    `INSERT INTO sync_cursors (subscription, watermark, pass_watermark, next_url, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(subscription) DO UPDATE SET watermark = excluded.watermark, pass_watermark = excluded.pass_watermark, next_url = excluded.next_url, updated_at = excluded.updated_at`,
  ).run(subscription, cursor.watermark, cursor.passWatermark, cursor.nextUrl, now.toISOString());
}
