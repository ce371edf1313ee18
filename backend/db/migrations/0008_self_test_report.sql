ALTER TABLE "workstations" ADD COLUMN "last_self_test_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "workstations" ADD COLUMN "last_self_test_passed" boolean;--> statement-breakpoint
ALTER TABLE "workstations" ADD COLUMN "last_self_test_findings" integer;