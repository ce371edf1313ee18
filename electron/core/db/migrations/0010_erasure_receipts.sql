ALTER TABLE `receipts` ADD `erasure_id` text;--> statement-breakpoint
ALTER TABLE `receipts` ADD `erasure_log` text;