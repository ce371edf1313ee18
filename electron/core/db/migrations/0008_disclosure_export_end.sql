ALTER TABLE `disclosures` ADD `export_ends_at` text;--> statement-breakpoint
ALTER TABLE `disclosures` ADD `export_purged_at` text;