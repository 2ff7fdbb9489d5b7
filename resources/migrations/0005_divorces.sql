CREATE TABLE `divorce_applications` (
	`id` integer PRIMARY KEY NOT NULL,
	`marriage_id` integer NOT NULL,
	`received_on` text NOT NULL,
	`cooling_off_ends` text NOT NULL,
	`certificate_deadline` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`agreement` text NOT NULL,
	`ended_on` text,
	`withdrawn_by_party` integer,
	`certificate_number` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`marriage_id`) REFERENCES `marriages`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `divorce_applications_certificate_number_unique` ON `divorce_applications` (`certificate_number`);--> statement-breakpoint
CREATE INDEX `divorce_applications_status` ON `divorce_applications` (`status`,`certificate_deadline`);