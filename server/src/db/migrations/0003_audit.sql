-- The audit log: who disclosed or decided what, when and why. Children's records are special
-- category personal data (UK GDPR art. 9), so every disclosure and decision is written here.
-- Each row carries the SHA-256 of its contents and of the row before it, so an edit or a
-- deletion made behind the application's back (trigger disabled, restored backup) shows up
-- in `npm run cli -- audit verify`.

CREATE TABLE audit_log (
  -- Assigned by recordAudit under an advisory lock, so 1, 2, 3... with no gaps; a gap is a deletion.
  seq bigint PRIMARY KEY CHECK (seq > 0),
  -- Whole milliseconds: the hash covers the ISO string, which must round-trip through the column.
  occurred_at timestamptz NOT NULL CHECK (date_trunc('milliseconds', occurred_at) = occurred_at),
  -- No foreign keys: the log must outlive the users, organisations and records it mentions.
  actor_user_id uuid,
  actor_organisation_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$'),
  record_type text NOT NULL CHECK (record_type ~ '^[a-z][a-z0-9_]*$'),
  record_id text,
  ip text,
  -- Why; for a disclosure of a child's data, the lawful basis.
  reason text,
  details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);
CREATE INDEX audit_log_record ON audit_log (record_type, record_id);
CREATE INDEX audit_log_actor_user ON audit_log (actor_user_id);

-- Append-only even for the application's own database role: a row once written is evidence.
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
