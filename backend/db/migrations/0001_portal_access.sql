CREATE TABLE "portal_access" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_number" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip" text NOT NULL,
	"action" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feed_events" ADD COLUMN "portal_id" uuid;--> statement-breakpoint
CREATE INDEX "portal_access_at" ON "portal_access" USING btree ("at");--> statement-breakpoint
ALTER TABLE "feed_events" ADD CONSTRAINT "feed_events_portal_id_portal_access_id_fk" FOREIGN KEY ("portal_id") REFERENCES "public"."portal_access"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feed_events_portal" ON "feed_events" USING btree ("portal_id");