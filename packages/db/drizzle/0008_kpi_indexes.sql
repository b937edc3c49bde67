-- The KPI dashboard narrows rating and look-back events by their region prefix (LIKE '3301%'): a pattern-ops index
-- lets that prefix use the index under any collation. Same for problems by region.
CREATE INDEX IF NOT EXISTS events_type_region_at_idx ON events (type, region_code text_pattern_ops, at);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS problems_region_prefix_idx ON problems (region_code text_pattern_ops);
