CREATE TABLE `eco_burial_subsidies` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`deceased_name` text NOT NULL,
	`deceased_id_number` text NOT NULL,
	`date_of_death` text NOT NULL,
	`input` text NOT NULL,
	`burial_type` text NOT NULL,
	`burial_date` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`scheme_id` text NOT NULL,
	`version_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`applied_on` text NOT NULL,
	`entered_by` integer,
	`reviewed_by` integer,
	`reviewed_at` text,
	`reject_reason` text,
	`paid_on` text,
	`payment_reference` text,
	`paid_by` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eco_burial_subsidies_number_unique` ON `eco_burial_subsidies` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `eco_burial_subsidies_person` ON `eco_burial_subsidies` (`deceased_id_number`);--> statement-breakpoint
CREATE INDEX `eco_burial_subsidies_status` ON `eco_burial_subsidies` (`status`);