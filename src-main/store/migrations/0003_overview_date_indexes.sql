-- The clinic overview counts visits per day and doses per month. Partial expression indexes on the
-- clinical date make those range reads, also right after a first sync, when every row was written
-- recently and the (type, updated_at) index no longer narrows anything. Written by hand: drizzle's
-- schema cannot express a partial index on a JSON expression.
CREATE INDEX `resources_encounter_start` ON `resources` (json_extract(`json`, '$.period.start')) WHERE `type` = 'Encounter';--> statement-breakpoint
CREATE INDEX `resources_immunization_occurrence` ON `resources` (json_extract(`json`, '$.occurrenceDateTime')) WHERE `type` = 'Immunization';
