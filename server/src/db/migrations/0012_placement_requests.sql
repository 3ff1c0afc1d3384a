-- Placement requests (mini-competitions): invitations, offers with every revision kept,
-- clarifications, quality scores, the award and the placement it creates (an Individual
-- Placement Agreement). Times that decide anything (deadline, closing) are the database's.

CREATE TABLE placement_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The council running it; only its commissioners see the request as the buyer.
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  child_id uuid NOT NULL REFERENCES child_profiles(id),
  lot_number smallint NOT NULL CHECK (lot_number BETWEEN 1 AND 7),
  price_band text CHECK (price_band IN ('A', 'B', 'C', 'D', 'E')),
  -- The band's weekly ceiling when the request was made: offers above it need a justification.
  band_ceiling_pence integer,
  mode text NOT NULL DEFAULT 'sealed' CHECK (mode IN ('sealed', 'urgent', 'ranked')),
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed', 'evaluated', 'price_round', 'awarded', 'cancelled', 'no_offers')),
  deadline timestamptz NOT NULL,
  quality_weight smallint NOT NULL CHECK (quality_weight BETWEEN 0 AND 100),
  price_weight smallint NOT NULL CHECK (price_weight BETWEEN 0 AND 100),
  -- [{ "id": "section_f", "label": "Meeting the section F outcomes" }]
  criteria jsonb NOT NULL CHECK (jsonb_typeof(criteria) = 'array'),
  price_round_closes_at timestamptz,
  opened_at timestamptz,
  closed_at timestamptz,
  -- When sealed offers were opened to the commissioner (an audited event).
  offers_opened_at timestamptz,
  evaluated_at timestamptz,
  awarded_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (quality_weight + price_weight = 100)
);
-- The closing scheduler's question: which open requests are past their deadline?
CREATE INDEX placement_requests_due ON placement_requests (deadline) WHERE state = 'open';
CREATE INDEX placement_requests_price_round_due ON placement_requests (price_round_closes_at) WHERE state = 'price_round';
CREATE INDEX placement_requests_council ON placement_requests (organisation_id, created_at DESC);

CREATE TABLE request_invitations (
  request_id uuid NOT NULL REFERENCES placement_requests(id) ON DELETE CASCADE,
  setting_id uuid NOT NULL REFERENCES settings(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'viewed', 'declined', 'offered', 'withdrawn')),
  invited_at timestamptz NOT NULL DEFAULT now(),
  viewed_at timestamptz,
  declined_at timestamptz,
  decline_reason text,
  decline_note text,
  PRIMARY KEY (request_id, setting_id)
);
CREATE INDEX request_invitations_provider ON request_invitations (organisation_id, invited_at DESC);

CREATE TABLE offers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES placement_requests(id) ON DELETE CASCADE,
  setting_id uuid NOT NULL REFERENCES settings(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
  current_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- One offer per invited setting; revisions are versions of it.
  UNIQUE (request_id, setting_id),
  FOREIGN KEY (request_id, setting_id) REFERENCES request_invitations (request_id, setting_id)
);

CREATE TABLE offer_versions (
  offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  core_pence integer NOT NULL CHECK (core_pence >= 0),
  staffing_pence integer NOT NULL CHECK (staffing_pence >= 0),
  therapies_pence integer NOT NULL CHECK (therapies_pence >= 0),
  other_pence integer NOT NULL CHECK (other_pence >= 0),
  weekly_fee_pence integer GENERATED ALWAYS AS (core_pence + staffing_pence + therapies_pence + other_pence) STORED,
  start_date date NOT NULL,
  -- { "section_f": "How we meet it", ... }
  criteria_responses jsonb NOT NULL CHECK (jsonb_typeof(criteria_responses) = 'object'),
  notes text NOT NULL DEFAULT '',
  justification text,
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (offer_id, version)
);

-- A retried submit with the same Idempotency-Key returns the first result.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users(id),
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
  scope text NOT NULL,
  status smallint NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE clarifications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES placement_requests(id) ON DELETE CASCADE,
  asked_by_organisation_id uuid REFERENCES organisations(id),
  asked_by uuid REFERENCES users(id),
  question text NOT NULL CHECK (length(question) BETWEEN 1 AND 2000),
  asked_at timestamptz NOT NULL DEFAULT now(),
  answer text CHECK (length(answer) <= 4000),
  -- 'all': every invited provider sees it (the asker anonymised); 'private': the asker only.
  visibility text CHECK (visibility IN ('all', 'private')),
  answered_by uuid REFERENCES users(id),
  answered_at timestamptz,
  CHECK ((answer IS NULL) = (answered_at IS NULL))
);
CREATE INDEX clarifications_request ON clarifications (request_id, asked_at);

CREATE TABLE offer_scores (
  offer_id uuid NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
  criterion_id text NOT NULL,
  score smallint NOT NULL CHECK (score BETWEEN 0 AND 5),
  scored_by uuid REFERENCES users(id),
  scored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (offer_id, criterion_id)
);

CREATE TABLE awards (
  request_id uuid PRIMARY KEY REFERENCES placement_requests(id),
  offer_id uuid NOT NULL REFERENCES offers(id),
  offer_version integer NOT NULL,
  reasons text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 4000),
  awarded_by uuid REFERENCES users(id),
  awarded_at timestamptz NOT NULL DEFAULT now()
);

-- An Individual Placement Agreement.
CREATE TABLE placements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid UNIQUE REFERENCES placement_requests(id),
  child_id uuid NOT NULL REFERENCES child_profiles(id),
  council_id uuid NOT NULL REFERENCES organisations(id),
  setting_id uuid NOT NULL REFERENCES settings(id),
  provider_id uuid NOT NULL REFERENCES organisations(id),
  weekly_fee_pence integer NOT NULL CHECK (weekly_fee_pence >= 0),
  start_date date NOT NULL,
  review_dates date[] NOT NULL DEFAULT '{}',
  end_date date,
  end_reason text,
  breakdown boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((end_date IS NULL) = (end_reason IS NULL))
);
CREATE INDEX placements_child ON placements (child_id);
