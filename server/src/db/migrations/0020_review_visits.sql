-- Co-production: when each panel member last opened each review round, so their home can say
-- what other people added since ("2 new comments since your last visit"). One row per person
-- per round; it moves forward only when they open the round (by the database clock, like the
-- comments and themes it is compared with).

CREATE TABLE review_round_visits (
  user_id uuid NOT NULL REFERENCES users(id),
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, round_id)
);
