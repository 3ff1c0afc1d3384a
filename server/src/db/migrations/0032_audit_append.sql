-- The audit chain's append in one round trip (issue 17). Every audited write in the service
-- takes the chain's lock in turn and holds it until its transaction commits. With the lock and
-- head read in one call (0031), the rows sealed in the app and inserted in a second, the lock
-- was held across three round trips, and on a busy machine every other audited write queued
-- behind each of them. Here the lock, the head, the seals and the rows are one statement.
--
-- The seal is unchanged (modules/audit/row-hash.ts verifies every row as before): the SHA-256
-- of the row's canonical JSON. The app writes that JSON with three gaps, for what only the
-- chain's head decides: the time, the previous row's hash and the seq (the keys are sorted,
-- so occurredAt and prevHash are adjacent and seq comes last). `parts` holds, per entry, the
-- text before the time (`before`) and from after the previous hash to the seq (`after`).
--
-- audit_lock_head (0031) stays for the nodes of the previous release during a rolling deploy.
--
-- VOLATILE, as 0031: in read committed each statement takes a fresh snapshot, so the head read
-- after the lock sees every append committed before it was granted.
CREATE FUNCTION audit_append(lock_key bigint, entries jsonb)
RETURNS TABLE (seq bigint, occurred_at text, prev_hash text, hash text)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  head_seq bigint;
  head_hash text;
  at timestamptz;
  at_iso text;
  entry jsonb;
  sealed text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'the audit log needs a read committed transaction, not %', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(lock_key);
  SELECT a.seq, a.hash INTO head_seq, head_hash FROM audit_log a ORDER BY a.seq DESC LIMIT 1;
  head_seq := coalesce(head_seq, 0);
  head_hash := coalesce(head_hash, repeat('0', 64));
  -- Whole milliseconds, as a JavaScript Date holds, so the ISO text hashed is the one read back.
  at := date_trunc('milliseconds', clock_timestamp());
  at_iso := to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  FOR entry IN SELECT e.value FROM jsonb_array_elements(entries) AS e(value) LOOP
    head_seq := head_seq + 1;
    sealed := encode(sha256(convert_to(
      (entry->>'before') || at_iso || '","prevHash":"' || head_hash || (entry->>'after') || head_seq::text || '}', 'UTF8')), 'hex');
    INSERT INTO audit_log (seq, occurred_at, actor_user_id, actor_organisation_id, action, record_type, record_id, ip, reason, details, prev_hash, hash)
    VALUES (head_seq, at, (entry->>'actorUserId')::uuid, (entry->>'actorOrganisationId')::uuid, entry->>'action', entry->>'recordType',
            entry->>'recordId', entry->>'ip', entry->>'reason', entry->'details', head_hash, sealed);
    seq := head_seq;
    occurred_at := at_iso;
    prev_hash := head_hash;
    hash := sealed;
    RETURN NEXT;
    head_hash := sealed;
  END LOOP;
END;
$$;
