CREATE TABLE `resources` (
	`pk` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`id` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	`server_version` text,
	`json` text NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `resources_type_id` ON `resources` (`type`,`id`);--> statement-breakpoint
CREATE INDEX `resources_type_updated` ON `resources` (`type`,`updated_at`);--> statement-breakpoint
CREATE TABLE `resource_base` (
	`resource_pk` integer PRIMARY KEY NOT NULL,
	`server_version` text NOT NULL,
	`json` text NOT NULL,
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`resource_type` text NOT NULL,
	`resource_id` text NOT NULL,
	`op` text NOT NULL,
	`base_version` text,
	`rev` integer NOT NULL,
	`created_at` text NOT NULL,
	`user_id` text
);
--> statement-breakpoint
CREATE INDEX `outbox_resource` ON `outbox` (`resource_type`,`resource_id`);--> statement-breakpoint
CREATE TABLE `resource_references` (
	`resource_pk` integer NOT NULL,
	`path` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	PRIMARY KEY(`resource_pk`, `path`, `target_type`, `target_id`),
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `resource_references_target` ON `resource_references` (`target_type`,`target_id`);--> statement-breakpoint
CREATE TABLE `patient_index` (
	`resource_pk` integer PRIMARY KEY NOT NULL,
	`sort_name` text NOT NULL,
	`sex` text NOT NULL,
	`birth_date` text,
	`birth_year` integer,
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `patient_index_birth_year` ON `patient_index` (`birth_year`);--> statement-breakpoint
CREATE INDEX `patient_index_sort` ON `patient_index` (`sort_name`);--> statement-breakpoint
CREATE TABLE `patient_keys` (
	`resource_pk` integer NOT NULL,
	`kind` text NOT NULL,
	`value` text NOT NULL,
	PRIMARY KEY(`value`, `kind`, `resource_pk`),
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `patient_keys_pk` ON `patient_keys` (`resource_pk`);--> statement-breakpoint
CREATE TABLE `patient_name_tokens` (
	`resource_pk` integer NOT NULL,
	`token` text NOT NULL,
	`phonetic` text NOT NULL,
	PRIMARY KEY(`token`, `resource_pk`),
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `patient_name_tokens_phonetic` ON `patient_name_tokens` (`phonetic`,`resource_pk`);--> statement-breakpoint
CREATE INDEX `patient_name_tokens_pk` ON `patient_name_tokens` (`resource_pk`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`full_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`action` text NOT NULL,
	`resource_type` text,
	`resource_id` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_resource` ON `audit_events` (`resource_type`,`resource_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
