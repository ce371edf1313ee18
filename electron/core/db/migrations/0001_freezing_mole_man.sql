CREATE TABLE `purge_queue` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action` text NOT NULL,
	`target_id` text NOT NULL,
	`rule` text NOT NULL,
	`planned_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `remote_receipts` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject` text NOT NULL,
	`workstation` text NOT NULL,
	`purged_at` text NOT NULL,
	`rule` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remote_receipts_subject_ws` ON `remote_receipts` (`subject`,`workstation`);--> statement-breakpoint
CREATE TABLE `retention_rules` (
	`key` text PRIMARY KEY NOT NULL,
	`period` integer NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `self_tests` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`passed` integer NOT NULL,
	`files` text NOT NULL,
	`findings` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sms_holds` (
	`id` text PRIMARY KEY NOT NULL,
	`case_ref` text NOT NULL,
	`customer_number` text,
	`note` text NOT NULL,
	`until` text NOT NULL,
	`set_by` text NOT NULL,
	`set_by_name` text NOT NULL,
	`set_at` text NOT NULL,
	`confirmed_by` text,
	`confirmed_by_name` text,
	`confirmed_at` text,
	`ended_at` text
);
--> statement-breakpoint
ALTER TABLE `tombstones` ADD `owner_workstation` text;--> statement-breakpoint
ALTER TABLE `tombstones` ADD `purge_due_at` text;