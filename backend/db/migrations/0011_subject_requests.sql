CREATE TABLE "subject_hits" (
	"request_id" uuid NOT NULL,
	"hit_id" text NOT NULL,
	"decision" text,
	"reason" text,
	"decided_by" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "subject_hits_request_id_hit_id_pk" PRIMARY KEY("request_id","hit_id")
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_on" date NOT NULL,
	"deadline" date NOT NULL,
	"extended_until" date,
	"extended_on" date,
	"extension_reason" text,
	"person_informed_on" date,
	"identity_method" text,
	"identity_note" text,
	"marked_by" text NOT NULL,
	"marked_by_name" text NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_searches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"workstation" uuid NOT NULL,
	"searched_by" jsonb NOT NULL,
	"term_hashes" jsonb NOT NULL,
	"hits" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subject_requests" ADD CONSTRAINT "subject_requests_request_id_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_searches_request" ON "subject_searches" USING btree ("request_id","at");