-- Live events written with the change they tell of (issue 17). A write's live events used to be
-- published by the node that took it, after its commit: a node killed between its commit (or its
-- 201) and the publish left the change stored and every open page on the other nodes unaware
-- of it until it reconnected. Now the transaction queues each event's topic and arguments here,
-- committed with the change. The node publishes them at once and deletes them; a row still here
-- after its claim has lapsed is published by any node (live-outbox.ts). Pages apply an event
-- by id, so an event published twice changes nothing.
CREATE TABLE live_outbox (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic text NOT NULL,
  args jsonb NOT NULL,
  -- The committing node's claim starts with the row; a sweeping node renews it as it takes the row.
  claimed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- How many sweeps have taken it: one that keeps failing (a bug, not an outage) is given up, logged.
  sweeps integer NOT NULL DEFAULT 0
);
CREATE INDEX live_outbox_claimed_at ON live_outbox (claimed_at);
