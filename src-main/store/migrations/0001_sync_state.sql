CREATE TABLE `sync_conflicts` (
	`resource_pk` integer PRIMARY KEY NOT NULL,
	`server_version` text,
	`server_json` text,
	`fields` text NOT NULL,
	`detected_at` text NOT NULL,
	FOREIGN KEY (`resource_pk`) REFERENCES `resources`(`pk`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`subscription` text PRIMARY KEY NOT NULL,
	`watermark` text,
	`pass_watermark` text,
	`next_url` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `state` text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
CREATE INDEX `outbox_state_resource` ON `outbox` (`state`,`resource_type`,`resource_id`);