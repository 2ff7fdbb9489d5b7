CREATE TABLE `certificate_serials` (
	`authority` text NOT NULL,
	`prefix` text NOT NULL,
	`year` integer NOT NULL,
	`last_serial` integer NOT NULL,
	PRIMARY KEY(`authority`, `prefix`, `year`)
);
--> statement-breakpoint
CREATE TABLE `marriage_refusals` (
	`id` integer PRIMARY KEY NOT NULL,
	`decided_on` text NOT NULL,
	`reason` text NOT NULL,
	`party1_name` text NOT NULL,
	`party1_id_number` text NOT NULL,
	`party2_name` text NOT NULL,
	`party2_id_number` text NOT NULL,
	`registrar_user_id` integer,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `marriages` (
	`id` integer PRIMARY KEY NOT NULL,
	`certificate_number` text NOT NULL,
	`registered_on` text NOT NULL,
	`authority` text NOT NULL,
	`status` text DEFAULT 'registered' NOT NULL,
	`party1_name` text NOT NULL,
	`party1_sex` text NOT NULL,
	`party1_nationality` text NOT NULL,
	`party1_birth_date` text NOT NULL,
	`party1_id_number` text NOT NULL,
	`party2_name` text NOT NULL,
	`party2_sex` text NOT NULL,
	`party2_nationality` text NOT NULL,
	`party2_birth_date` text NOT NULL,
	`party2_id_number` text NOT NULL,
	`registrar_user_id` integer,
	`platform_checked` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `marriages_certificate_number_unique` ON `marriages` (`certificate_number`);--> statement-breakpoint
CREATE INDEX `marriages_party1` ON `marriages` (`party1_id_number`);--> statement-breakpoint
CREATE INDEX `marriages_party2` ON `marriages` (`party2_id_number`);