CREATE TABLE `subject_report_files` (
	`request_id` text PRIMARY KEY NOT NULL,
	`produced_at` text NOT NULL,
	`produced_by` text NOT NULL,
	`items` integer NOT NULL,
	`manifest_sha256` text NOT NULL,
	`sent_on` text,
	`ends_at` text,
	`purged_at` text
);
