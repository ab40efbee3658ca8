import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

/** Local changes waiting for the iCDR; a row leaves only when the server acknowledged it. */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id').notNull(),
    op: text('op', { enum: ['create', 'update', 'delete'] }).notNull(),
    /** Server version the edit started from (null for a resource the server has never seen). */
    baseVersion: text('base_version'),
    /** Local revision this change produced. */
    rev: integer('rev').notNull(),
    createdAt: text('created_at').notNull(),
    userId: text('user_id'),
    /** pending: to send; rejected: the iCDR refused it (reason kept); conflict: waits for a person. */
    state: text('state', { enum: ['pending', 'rejected', 'conflict'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** The iCDR's reason, in its words, for a rejected change. */
    lastError: text('last_error'),
  },
  (t) => [
    index('outbox_resource').on(t.resourceType, t.resourceId),
    // Counting what waits, per state and record, without reading the rows (status after each save).
    index('outbox_state_resource').on(t.state, t.resourceType, t.resourceId),
  ],
);
