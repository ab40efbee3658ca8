import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { resources } from './resources';

/**
 * One row per countable Immunization (what toGiven reads from the JSON), so the clinic due list
 * reads a few short columns per dose instead of parsing every Immunization. `codes` holds every
 * coding of the vaccine as `system|code`, one per line: any of them may match a series.
 */
export const immunizationIndex = sqliteTable(
  'immunization_index',
  {
    resourcePk: integer('resource_pk')
      .primaryKey()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    patientId: text('patient_id').notNull(),
    /** Local date of the dose, 'YYYY-MM-DD'. */
    date: text('date').notNull(),
    status: text('status', { enum: ['completed', 'not-done'] }).notNull(),
    codes: text('codes').notNull(),
  },
  (t) => [index('immunization_index_patient').on(t.patientId, t.date)],
);

/**
 * Follow-up appointments ("come back on"), by day, so missed ones are one range seek on the
 * booked ones whose day has passed.
 */
export const appointmentIndex = sqliteTable(
  'appointment_index',
  {
    resourcePk: integer('resource_pk')
      .primaryKey()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    patientId: text('patient_id').notNull(),
    /** The day the patient was asked to come back, 'YYYY-MM-DD' as written in Appointment.start. */
    date: text('date').notNull(),
    status: text('status').notNull(),
  },
  (t) => [
    index('appointment_index_status_date').on(t.status, t.date),
    index('appointment_index_patient').on(t.patientId),
  ],
);

/**
 * Each patient's completed doses in one row (`date` US `codes`, joined by RS), kept by triggers on
 * immunization_index (migration 0002), so the due list reads one row per child, not one per dose.
 */
export const immunizationHistory = sqliteTable('immunization_history', {
  patientId: text('patient_id').primaryKey(),
  doses: text('doses').notNull(),
});

/**
 * What the due list needs of every patient, so its one query never reads the resources table
 * (whose pages, mixed with doses and visits, would each be read and decrypted): the FHIR id,
 * birth date and sort name (copied from patient_index), village, and whether the patient is
 * called in at all (not deceased, not inactive, not merged into another record).
 */
export const dueChild = sqliteTable(
  'due_child',
  {
    resourcePk: integer('resource_pk')
      .primaryKey()
      .references(() => resources.pk, { onDelete: 'cascade' }),
    patientId: text('patient_id').notNull(),
    birthDate: text('birth_date'),
    sortName: text('sort_name').notNull(),
    village: text('village'),
    listed: integer('listed').notNull(),
  },
  (t) => [index('due_child_birth_date').on(t.birthDate)],
);
