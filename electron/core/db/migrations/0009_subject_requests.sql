CREATE TABLE `subject_requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`received_on` text NOT NULL,
	`deadline` text NOT NULL,
	`extended_until` text,
	`person_informed_on` text,
	`identity_method` text,
	`marked_by_name` text NOT NULL,
	`marked_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `requests`(`id`) ON UPDATE no action ON DELETE cascade
);
