CREATE TABLE "feedback_sentiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"category" text,
	"rating" text,
	"text" text NOT NULL,
	"score" real NOT NULL,
	"label" text NOT NULL,
	"model_version" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hot_topic_runs" (
	"region_code" text NOT NULL,
	"window_days" integer NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"model_version" text NOT NULL,
	"clue_count" integer NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "hot_topic_runs_region_code_window_days_pk" PRIMARY KEY("region_code","window_days")
);
--> statement-breakpoint
CREATE TABLE "hot_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"window_days" integer NOT NULL,
	"rank" integer NOT NULL,
	"heat" double precision NOT NULL,
	"keywords" text[] NOT NULL,
	"clue_count" integer NOT NULL,
	"reporters" integer NOT NULL,
	"towns" integer NOT NULL,
	"growth" double precision NOT NULL,
	"representatives" jsonb NOT NULL,
	"clue_ids" uuid[] NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL,
	"model_version" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opinion_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"region_code" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_key" text NOT NULL,
	"subject_label" text NOT NULL,
	"unit_id" uuid,
	"bucket_start" timestamp with time zone NOT NULL,
	"negative_count" integer NOT NULL,
	"baseline_mean" double precision NOT NULL,
	"z_score" double precision NOT NULL,
	"examples" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"model_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reply_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" bigint NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"relevance" real NOT NULL,
	"completeness" real NOT NULL,
	"days" real,
	"timeliness" real NOT NULL,
	"cites_measure" boolean NOT NULL,
	"cites_policy" boolean NOT NULL,
	"parts" text[] NOT NULL,
	"score" real NOT NULL,
	"grade" text NOT NULL,
	"model_version" text NOT NULL,
	"assessed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_sentiments_source_idx" ON "feedback_sentiments" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE INDEX "feedback_sentiments_region_idx" ON "feedback_sentiments" USING btree ("region_code","at");--> statement-breakpoint
CREATE INDEX "hot_topics_region_idx" ON "hot_topics" USING btree ("region_code","window_days","rank");--> statement-breakpoint
CREATE UNIQUE INDEX "opinion_alerts_subject_bucket_idx" ON "opinion_alerts" USING btree ("region_code","subject_type","subject_key","bucket_start");--> statement-breakpoint
CREATE INDEX "opinion_alerts_region_idx" ON "opinion_alerts" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reply_assessments_event_idx" ON "reply_assessments" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "reply_assessments_subject_idx" ON "reply_assessments" USING btree ("subject_type","subject_id");