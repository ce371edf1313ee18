CREATE TABLE "audit_anchors" (
	"workstation" uuid PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "holdings" (
	"workstation" uuid NOT NULL,
	"request_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	CONSTRAINT "holdings_workstation_request_id_pk" PRIMARY KEY("workstation","request_id")
);
--> statement-breakpoint
CREATE TABLE "workstations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"registered_at" timestamp with time zone NOT NULL,
	"registered_by" text NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_by" text
);
