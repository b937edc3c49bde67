CREATE TABLE "campaign_scores" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"indicator_key" text NOT NULL,
	"source" text NOT NULL,
	"rater_id" text NOT NULL,
	"value" real NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"year" integer NOT NULL,
	"region_code" text NOT NULL,
	"phase" text DEFAULT 'planning' NOT NULL,
	"scheme_id" uuid,
	"target_unit_ids" uuid[] DEFAULT '{}' NOT NULL,
	"member_ids" uuid[] DEFAULT '{}' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"source_weights" jsonb,
	"lookback_months" integer[] DEFAULT '{3,6}' NOT NULL,
	"phase_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"mime" text NOT NULL,
	"original_name" text,
	"region_code" text NOT NULL,
	"uploaded_by" uuid,
	"exif" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"family_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"region_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mechanisms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"document_no" text,
	"summary" text NOT NULL,
	"issued_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "problem_mechanisms" (
	"problem_id" uuid NOT NULL,
	"mechanism_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "research_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"notes" text NOT NULL,
	"evidence" text[] DEFAULT '{}' NOT NULL,
	"happened_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"problem_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"member_id" uuid NOT NULL,
	"text" text NOT NULL,
	"answer" text,
	"answer_reason" text,
	"answered_at" timestamp with time zone,
	"answered_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_scores" ADD CONSTRAINT "campaign_scores_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "problem_mechanisms" ADD CONSTRAINT "problem_mechanisms_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_records" ADD CONSTRAINT "research_records_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_scores_uq" ON "campaign_scores" USING btree ("campaign_id","unit_id","indicator_key","source","rater_id");--> statement-breakpoint
CREATE INDEX "campaign_scores_campaign_idx" ON "campaign_scores" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "campaigns_region_idx" ON "campaigns" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "evidence_files_region_idx" ON "evidence_files" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_schemes_family_version_uq" ON "indicator_schemes" USING btree ("family_id","version");--> statement-breakpoint
CREATE INDEX "mechanisms_region_idx" ON "mechanisms" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "problem_mechanisms_uq" ON "problem_mechanisms" USING btree ("problem_id","mechanism_id");--> statement-breakpoint
CREATE INDEX "research_records_campaign_idx" ON "research_records" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "research_records_region_idx" ON "research_records" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "suggestions_problem_idx" ON "suggestions" USING btree ("problem_id");--> statement-breakpoint
CREATE INDEX "suggestions_region_idx" ON "suggestions" USING btree ("region_code");