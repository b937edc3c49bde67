-- Events and the security audit trail are append-only: the database itself refuses edits and deletions,
-- so a bug or a hand-written UPDATE cannot rewrite history (the ledger then proves nobody bypassed this).
CREATE OR REPLACE FUNCTION rectify_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION rectify_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION rectify_refuse_change();
