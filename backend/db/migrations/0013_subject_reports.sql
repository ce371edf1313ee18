CREATE TABLE "subject_reports" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"produced_at" timestamp with time zone NOT NULL,
	"produced_by" text NOT NULL,
	"produced_by_name" text NOT NULL,
	"items" integer NOT NULL,
	"sent_on" date,
	"sent_by" text,
	"sent_by_name" text,
	"sent_recorded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "subject_reports" ADD CONSTRAINT "subject_reports_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;