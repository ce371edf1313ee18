CREATE TABLE "audit_heads" (
	"workstation" uuid PRIMARY KEY NOT NULL,
	"head" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_keys" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"workstation" uuid NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_events" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"audience" smallint NOT NULL,
	"sms_id" uuid,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feed_head" (
	"id" smallint PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL,
	CONSTRAINT "feed_head_single_row" CHECK ("feed_head"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"workstation" uuid NOT NULL,
	"subject" text NOT NULL,
	"rule" text NOT NULL,
	"request_id" uuid,
	"sms_before" text,
	"purged_at" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "receipts_workstation_subject_rule_pk" PRIMARY KEY("workstation","subject","rule")
);
--> statement-breakpoint
CREATE TABLE "request_event_keys" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"reference" text NOT NULL,
	"topic" text NOT NULL,
	"preferred_date" date,
	"window_from" text,
	"window_to" text,
	"salutation" text,
	"name" text,
	"phone" text,
	"email" text,
	"subject" text,
	"message" text,
	"note" text,
	"consent_notice_version" text,
	"consent_at" timestamp with time zone,
	"status" text DEFAULT 'open' NOT NULL,
	"lease_user_id" text,
	"lease_display_name" text,
	"lease_workstation" uuid,
	"lease_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone,
	"retention_reason" text,
	"retained_until" date,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"display_name" text NOT NULL,
	"roles" jsonb NOT NULL,
	"workstation" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_log" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_number" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"ip" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feed_events" ADD CONSTRAINT "feed_events_sms_id_sms_log_id_fk" FOREIGN KEY ("sms_id") REFERENCES "public"."sms_log"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feed_events_audience_seq" ON "feed_events" USING btree ("audience","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "feed_events_id" ON "feed_events" USING btree ("id");--> statement-breakpoint
CREATE INDEX "feed_events_sms" ON "feed_events" USING btree ("sms_id");--> statement-breakpoint
CREATE UNIQUE INDEX "requests_reference" ON "requests" USING btree ("reference");--> statement-breakpoint
CREATE INDEX "requests_lease_until" ON "requests" USING btree ("lease_until") WHERE "requests"."status" = 'claimed';--> statement-breakpoint
CREATE INDEX "requests_open_callbacks" ON "requests" USING btree ("preferred_date") WHERE "requests"."status" = 'open' AND "requests"."kind" = 'callback';--> statement-breakpoint
CREATE INDEX "sessions_expires_at" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sms_log_sent_at" ON "sms_log" USING btree ("sent_at");