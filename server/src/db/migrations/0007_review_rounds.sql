-- Co-production: review rounds on framework documents, with Parent Carer Forums voting on
-- proposals and rating quality criteria.

CREATE TABLE review_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at)
);
CREATE INDEX review_rounds_framework ON review_rounds (framework_id, opens_at DESC);

CREATE TABLE review_round_forums (
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  PRIMARY KEY (round_id, organisation_id)
);
CREATE INDEX review_round_forums_organisation ON review_round_forums (organisation_id);

CREATE TABLE review_sections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  position integer NOT NULL,
  heading text NOT NULL,
  body text NOT NULL,
  UNIQUE (round_id, position)
);

CREATE TABLE review_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  position integer NOT NULL,
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  UNIQUE (round_id, position)
);

CREATE TABLE review_criteria (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES review_rounds(id),
  position integer NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  UNIQUE (round_id, position)
);

-- One vote per member per proposal, changeable until the round closes.
CREATE TABLE review_votes (
  proposal_id uuid NOT NULL REFERENCES review_proposals(id),
  user_id uuid NOT NULL REFERENCES users(id),
  choice text NOT NULL CHECK (choice IN ('for', 'against', 'abstain')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, user_id)
);

CREATE TABLE review_ratings (
  criterion_id uuid NOT NULL REFERENCES review_criteria(id),
  user_id uuid NOT NULL REFERENCES users(id),
  rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (criterion_id, user_id)
);
