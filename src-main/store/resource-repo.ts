/**
 * Writes and reads of whole FHIR resources. Each write updates the resource, its derived
 * indexes, its outbox entry and the audit trail in one transaction: a crash leaves either all
 * of them or none.
 */
import { randomUUID } from 'node:crypto';
import type { FhirResource } from '../../src-shared/fhir/types';
import { AppError } from '../../src-shared/errors';
import { withoutServerMeta } from '../../src-shared/fhir/server-meta';
import type { Sqlite } from './client';
import { stmt } from './statements';
import { indexResource } from './indexers';
import { recordAudit } from './audit-repo';

export interface WriteContext {
  userId: string | null;
  now: Date;
}

export interface StoredResource {
  pk: number;
  type: string;
  id: string;
  rev: number;
  serverVersion: string | null;
  resource: FhirResource;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** A `SELECT *` row of `resources`, as other repositories' queries return it too. */
export interface ResourceRow {
  pk: number;
  type: string;
  id: string;
  rev: number;
  server_version: string | null;
  json: string;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
}

export function fromRow(row: ResourceRow): StoredResource {
  return {
    pk: row.pk,
    type: row.type,
    id: row.id,
    rev: row.rev,
    serverVersion: row.server_version,
    resource: JSON.parse(row.json) as FhirResource,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export function getResource(sqlite: Sqlite, type: string, id: string): StoredResource | null {
  const row = stmt(sqlite, 'SELECT * FROM resources WHERE type = ? AND id = ? AND deleted = 0').get(type, id) as
    ResourceRow | undefined;
  return row ? fromRow(row) : null;
}

export function getResourceByPk(sqlite: Sqlite, pk: number): StoredResource | null {
  const row = stmt(sqlite, 'SELECT * FROM resources WHERE pk = ? AND deleted = 0').get(pk) as ResourceRow | undefined;
  return row ? fromRow(row) : null;
}

export function countPendingChanges(sqlite: Sqlite, type: string, id: string): number {
  const row = stmt(sqlite, 'SELECT count(*) AS n FROM outbox WHERE resource_type = ? AND resource_id = ?').get(
    type,
    id,
  ) as {
    n: number;
  };
  return row.n;
}

function enqueue(
  sqlite: Sqlite,
  type: string,
  id: string,
  op: 'create' | 'update' | 'delete',
  base: string | null,
  rev: number,
  ctx: WriteContext,
): void {
  // A new edit is the nurse's answer to a refusal: send the record again with it.
  stmt(
    sqlite,
    "UPDATE outbox SET state = 'pending' WHERE resource_type = ? AND resource_id = ? AND state = 'rejected'",
  ).run(type, id);
  stmt(
    sqlite,
    'INSERT INTO outbox (resource_type, resource_id, op, base_version, rev, created_at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(type, id, op, base, rev, ctx.now.toISOString(), ctx.userId);
}

/** Creates a resource made on this laptop: the iCDR has not seen it, so it is queued. */
export function createLocalResource(sqlite: Sqlite, input: FhirResource, ctx: WriteContext): StoredResource {
  return sqlite.transaction(() => {
    // Client-assigned UUIDs let the sync worker PUT without a server round-trip for ids.
    const id = input.id ?? randomUUID();
    const resource: FhirResource = withoutServerMeta({ ...input, id });
    const at = ctx.now.toISOString();
    let pk: number;
    try {
      pk = Number(
        stmt(
          sqlite,
          'INSERT INTO resources (type, id, rev, server_version, json, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, NULL, ?, ?, ?, ?, ?)',
        ).run(resource.resourceType, id, JSON.stringify(resource), at, ctx.userId, at, ctx.userId).lastInsertRowid,
      );
    } catch (error) {
      if (String(error).includes('UNIQUE')) throw new AppError('CONFLICT', 'A record with this id already exists.');
      throw error;
    }
    indexResource(sqlite, pk, resource, true);
    enqueue(sqlite, resource.resourceType, id, 'create', null, 1, ctx);
    recordAudit(sqlite, ctx, 'create', resource.resourceType, id);
    return getResourceByPk(sqlite, pk)!;
  })();
}

/**
 * Replaces a resource with an edited version. `expectedRev` is the revision the editor
 * started from; if someone saved in between, the edit is refused rather than silently winning.
 */
export function updateLocalResource(
  sqlite: Sqlite,
  type: string,
  id: string,
  expectedRev: number,
  edit: (current: FhirResource) => FhirResource,
  ctx: WriteContext,
): StoredResource {
  return sqlite.transaction(() => {
    const current = getResource(sqlite, type, id);
    if (!current) throw new AppError('NOT_FOUND', 'This record no longer exists on this laptop.');
    if (current.rev !== expectedRev) {
      throw new AppError(
        'CONFLICT',
        'This record was changed after you opened it. Reload it to see the latest version, then make your change again.',
        {
          currentRev: current.rev,
        },
      );
    }
    const next = { ...edit(current.resource), resourceType: type, id };
    const rev = current.rev + 1;
    // Keep the version the iCDR last acknowledged: the base for a three-way merge later.
    if (current.serverVersion !== null) {
      stmt(sqlite, 'INSERT OR IGNORE INTO resource_base (resource_pk, server_version, json) VALUES (?, ?, ?)').run(
        current.pk,
        current.serverVersion,
        JSON.stringify(current.resource),
      );
    }
    stmt(sqlite, 'UPDATE resources SET json = ?, rev = ?, updated_at = ?, updated_by = ? WHERE pk = ?').run(
      JSON.stringify(next),
      rev,
      ctx.now.toISOString(),
      ctx.userId,
      current.pk,
    );
    indexResource(sqlite, current.pk, next);
    enqueue(
      sqlite,
      type,
      id,
      current.serverVersion === null && hasPendingCreate(sqlite, type, id) ? 'create' : 'update',
      current.serverVersion,
      rev,
      ctx,
    );
    recordAudit(sqlite, ctx, 'update', type, id);
    return getResourceByPk(sqlite, current.pk)!;
  })();
}

function hasPendingCreate(sqlite: Sqlite, type: string, id: string): boolean {
  return (
    stmt(sqlite, "SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ? AND op = 'create' LIMIT 1").get(
      type,
      id,
    ) !== undefined
  );
}

/**
 * Stores a resource that came from the central registry (or an import of its data): it is
 * already known centrally, so nothing is queued. Replaces any earlier copy.
 */
export function putCentralResource(
  sqlite: Sqlite,
  resource: FhirResource & { id: string },
  ctx: WriteContext,
  /** The local row, when the caller has already looked it up (null: known not to exist). */
  known?: { pk: number } | null,
): number {
  const at = ctx.now.toISOString();
  const version = resource.meta?.versionId ?? '1';
  const existing =
    known !== undefined
      ? (known ?? undefined)
      : (stmt(sqlite, 'SELECT pk FROM resources WHERE type = ? AND id = ?').get(resource.resourceType, resource.id) as
          { pk: number } | undefined);
  let pk: number;
  if (existing) {
    pk = existing.pk;
    stmt(
      sqlite,
      'UPDATE resources SET json = ?, server_version = ?, deleted = 0, rev = rev + 1, updated_at = ?, updated_by = ? WHERE pk = ?',
    ).run(JSON.stringify(resource), version, at, ctx.userId, pk);
  } else {
    pk = Number(
      stmt(
        sqlite,
        'INSERT INTO resources (type, id, rev, server_version, json, created_at, created_by, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)',
      ).run(resource.resourceType, resource.id, version, JSON.stringify(resource), at, ctx.userId, at, ctx.userId)
        .lastInsertRowid,
    );
  }
  indexResource(sqlite, pk, resource, !existing);
  return pk;
}
