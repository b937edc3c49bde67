CREATE TABLE "problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"category" text,
	"severity" text DEFAULT 'normal' NOT NULL,
	"source" text NOT NULL,
	"region_code" text NOT NULL,
	"campaign_id" uuid,
	"state" text NOT NULL,
	"lead_unit_id" uuid,
	"co_unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"deadline" date,
	"assigned_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"warning" text,
	"overdue_days" integer DEFAULT 0 NOT NULL,
	"escalation" integer DEFAULT 0 NOT NULL,
	"reopened" integer DEFAULT 0 NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "problems_region_idx" ON "problems" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "problems_state_idx" ON "problems" USING btree ("state","region_code");--> statement-breakpoint
CREATE INDEX "problems_lead_unit_idx" ON "problems" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "problems_co_units_idx" ON "problems" USING gin ("co_unit_ids");--> statement-breakpoint
CREATE INDEX "problems_deadline_idx" ON "problems" USING btree ("deadline");--> statement-breakpoint
CREATE INDEX "problems_campaign_idx" ON "problems" USING btree ("campaign_id");