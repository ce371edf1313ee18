CREATE TABLE "holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_ref" text NOT NULL,
	"customer_number" text NOT NULL,
	"reason" text NOT NULL,
	"until" date NOT NULL,
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
CREATE INDEX "holds_customer" ON "holds" USING btree ("customer_number");--> statement-breakpoint
CREATE INDEX "holds_status_until" ON "holds" USING btree ("status","until");