/**
 * A server that assigns its own ids (no client-chosen ids) gives a created resource a new
 * name. The local copy takes it, and every local reference to the old name follows, so the
 * patient's visits still point at the patient.
 */
import type { FhirResource } from '../../src-shared/fhir/types';
import type { Sqlite } from '../store/client';
import { stmt } from '../store/statements';
import { indexResource } from '../store/indexers';
import type { WriteContext } from '../store/resource-repo';

export function rekeyResource(sqlite: Sqlite, type: string, oldId: string, newId: string, ctx: WriteContext): void {
  const row = stmt(sqlite, 'SELECT pk, json FROM resources WHERE type = ? AND id = ?').get(type, oldId) as
    { pk: number; json: string } | undefined;
  if (!row) return;
  const resource = { ...(JSON.parse(row.json) as FhirResource), id: newId };
  stmt(sqlite, 'UPDATE resources SET id = ?, json = ? WHERE pk = ?').run(newId, JSON.stringify(resource), row.pk);
  stmt(sqlite, 'UPDATE outbox SET resource_id = ? WHERE resource_type = ? AND resource_id = ?').run(newId, type, oldId);
  stmt(sqlite, 'UPDATE audit_events SET resource_id = ? WHERE resource_type = ? AND resource_id = ?').run(
    newId,
    type,
    oldId,
  );

  const oldRef = `${type}/${oldId}`;
  const referrers = stmt(
    sqlite,
    'SELECT DISTINCT r.pk, r.type, r.id, r.json, r.server_version FROM resource_references x JOIN resources r ON r.pk = x.resource_pk WHERE x.target_type = ? AND x.target_id = ?',
  ).all(type, oldId) as { pk: number; type: string; id: string; json: string; server_version: string | null }[];
  for (const referrer of referrers) {
    const updated = JSON.parse(referrer.json, (key, value: unknown) =>
      key === 'reference' && value === oldRef ? `${type}/${newId}` : value,
    ) as FhirResource;
    stmt(sqlite, 'UPDATE resources SET json = ?, rev = rev + 1, updated_at = ? WHERE pk = ?').run(
      JSON.stringify(updated),
      ctx.now.toISOString(),
      referrer.pk,
    );
    indexResource(sqlite, referrer.pk, updated);
    const queued = stmt(
      sqlite,
      "SELECT 1 FROM outbox WHERE resource_type = ? AND resource_id = ? AND state = 'pending'",
    ).get(referrer.type, referrer.id);
    // A referrer the server already has must be sent again with the new reference.
    if (!queued && referrer.server_version !== null) {
      const rev = (stmt(sqlite, 'SELECT rev FROM resources WHERE pk = ?').get(referrer.pk) as { rev: number }).rev;
      stmt(
        sqlite,
        "INSERT INTO outbox (resource_type, resource_id, op, base_version, rev, created_at, user_id) VALUES (?, ?, 'update', ?, ?, ?, NULL)",
      ).run(referrer.type, referrer.id, referrer.server_version, rev, ctx.now.toISOString());
    }
  }
}
