import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Small key/value settings and device facts; values are JSON. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
