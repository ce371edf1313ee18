ALTER TABLE "workstations" ADD COLUMN "retired_by_name" text;--> statement-breakpoint
ALTER TABLE "workstations" ADD COLUMN "retire_reason" text;--> statement-breakpoint
ALTER TABLE "workstations" ADD COLUMN "last_seen_at" timestamp with time zone;