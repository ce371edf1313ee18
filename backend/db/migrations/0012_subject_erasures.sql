CREATE TABLE "log_readers" (
	"workstation" uuid PRIMARY KEY NOT NULL,
	"through_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_erasures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"erased" jsonb NOT NULL,
	"kept" jsonb NOT NULL,
	"log_owers" jsonb NOT NULL,
	CONSTRAINT "subject_erasures_request_id_unique" UNIQUE("request_id")
);
--> statement-breakpoint
ALTER TABLE "subject_erasures" ADD CONSTRAINT "subject_erasures_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;