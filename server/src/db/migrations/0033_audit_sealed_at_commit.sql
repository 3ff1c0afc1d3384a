-- The audit chain's lock taken inside the commit, never held while the database waits for the
-- app (issue 17, ADR 0024). With audit_append (0032) called at a transaction's end, the lock was
-- held from that statement's answer until the app sent COMMIT: one round trip, and on 2 busy
-- cores the node often waited for a core before sending it. Samples of pg_stat_activity at half
-- the national rate found several audited writes waiting for the lock at most moments, behind a
-- holder that was idle in transaction.
--
-- Now a transaction queues its entries here (one row, no lock) and a deferred constraint trigger
-- appends them when it commits: audit_append takes the lock, seals and inserts as before, and
-- the lock is released when that commit ends. Between the two there is no round trip.
--
-- UNLOGGED: a queued row lives only inside its own transaction (the trigger deletes it at that
-- transaction's commit; a rollback discards it), so it needs no WAL and nothing to recover.
-- The sealed rows go to audit_log, which is logged as before.
CREATE UNLOGGED TABLE audit_queue (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  lock_key bigint NOT NULL,
  entries jsonb NOT NULL
);

CREATE FUNCTION audit_queue_append() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM audit_append(NEW.lock_key, NEW.entries);
  DELETE FROM audit_queue WHERE id = NEW.id;
  RETURN NULL;
END;
$$;

-- INITIALLY DEFERRED: fired at COMMIT, after every statement of the transaction, in the order the
-- rows were queued. An error here (audit_append refusing a repeatable read transaction) fails
-- the COMMIT, and the whole transaction rolls back with it.
CREATE CONSTRAINT TRIGGER audit_queue_append AFTER INSERT ON audit_queue
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION audit_queue_append();
