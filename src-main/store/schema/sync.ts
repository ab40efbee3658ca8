import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { resources } from './resources';

/**
 * A resource changed both here and centrally in the same elements: kept until a person
 * chooses, with the central version (null when it was deleted centrally) and the elements
 * in dispute.
 */
export const syncConflicts = sqliteTable('sync_conflicts', {
  resourcePk: integer('resource_pk')
    .primaryKey()
    .references(() => resources.pk, { onDelete: 'cascade' }),
  serverVersion: text('server_version'),
  serverJson: text('server_json'),
  /** JSON array of { path, base, mine, theirs }. */
  fields: text('fields').notNull(),
  detectedAt: text('detected_at').notNull(),
});

/**
 * Where each subscription's pull stands. `watermark` is server time, never this laptop's;
 * `nextUrl` is the page to fetch next in an interrupted pass, written in the same
 * transaction as the page before it.
 */
export const syncCursors = sqliteTable('sync_cursors', {
  subscription: text('subscription').primaryKey(),
  watermark: text('watermark'),
  passWatermark: text('pass_watermark'),
  nextUrl: text('next_url'),
  updatedAt: text('updated_at').notNull(),
});
