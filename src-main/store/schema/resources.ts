import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

/**
 * Every FHIR resource, stored whole as the JSON it arrived or was made with, so a resource
 * edited here goes back to the iCDR with every field and extension it came with.
 */
export const resources = sqliteTable(
  'resources',
  {
    pk: integer('pk').primaryKey({ autoIncrement: true }),
    type: text('type').notNull(),
    id: text('id').notNull(),
    /** Local revision, bumped by every local write; guards against editing a stale form. */
    rev: integer('rev').notNull().default(1),
    /** meta.versionId the iCDR gave this resource; null until it has seen it. */
    serverVersion: text('server_version'),
    json: text('json').notNull(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    createdBy: text('created_by'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [uniqueIndex('resources_type_id').on(t.type, t.id), index('resources_type_updated').on(t.type, t.updatedAt)],
);
