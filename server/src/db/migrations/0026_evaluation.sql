-- Evaluation with several evaluators (issue 16). Each commissioner of the council who evaluates
-- first declares any conflict of interest; one without a conflict scores on their own (a draft
-- until moderation starts); one evaluator moderates to the agreed scores, which stay in
-- offer_scores (what the totals and ranks use), now with the reason the provider is shown.

CREATE TABLE evaluation_declarations (
  request_id uuid NOT NULL REFERENCES placement_requests(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  conflict boolean NOT NULL,
  details text CHECK (length(details) <= 2000),
  declared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (request_id, user_id),
  CHECK (conflict = (details IS NOT NULL))
);

-- One evaluator's own scores: a draft (score or reason may still be missing) until moderation.
CREATE TABLE evaluator_scores (
  request_id uuid NOT NULL REFERENCES placement_requests(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id),
  offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  criterion_id text NOT NULL,
  score smallint CHECK (score BETWEEN 0 AND 5),
  reason text CHECK (length(reason) <= 2000),
  saved_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, offer_id, criterion_id)
);
CREATE INDEX evaluator_scores_request ON evaluator_scores (request_id);

-- Who moderates, from when, and the note on what was agreed.
CREATE TABLE evaluation_moderations (
  request_id uuid PRIMARY KEY REFERENCES placement_requests(id) ON DELETE CASCADE,
  moderator_id uuid NOT NULL REFERENCES users(id),
  started_at timestamptz NOT NULL DEFAULT now(),
  note text CHECK (length(note) <= 4000),
  saved_at timestamptz
);

-- The agreed score's reason (shown to the offer's provider with the outcome). A moderation draft
-- may hold an agreed score without its reason yet.
ALTER TABLE offer_scores ADD COLUMN reason text CHECK (length(reason) <= 2000);
-- A moderation draft may also hold a reason before its agreed score.
ALTER TABLE offer_scores ALTER COLUMN score DROP NOT NULL;
