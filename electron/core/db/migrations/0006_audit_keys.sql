CREATE TABLE `audit_keys` (
	`period` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`covers_sms_before` text NOT NULL
);
--> statement-breakpoint
-- The single key of earlier versions becomes the `legacy` period: it hashed lookups of SMS sent before now.
INSERT INTO `audit_keys` (`period`, `key`, `covers_sms_before`) SELECT 'legacy', `value`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `sync_state` WHERE `key` = 'audit.key';
--> statement-breakpoint
DELETE FROM `sync_state` WHERE `key` = 'audit.key';
