import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { resources } from './resources';

/**
 * The last version the iCDR acknowledged, kept while local edits are pending: the base of
 * the three-way merge when the server changed the same resource meanwhile.
 */
export const resourceBase = sqliteTable('resource_base', {
  resourcePk: integer('resource_pk')
    .primaryKey()
    .references(() => resources.pk, { onDelete: 'cascade' }),
  serverVersion: text('server_version').notNull(),
  json: text('json').notNull(),
});
