CREATE TABLE `booklet_batches` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`prefix` text NOT NULL,
	`first_number` integer NOT NULL,
	`last_number` integer NOT NULL,
	`digits` integer NOT NULL,
	`received_at` text NOT NULL,
	`note` text
);
--> statement-breakpoint
CREATE TABLE `booklet_uses` (
	`serial` text PRIMARY KEY NOT NULL,
	`batch_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`document_key` text,
	`reason` text,
	`at` text NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`batch_id`) REFERENCES `booklet_batches`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `booklet_uses_batch` ON `booklet_uses` (`batch_id`);