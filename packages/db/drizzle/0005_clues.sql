CREATE TABLE "clue_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_sha256" text NOT NULL,
	"filename" text NOT NULL,
	"channel" text NOT NULL,
	"region_code" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"dry_run" boolean NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"idempotency_key" text,
	"request_hash" text,
	"content_hash" text NOT NULL,
	"region_code" text NOT NULL,
	"town_code" text,
	"channel" text NOT NULL,
	"external_ref" text,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"category" text,
	"suggested_category" text,
	"suggested_unit" text,
	"suggestion_confidence" real,
	"suggested_duplicates" jsonb,
	"model_version" text,
	"lat" double precision,
	"lng" double precision,
	"address" text,
	"attachments" text[] DEFAULT '{}' NOT NULL,
	"contact_ciphertext" text,
	"contact_key_id" text,
	"anonymous" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"moderation" text DEFAULT 'ok' NOT NULL,
	"moderation_reason" text,
	"duplicate_of" uuid,
	"problem_id" uuid,
	"handling_unit_id" uuid,
	"reporter_key" text,
	"created_by" uuid,
	"snapshot" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_reply_at" timestamp with time zone,
	"rating" text,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_publications" (
	"problem_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"measures" boolean DEFAULT false NOT NULL,
	"progress" boolean DEFAULT false NOT NULL,
	"result" boolean DEFAULT false NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "clue_imports_file_idx" ON "clue_imports" USING btree ("file_sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_tracking_code_idx" ON "clues" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "clues_idempotency_key_idx" ON "clues" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "clues_region_idx" ON "clues" USING btree ("region_code","received_at");--> statement-breakpoint
CREATE INDEX "clues_state_idx" ON "clues" USING btree ("state","region_code");--> statement-breakpoint
CREATE INDEX "clues_moderation_idx" ON "clues" USING btree ("moderation","received_at");--> statement-breakpoint
CREATE INDEX "clues_content_idx" ON "clues" USING btree ("content_hash","received_at");--> statement-breakpoint
CREATE INDEX "clues_problem_idx" ON "clues" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "clues_handling_unit_idx" ON "clues" USING btree ("handling_unit_id");--> statement-breakpoint
CREATE INDEX "problem_publications_region_idx" ON "problem_publications" USING btree ("region_code","published_at");