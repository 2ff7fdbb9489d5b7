CREATE TABLE `funeral_policy_schemes` (
	`id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `funeral_settlements` (
	`funeral_home` text NOT NULL,
	`month` text NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` integer,
	`waivers` integer NOT NULL,
	`total_waived` integer NOT NULL,
	PRIMARY KEY(`funeral_home`, `month`)
);
--> statement-breakpoint
CREATE TABLE `funeral_waivers` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`funeral_home` text NOT NULL,
	`deceased_name` text NOT NULL,
	`deceased_id_number` text NOT NULL,
	`date_of_death` text NOT NULL,
	`input` text NOT NULL,
	`computation` text NOT NULL,
	`scheme_id` text NOT NULL,
	`version_id` text NOT NULL,
	`total_claimed` integer NOT NULL,
	`total_waived` integer NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`entered_by` integer,
	`entered_at` text NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` text,
	`reject_reason` text,
	`settlement_month` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funeral_waivers_number_unique` ON `funeral_waivers` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `funeral_waivers_person` ON `funeral_waivers` (`deceased_id_number`);--> statement-breakpoint
CREATE INDEX `funeral_waivers_settlement` ON `funeral_waivers` (`funeral_home`,`settlement_month`);--> statement-breakpoint
CREATE INDEX `funeral_waivers_status` ON `funeral_waivers` (`status`);--> statement-breakpoint
ALTER TABLE `divorce_applications` ADD `registrar_user_id` integer;