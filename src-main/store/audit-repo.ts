import type { Sqlite } from './client';
import { stmt } from './statements';

export type AuditAction = 'create' | 'update' | 'view' | 'delete' | 'sign-in' | 'sign-in-failed' | 'lock';

/** Who did what to which record, and when; ids only, never patient data. */
export function recordAudit(
  sqlite: Sqlite,
  ctx: { userId: string | null; now: Date },
  action: AuditAction,
  resourceType: string | null = null,
  resourceId: string | null = null,
): void {
  stmt(sqlite, 'INSERT INTO audit_events (at, user_id, action, resource_type, resource_id) VALUES (?, ?, ?, ?, ?)').run(
    ctx.now.toISOString(),
    ctx.userId,
    action,
    resourceType,
    resourceId,
  );
}

export interface AuditRow {
  at: string;
  userId: string | null;
  action: AuditAction;
  resourceType: string | null;
  resourceId: string | null;
}

export function listAudit(sqlite: Sqlite, resourceType: string, resourceId: string): AuditRow[] {
  return stmt(
    sqlite,
    'SELECT at, user_id AS userId, action, resource_type AS resourceType, resource_id AS resourceId FROM audit_events WHERE resource_type = ? AND resource_id = ? ORDER BY seq',
  ).all(resourceType, resourceId) as AuditRow[];
}
