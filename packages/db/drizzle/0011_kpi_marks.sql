CREATE TABLE "kpi_marks" (
	"event_id" bigint PRIMARY KEY NOT NULL,
	"problem_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"unit_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"rater_user_id" uuid,
	"value" text,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "kpi_marks_problem_idx" ON "kpi_marks" USING btree ("problem_id","rater_user_id");
--> statement-breakpoint
-- The dashboard narrows marks by region prefix and period (pattern ops: the prefix uses the index under any collation).
CREATE INDEX IF NOT EXISTS kpi_marks_region_at_idx ON kpi_marks (region_code text_pattern_ops, at);
--> statement-breakpoint
-- The problem aggregate of the dashboard reads only these columns: a covering index on the region prefix lets it
-- scan the narrow index instead of the wide rows (it replaces the plain prefix index of 0008).
CREATE INDEX IF NOT EXISTS problems_kpi_idx ON problems (region_code text_pattern_ops)
  INCLUDE (id, assigned_at, closed_at, deadline, outcome);
--> statement-breakpoint
DROP INDEX IF EXISTS problems_region_prefix_idx;
--> statement-breakpoint
-- Existing rating and look-back events become marks; a rating is superseded by the next one of the same rater on
-- the same problem (order: time, then event id — the order in which the dashboard took the latest one).
INSERT INTO kpi_marks (event_id, problem_id, region_code, unit_id, kind, at, rater_user_id, value, superseded_at)
SELECT e.id, e.subject_id::uuid, e.region_code, e.unit_id,
       CASE WHEN e.type = 'problem.rated' THEN 'rating' ELSE 'lookback' END, e.at, e.actor_user_id,
       CASE WHEN e.type = 'problem.rated' THEN e.payload -> 'input' ->> 'value' ELSE e.payload -> 'input' ->> 'result' END,
       CASE WHEN e.type = 'problem.rated'
            THEN lead(e.at) OVER (PARTITION BY e.type, e.subject_id, e.actor_user_id ORDER BY e.at, e.id) END
  FROM events e
 WHERE e.subject_type = 'problem' AND e.type IN ('problem.rated', 'problem.looked_back');
--> statement-breakpoint
-- From now on every rating or look-back event writes its mark in its own transaction, whichever path stores it.
CREATE OR REPLACE FUNCTION rectify_kpi_mark() RETURNS trigger AS $$
DECLARE
  problem uuid := NEW.subject_id::uuid;
  rating boolean := NEW.type = 'problem.rated';
BEGIN
  INSERT INTO kpi_marks (event_id, problem_id, region_code, unit_id, kind, at, rater_user_id, value, superseded_at)
  VALUES (
    NEW.id, problem, NEW.region_code, NEW.unit_id, CASE WHEN rating THEN 'rating' ELSE 'lookback' END, NEW.at,
    NEW.actor_user_id,
    CASE WHEN rating THEN NEW.payload -> 'input' ->> 'value' ELSE NEW.payload -> 'input' ->> 'result' END,
    -- Normally nothing follows a new event; an event stored out of time order is superseded by the next one.
    CASE WHEN rating THEN (
      SELECT min(m.at) FROM kpi_marks m
       WHERE m.problem_id = problem AND m.rater_user_id IS NOT DISTINCT FROM NEW.actor_user_id AND m.kind = 'rating'
         AND (m.at, m.event_id) > (NEW.at, NEW.id)) END);
  IF rating THEN
    UPDATE kpi_marks m SET superseded_at = NEW.at
     WHERE m.problem_id = problem AND m.rater_user_id IS NOT DISTINCT FROM NEW.actor_user_id AND m.kind = 'rating'
       AND (m.at, m.event_id) < (NEW.at, NEW.id) AND (m.superseded_at IS NULL OR m.superseded_at > NEW.at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_kpi_marks AFTER INSERT ON events FOR EACH ROW
  WHEN (NEW.subject_type = 'problem' AND NEW.type IN ('problem.rated', 'problem.looked_back'))
  EXECUTE FUNCTION rectify_kpi_mark();
--> statement-breakpoint
-- Participation reads the public's ratings (no user) of a region and period: few rows, kept apart.
CREATE INDEX IF NOT EXISTS kpi_marks_public_idx ON kpi_marks (region_code text_pattern_ops, at)
  WHERE kind = 'rating' AND rater_user_id IS NULL;
