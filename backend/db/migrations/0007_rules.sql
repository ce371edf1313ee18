CREATE TABLE "rule_changes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text NOT NULL,
	"workstation" uuid NOT NULL,
	"change" jsonb NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"version" integer
);
--> statement-breakpoint
CREATE TABLE "rules_in_force" (
	"key" text PRIMARY KEY NOT NULL,
	"value" integer NOT NULL,
	"changed_by" text NOT NULL,
	"changed_by_name" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "rule_changes_version" ON "rule_changes" USING btree ("version");--> statement-breakpoint
CREATE INDEX "rule_changes_at" ON "rule_changes" USING btree ("at");