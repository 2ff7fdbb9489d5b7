CREATE TABLE `cremation_certificates` (
	`number` text PRIMARY KEY NOT NULL,
	`issued_on` text NOT NULL,
	`deceased_name` text NOT NULL,
	`deceased_id_number` text,
	`cremated_on` text NOT NULL,
	`status` text DEFAULT 'issued' NOT NULL,
	`void_reason` text,
	`ash_disposition` text,
	`ash_location` text,
	`registered_on` text,
	`source` text NOT NULL,
	`issued_by` integer
);
--> statement-breakpoint
CREATE TABLE `unclaimed_bodies` (
	`id` integer PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`stage` text NOT NULL,
	`intake_date` text NOT NULL,
	`delivering_unit` text NOT NULL,
	`identity_known` integer NOT NULL,
	`name` text,
	`id_number` text,
	`sex` text NOT NULL,
	`estimated_age` integer,
	`description` text NOT NULL,
	`place_found` text NOT NULL,
	`death_certificate_number` text,
	`police_case_number` text,
	`police_samples` text,
	`belongings` text NOT NULL,
	`storage_location` text NOT NULL,
	`notice_start` text,
	`notice_days` integer,
	`notice_medium` text,
	`police_officer` text,
	`police_unit` text,
	`police_confirmed_on` text,
	`approved_by` integer,
	`approved_on` text,
	`cremated_on` text,
	`cremation_certificate_number` text,
	`ash_location` text,
	`ash_retain_until` text,
	`ended_on` text,
	`outcome` text,
	`claimant` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unclaimed_bodies_number_unique` ON `unclaimed_bodies` (`number`);--> statement-breakpoint
CREATE INDEX `unclaimed_bodies_stage` ON `unclaimed_bodies` (`stage`);