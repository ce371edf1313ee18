DROP INDEX `requests_kind_status`;--> statement-breakpoint
CREATE INDEX `requests_kind_status_topic` ON `requests` (`kind`,`status`,`topic`);--> statement-breakpoint
CREATE INDEX `requests_owner` ON `requests` (`owner_user_id`);--> statement-breakpoint
CREATE INDEX `requests_due_order` ON `requests` ("due_from" IS NULL,`due_from`,`received_at`);