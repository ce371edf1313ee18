CREATE TABLE `restricted_records` (
	`source` text NOT NULL,
	`record_id` text NOT NULL,
	`restriction_id` text NOT NULL,
	`active` integer NOT NULL,
	`since` text NOT NULL,
	`lifted_at` text,
	PRIMARY KEY(`source`, `record_id`)
);
