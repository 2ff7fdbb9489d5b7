CREATE TABLE `division_codes` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `funeral_waiver_reversals` (
	`id` integer PRIMARY KEY NOT NULL,
	`waiver_id` integer NOT NULL,
	`funeral_home` text NOT NULL,
	`settlement_month` text NOT NULL,
	`lines` text NOT NULL,
	`total_waived` integer NOT NULL,
	`reason` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `funeral_waiver_reversals_month` ON `funeral_waiver_reversals` (`funeral_home`,`settlement_month`);--> statement-breakpoint
CREATE TABLE `platform_link` (
	`id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`secret` text NOT NULL,
	`configured_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `platform_marital_status` (
	`id_number` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`since` text NOT NULL,
	`authority` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `serial_leases` (
	`request_id` text PRIMARY KEY NOT NULL,
	`authority` text NOT NULL,
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`size` integer NOT NULL,
	`requested_at` text NOT NULL,
	`block_id` text,
	`first` integer,
	`last` integer,
	`next` integer,
	`leased_at` text,
	`returned_at` text
);
--> statement-breakpoint
CREATE INDEX `serial_leases_open` ON `serial_leases` (`authority`,`prefix`,`year`,`first`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`pull_cursor` text DEFAULT '' NOT NULL,
	`last_success_at` text,
	`last_failure_at` text,
	`last_error` text
);
--> statement-breakpoint
DROP INDEX `funeral_waivers_person`;--> statement-breakpoint
ALTER TABLE `funeral_waivers` ADD `replaces_waiver_id` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `funeral_waivers_person` ON `funeral_waivers` (`deceased_id_number`) WHERE status <> 'superseded';--> statement-breakpoint
ALTER TABLE `marriages` ADD `platform_override_by` integer;--> statement-breakpoint
ALTER TABLE `marriages` ADD `platform_override_reason` text;--> statement-breakpoint
ALTER TABLE `marriages` ADD `platform_conflict` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reject_code` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `reject_reason` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `superseded_by` integer;--> statement-breakpoint
CREATE INDEX `outbox_blocked` ON `outbox` (`record_type`,`record_id`) WHERE status IN ('parked', 'held');