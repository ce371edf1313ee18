CREATE TABLE `audit_alerts` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`workstation` text NOT NULL,
	`at` text NOT NULL,
	`expected_seq` integer,
	`offered_seq` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_alerts_event_id_unique` ON `audit_alerts` (`event_id`);--> statement-breakpoint
CREATE TABLE `portal_log` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_number` text NOT NULL,
	`at` text NOT NULL,
	`ip` text NOT NULL,
	`ip_key` blob NOT NULL,
	`action` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `portal_customer_at` ON `portal_log` (`customer_number`,`at`);--> statement-breakpoint
CREATE INDEX `portal_ip_at` ON `portal_log` (`ip_key`,`at`);--> statement-breakpoint
CREATE INDEX `portal_at` ON `portal_log` (`at`);--> statement-breakpoint
ALTER TABLE `requests` ADD `reference` text;--> statement-breakpoint
CREATE INDEX `requests_reference` ON `requests` (`reference`);