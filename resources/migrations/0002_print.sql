CREATE TABLE `added_fonts` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`file_name` text NOT NULL,
	`face_index` integer DEFAULT 0 NOT NULL,
	`added_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `added_fonts_file_name_unique` ON `added_fonts` (`file_name`);--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` integer PRIMARY KEY NOT NULL,
	`template_id` text NOT NULL,
	`document_key` text NOT NULL,
	`destination` text NOT NULL,
	`reprint_reason` text,
	`pdf_sha256` text NOT NULL,
	`at` text NOT NULL,
	`user_id` integer
);
--> statement-breakpoint
CREATE INDEX `print_jobs_document` ON `print_jobs` (`document_key`);--> statement-breakpoint
CREATE TABLE `printer_calibrations` (
	`printer` text PRIMARY KEY NOT NULL,
	`offset_x_mm` real NOT NULL,
	`offset_y_mm` real NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `signing_keys` (
	`id` integer PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text,
	`created_at` text NOT NULL,
	`revoked_at` text
);
