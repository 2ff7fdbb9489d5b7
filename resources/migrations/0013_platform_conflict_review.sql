ALTER TABLE `funeral_waivers` ADD `platform_conflict_reviewed_by` integer;--> statement-breakpoint
ALTER TABLE `funeral_waivers` ADD `platform_conflict_note` text;--> statement-breakpoint
ALTER TABLE `marriages` ADD `platform_conflict_reviewed_by` integer;--> statement-breakpoint
ALTER TABLE `marriages` ADD `platform_conflict_note` text;