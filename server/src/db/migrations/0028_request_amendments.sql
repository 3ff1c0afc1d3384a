-- Amending an open placement request before its deadline, and the questions cut-off (issue 16).
-- See docs/domain/placement-requests.md, "Amendments and questions".

-- When providers' questions close. NULL: the default, 24 hours before the deadline (or halfway
-- through a request that runs less than 48 hours), so it moves with an extended deadline.
ALTER TABLE placement_requests ADD COLUMN questions_close_at timestamptz;

-- Each amendment, numbered per request from 1: what changed (from and to), why, who and when.
-- Invited providers see every one on their request page.
CREATE TABLE request_amendments (
  request_id uuid NOT NULL REFERENCES placement_requests(id) ON DELETE CASCADE,
  number integer NOT NULL CHECK (number >= 1),
  changes jsonb NOT NULL,
  reason text NOT NULL,
  amended_by uuid REFERENCES users(id),
  amended_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (request_id, number)
);

