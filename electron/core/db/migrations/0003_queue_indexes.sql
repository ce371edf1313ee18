CREATE INDEX `requests_queue_order` ON `requests` (`kind`,`status`,"due_from" IS NULL,`due_from`,`received_at`);--> statement-breakpoint
CREATE INDEX `requests_updated` ON `requests` (`updated_at`);