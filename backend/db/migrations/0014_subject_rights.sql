CREATE TABLE "restrictions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"source" text NOT NULL,
	"record_id" uuid NOT NULL,
	"objection_id" uuid,
	"reason" text NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"lifted_at" timestamp with time zone,
	"lift_reason" text,
	"lifted_by" text,
	"lifted_by_name" text
);
--> statement-breakpoint
CREATE TABLE "subject_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"purpose" text,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"decided_on" date NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_rectifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"fields" jsonb NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"workstation" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "restrictions_active_record" ON "restrictions" USING btree ("source","record_id") WHERE "restrictions"."lifted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "restrictions_case" ON "restrictions" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "subject_objections_case" ON "subject_objections" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "subject_rectifications_case" ON "subject_rectifications" USING btree ("case_id","at");