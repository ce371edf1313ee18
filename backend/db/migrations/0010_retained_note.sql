CREATE TABLE "retained_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"workstation" uuid NOT NULL,
	"reason" text NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "retention_note" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "retention_requested_until" date;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "retention_requested_by" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "retention_confirmed_by" text;--> statement-breakpoint
ALTER TABLE "requests" ADD COLUMN "retention_confirmed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "retained_views_request" ON "retained_views" USING btree ("request_id","at");