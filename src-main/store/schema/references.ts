import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { resources } from './resources';

/** Every `reference` in a resource, so a patient's compartment is one indexed lookup. */
export const resourceReferences = sqliteTable(
  'resource_references',
  {
    resourcePk: integer('resource_pk')
      .notNull()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.resourcePk, t.path, t.targetType, t.targetId] }),
    index('resource_references_target').on(t.targetType, t.targetId),
  ],
);
