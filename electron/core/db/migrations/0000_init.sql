CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`subject` text,
	`details` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `callback_attempts` (
	`request_id` text NOT NULL,
	`attempt_no` integer NOT NULL,
	`disposition` text NOT NULL,
	`at` text NOT NULL,
	`by_name` text NOT NULL,
	PRIMARY KEY(`request_id`, `attempt_no`),
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text NOT NULL,
	`request_id` text NOT NULL,
	`type` text NOT NULL,
	`at` text NOT NULL,
	`data` text NOT NULL,
	`status` text NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_event_id_unique` ON `outbox` (`event_id`);--> statement-breakpoint
CREATE INDEX `outbox_status` ON `outbox` (`status`,`seq`);--> statement-breakpoint
CREATE TABLE `personal_data` (
	`request_id` text PRIMARY KEY NOT NULL,
	`salutation` text,
	`name` text NOT NULL,
	`phone` text,
	`email` text,
	`subject` text,
	`message` text,
	`note` text,
	`claimed_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quarantine` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` text,
	`event_type` text,
	`reason` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `receipts` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`request_id` text,
	`sms_before` text,
	`purged_at` text NOT NULL,
	`rule` text NOT NULL,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`received_at` text NOT NULL,
	`topic` text NOT NULL,
	`preferred_date` text,
	`window_from` text,
	`window_to` text,
	`due_from` text,
	`due_until` text,
	`status` text NOT NULL,
	`owner_user_id` text,
	`owner_name` text,
	`owner_workstation` text,
	`lease_until` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`forwarded_to` text,
	`closed_at` text,
	`outcome` text,
	`retention_reason` text,
	`retained_until` text,
	`retention_note` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `requests_status_due` ON `requests` (`status`,`due_from`);--> statement-breakpoint
CREATE INDEX `requests_kind_status` ON `requests` (`kind`,`status`);--> statement-breakpoint
CREATE TABLE `sms_log` (
	`id` text PRIMARY KEY NOT NULL,
	`customer_number` text NOT NULL,
	`sent_at` text NOT NULL,
	`ip` text NOT NULL,
	`ip_key` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sms_customer_sent` ON `sms_log` (`customer_number`,`sent_at`);--> statement-breakpoint
CREATE INDEX `sms_ip_sent` ON `sms_log` (`ip_key`,`sent_at`);--> statement-breakpoint
CREATE INDEX `sms_sent` ON `sms_log` (`sent_at`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tombstones` (
	`request_id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`received_at` text NOT NULL,
	`closed_at` text,
	`purged_at` text NOT NULL,
	`rule` text NOT NULL,
	`outcome` text
);
