import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  /** Lower-cased: sign-in is case-insensitive on the name. */
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role', { enum: ['nurse', 'clinical-officer', 'admin'] }).notNull(),
  /** Self-describing scrypt hash: `scrypt$N$r$p$salt$hash` (base64). */
  passwordHash: text('password_hash').notNull(),
  createdAt: text('created_at').notNull(),
  /** Failed sign-ins in a row and when the next try is accepted; survives a restart. */
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
});
