CREATE TABLE `anchor_receipts` (
	`seq` integer PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`received_at` text NOT NULL,
	`signature` text NOT NULL,
	`key_id` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_rows` (
	`seq` integer NOT NULL,
	`table_name` text NOT NULL,
	`row_key` text NOT NULL,
	`digest` text,
	PRIMARY KEY(`seq`, `table_name`, `row_key`)
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `rows_digest` text;--> statement-breakpoint
ALTER TABLE `platform_link` ADD `receipt_public_key` text;--> statement-breakpoint
ALTER TABLE `platform_link` ADD `allow_insecure` integer DEFAULT false NOT NULL;