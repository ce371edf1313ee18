CREATE TABLE `case_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`text` text NOT NULL,
	`author_id` text NOT NULL,
	`author_name` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `personal_data`(`request_id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `case_notes_request` ON `case_notes` (`request_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `disclosure_approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`disclosure_id` text NOT NULL,
	`decision` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_by_name` text NOT NULL,
	`decided_at` text NOT NULL,
	`note` text NOT NULL,
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disclosure_approvals_disclosure` ON `disclosure_approvals` (`disclosure_id`);--> statement-breakpoint
CREATE TABLE `disclosure_items` (
	`disclosure_id` text NOT NULL,
	`sms_id` text NOT NULL,
	PRIMARY KEY(`disclosure_id`, `sms_id`),
	FOREIGN KEY (`disclosure_id`) REFERENCES `disclosures`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `disclosures` (
	`id` text PRIMARY KEY NOT NULL,
	`case_ref` text NOT NULL,
	`authority` text NOT NULL,
	`authority_ref` text NOT NULL,
	`legal_basis` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_by_name` text NOT NULL,
	`requested_at` text NOT NULL,
	`exported_at` text,
	`exported_by` text,
	`manifest_sha256` text
);
--> statement-breakpoint
CREATE INDEX `disclosures_requested` ON `disclosures` (`requested_at`);