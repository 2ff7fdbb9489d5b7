CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY NOT NULL,
	`record_id` text NOT NULL,
	`name` text NOT NULL,
	`mime_type` text NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attachments_record` ON `attachments` (`record_id`);--> statement-breakpoint
CREATE TABLE `calendar_years` (
	`year` integer PRIMARY KEY NOT NULL,
	`holidays` text NOT NULL,
	`workdays` text NOT NULL,
	`source` text NOT NULL,
	`loaded_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `certificate_reissues` (
	`id` integer PRIMARY KEY NOT NULL,
	`certificate_number` text NOT NULL,
	`original_number` text NOT NULL,
	`party` integer NOT NULL,
	`issued_on` text NOT NULL,
	`reason` text NOT NULL,
	`registrar_user_id` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_reissues_certificate_number_unique` ON `certificate_reissues` (`certificate_number`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`data` text NOT NULL,
	`user_id` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `record_certificates` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`issued_on` text NOT NULL,
	`content` text NOT NULL,
	`registrar_user_id` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `record_certificates_number_unique` ON `record_certificates` (`number`);--> statement-breakpoint
ALTER TABLE `marriage_refusals` ADD `reason_code` text DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE `marriages` ADD `party1_document_type` text DEFAULT 'resident-id' NOT NULL;--> statement-breakpoint
ALTER TABLE `marriages` ADD `party2_document_type` text DEFAULT 'resident-id' NOT NULL;--> statement-breakpoint
ALTER TABLE `marriages` ADD `review_findings` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
CREATE INDEX `marriages_registered_on` ON `marriages` (`registered_on`);