-- Deadline reminders are per deadline (issue 16): a provider reminded "1 hour left" whose
-- request is then extended is reminded again 24 hours and 1 hour before the new deadline, and
-- never twice before the same one. Each row records the deadline it was made for.
ALTER TABLE deadline_reminders ADD COLUMN deadline timestamptz;

-- A row made before this was for the deadline in force then: the one the first later extension
-- replaced (its amendment's "from"), else the request's deadline now. So a request extended after
-- a reminder still gets the new deadline's reminders, and no other gets one twice.
UPDATE deadline_reminders d
SET deadline = coalesce(
  (SELECT (a.changes -> 'deadline' ->> 'from')::timestamptz
   FROM request_amendments a
   WHERE a.request_id = d.request_id AND a.changes ? 'deadline' AND a.amended_at > d.created_at
   ORDER BY a.number
   LIMIT 1),
  r.deadline)
FROM placement_requests r
WHERE r.id = d.request_id;

ALTER TABLE deadline_reminders ALTER COLUMN deadline SET NOT NULL;
ALTER TABLE deadline_reminders DROP CONSTRAINT deadline_reminders_pkey;
ALTER TABLE deadline_reminders ADD PRIMARY KEY (request_id, setting_id, deadline, before);
