import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { resources } from './resources';

/** One row per Patient with what lists show and filters need, derived from the JSON. */
export const patientIndex = sqliteTable(
  'patient_index',
  {
    resourcePk: integer('resource_pk')
      .primaryKey()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    sortName: text('sort_name').notNull(),
    sex: text('sex').notNull(),
    birthDate: text('birth_date'),
    birthYear: integer('birth_year'),
  },
  (t) => [index('patient_index_birth_year').on(t.birthYear), index('patient_index_sort').on(t.sortName)],
);

/**
 * Name parts, folded (case, accents) and as a phonetic key, so "muhammad" finds Mohamed and
 * "nakkato" finds Nakato through one index seek each.
 */
export const patientNameTokens = sqliteTable(
  'patient_name_tokens',
  {
    resourcePk: integer('resource_pk')
      .notNull()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    phonetic: text('phonetic').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.token, t.resourcePk] }),
    index('patient_name_tokens_phonetic').on(t.phonetic, t.resourcePk),
    index('patient_name_tokens_pk').on(t.resourcePk),
  ],
);

/**
 * Identifiers and phone numbers as searchable keys. Phone numbers are stored reversed so
 * that "the last digits" (how people quote a number) is a prefix seek.
 */
export const patientKeys = sqliteTable(
  'patient_keys',
  {
    resourcePk: integer('resource_pk')
      .notNull()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['clinic-number', 'national-id', 'other-id', 'phone'] }).notNull(),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.value, t.kind, t.resourcePk] }), index('patient_keys_pk').on(t.resourcePk)],
);
