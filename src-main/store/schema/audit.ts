import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Who created, changed or viewed which record, and when. Never holds patient data itself. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    userId: text('user_id'),
    action: text('action', {
      enum: ['create', 'update', 'view', 'delete', 'sign-in', 'sign-in-failed', 'lock'],
    }).notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
  },
  (t) => [index('audit_events_resource').on(t.resourceType, t.resourceId)],
);
