-- The audit chain's append lock and its head in one round trip (issue 17: every audited write
-- paid one more). A single SELECT cannot do it: its snapshot is taken before the lock is waited
-- for, so it could miss the row the previous holder just committed. A VOLATILE function's
-- statements each take a fresh snapshot (read committed), so the head read after PERFORM sees
-- every append committed before the lock was granted.
CREATE FUNCTION audit_lock_head(lock_key bigint)
RETURNS TABLE (isolation text, seq bigint, hash text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(lock_key);
  RETURN QUERY
    SELECT current_setting('transaction_isolation'), head.seq, head.hash
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (SELECT a.seq, a.hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1) AS head ON true;
END;
$$;
