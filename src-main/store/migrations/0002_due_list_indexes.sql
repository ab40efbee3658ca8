CREATE TABLE `appointment_index` (
	`resource_pk` integer PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `appointment_index_status_date` ON `appointment_index` (`status`,`date`);--> statement-breakpoint
CREATE INDEX `appointment_index_patient` ON `appointment_index` (`patient_id`);--> statement-breakpoint
CREATE TABLE `due_child` (
	`resource_pk` integer PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`birth_date` text,
	`sort_name` text NOT NULL,
	`village` text,
	`listed` integer NOT NULL,
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `due_child_birth_date` ON `due_child` (`birth_date`);--> statement-breakpoint
CREATE TABLE `immunization_history` (
	`patient_id` text PRIMARY KEY NOT NULL,
	`doses` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `immunization_index` (
	`resource_pk` integer PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`codes` text NOT NULL,
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `immunization_index_patient` ON `immunization_index` (`patient_id`,`date`);--> statement-breakpoint
-- Backfill: the same rows src-main/immunization/due-indexer.ts writes for each resource
-- (test/unit/due/migration-0002-due-list.test.ts checks both agree).
INSERT INTO `immunization_index` (`resource_pk`, `patient_id`, `date`, `status`, `codes`)
SELECT `pk`, `patient_id`, `date`, `status`, `codes` FROM (
	SELECT r.`pk` AS `pk`,
		json_extract(r.`json`, '$.patient.reference') AS `ref`,
		substr(json_extract(r.`json`, '$.patient.reference'), 9) AS `patient_id`,
		json_type(r.`json`, '$.occurrenceDateTime') AS `occurrence_type`,
		substr(json_extract(r.`json`, '$.occurrenceDateTime'), 1, 10) AS `date`,
		json_extract(r.`json`, '$.status') AS `status`,
		CASE WHEN json_type(r.`json`, '$.vaccineCode.coding') = 'array' THEN (
			SELECT group_concat(json_extract(c.`value`, '$.system') || '|' || json_extract(c.`value`, '$.code'), char(10) ORDER BY c.`key`)
			FROM json_each(r.`json`, '$.vaccineCode.coding') c
			WHERE json_type(c.`value`, '$.system') = 'text' AND json_type(c.`value`, '$.code') = 'text'
		) END AS `codes`
	FROM `resources` r WHERE r.`type` = 'Immunization' AND r.`deleted` = 0
) WHERE `status` IN ('completed', 'not-done') AND `occurrence_type` = 'text'
	AND `date` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
	AND `ref` GLOB 'Patient/*' AND length(`patient_id`) BETWEEN 1 AND 64 AND `patient_id` NOT GLOB '*[^A-Za-z0-9.-]*'
	AND `codes` IS NOT NULL;
--> statement-breakpoint
INSERT INTO `appointment_index` (`resource_pk`, `patient_id`, `date`, `status`)
SELECT `pk`, `patient_id`, `date`, `status` FROM (
	SELECT r.`pk` AS `pk`,
		(SELECT substr(json_extract(p.`value`, '$.actor.reference'), 9) FROM json_each(r.`json`, '$.participant') p
			WHERE json_type(p.`value`, '$.actor.reference') = 'text' AND json_extract(p.`value`, '$.actor.reference') GLOB 'Patient/?*'
			ORDER BY p.`key` LIMIT 1) AS `patient_id`,
		substr(json_extract(r.`json`, '$.start'), 1, 10) AS `date`,
		json_extract(r.`json`, '$.status') AS `status`
	FROM `resources` r
	WHERE r.`type` = 'Appointment' AND r.`deleted` = 0 AND json_type(r.`json`, '$.start') = 'text'
		AND json_type(r.`json`, '$.participant') = 'array' AND json_type(r.`json`, '$.status') = 'text'
) WHERE `patient_id` IS NOT NULL AND length(`patient_id`) <= 64 AND `patient_id` NOT GLOB '*[^A-Za-z0-9.-]*'
	AND `date` GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';
--> statement-breakpoint
-- Each patient's completed doses in one row, for the due list: backfilled here, then kept by the
-- triggers below whenever an index row comes or goes (local save, sync pull, deletion).
INSERT INTO `immunization_history` (`patient_id`, `doses`)
SELECT `patient_id`, group_concat(`date` || char(31) || `codes`, char(30) ORDER BY `date`, `resource_pk`)
FROM `immunization_index` WHERE `status` = 'completed' GROUP BY `patient_id`;
--> statement-breakpoint
CREATE TRIGGER `immunization_history_after_insert` AFTER INSERT ON `immunization_index` BEGIN
	DELETE FROM `immunization_history` WHERE `patient_id` = NEW.`patient_id`;
	INSERT INTO `immunization_history` (`patient_id`, `doses`)
	SELECT `patient_id`, group_concat(`date` || char(31) || `codes`, char(30) ORDER BY `date`, `resource_pk`)
	FROM `immunization_index` WHERE `patient_id` = NEW.`patient_id` AND `status` = 'completed' GROUP BY `patient_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `immunization_history_after_delete` AFTER DELETE ON `immunization_index` BEGIN
	DELETE FROM `immunization_history` WHERE `patient_id` = OLD.`patient_id`;
	INSERT INTO `immunization_history` (`patient_id`, `doses`)
	SELECT `patient_id`, group_concat(`date` || char(31) || `codes`, char(30) ORDER BY `date`, `resource_pk`)
	FROM `immunization_index` WHERE `patient_id` = OLD.`patient_id` AND `status` = 'completed' GROUP BY `patient_id`;
END;
--> statement-breakpoint
INSERT INTO `due_child` (`resource_pk`, `patient_id`, `birth_date`, `sort_name`, `village`, `listed`)
SELECT r.`pk`, r.`id`, pi.`birth_date`, pi.`sort_name`,
	coalesce(json_extract(r.`json`, '$.address[0].city'), json_extract(r.`json`, '$.address[0].district')),
	CASE WHEN coalesce(json_extract(r.`json`, '$.active'), 1) <> 0
		AND coalesce(json_extract(r.`json`, '$.deceasedBoolean'), 0) = 0
		AND json_type(r.`json`, '$.deceasedDateTime') IS NULL
		AND NOT EXISTS (SELECT 1 FROM json_each(r.`json`, '$.link') l WHERE json_extract(l.`value`, '$.type') = 'replaced-by')
	THEN 1 ELSE 0 END
FROM `resources` r JOIN `patient_index` pi ON pi.`resource_pk` = r.`pk`
WHERE r.`type` = 'Patient' AND r.`deleted` = 0;
--> statement-breakpoint
-- A deletion pulled from the iCDR only flags the row (sync-store markDeleted); the due list must
-- forget it at once, whoever flagged it.
CREATE TRIGGER `resources_deleted_unindex_due` AFTER UPDATE OF `deleted` ON `resources` WHEN NEW.`deleted` = 1 BEGIN
	DELETE FROM `immunization_index` WHERE `resource_pk` = NEW.`pk`;
	DELETE FROM `appointment_index` WHERE `resource_pk` = NEW.`pk`;
	DELETE FROM `due_child` WHERE `resource_pk` = NEW.`pk`;
END;
