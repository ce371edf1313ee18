DROP INDEX `requests_kind_status`;--> statement-breakpoint
CREATE INDEX `requests_queue_filter` ON `requests` (`kind`,`status`,`topic`,`owner_name`,`owner_user_id`);--> statement-breakpoint
CREATE INDEX `requests_owner` ON `requests` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `requests_due_order` ON `requests` ("due_from" IS NULL,`due_from`,`received_at`);