ALTER TABLE `funeral_waivers` ADD `platform_check` text DEFAULT 'not-linked' NOT NULL;--> statement-breakpoint
ALTER TABLE `funeral_waivers` ADD `platform_conflict` text;