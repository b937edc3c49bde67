CREATE TABLE "policy_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"title" text NOT NULL,
	"proposal" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "typical_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"lessons" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "policy_items_region_idx" ON "policy_items" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "typical_cases_region_idx" ON "typical_cases" USING btree ("region_code");