CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"region_code" text NOT NULL,
	"recipient_unit_id" uuid,
	"recipient_role" text,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"due_on" date,
	"message" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_unit_idx" ON "notifications" USING btree ("recipient_unit_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_region_idx" ON "notifications" USING btree ("region_code","created_at");