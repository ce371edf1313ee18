CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_ref" text NOT NULL,
	"authority" text NOT NULL,
	"authority_ref" text NOT NULL,
	"legal_basis" text NOT NULL,
	"sms_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE INDEX "disclosures_requested_at" ON "disclosures" USING btree ("requested_at");