-- Issue 13: outcome reviews ("distance travelled"), the region's high-risk definition, and the
-- precomputed facts the regional insights are drawn from.

-- The outcomes of the child's EHC plan (section E) as short, pseudonymised statements. A
-- statement taken off the plan is retired, not deleted: earlier reviews still score it.
CREATE TABLE child_outcomes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  child_id uuid NOT NULL REFERENCES child_profiles(id) ON DELETE CASCADE,
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 50),
  statement text NOT NULL CHECK (length(statement) BETWEEN 1 AND 300),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
CREATE INDEX child_outcomes_child ON child_outcomes (child_id);

-- A review of a placement by the placing council: the baseline at its start, then one at each
-- review date (or at any time). A draft can be changed; a submitted review cannot.
CREATE TABLE outcome_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  placement_id uuid NOT NULL REFERENCES placements(id),
  council_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('baseline', 'review')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  review_date date NOT NULL,
  -- [{ "outcomeId": uuid, "score": 1..5 }]
  scores jsonb NOT NULL DEFAULT '[]',
  attendance_percent smallint CHECK (attendance_percent BETWEEN 0 AND 100),
  -- { "missingEpisodes": n, "exclusions": n, "policeContacts": n, "physicalInterventions": n, "hospitalAdmissions": n }
  incidents jsonb NOT NULL DEFAULT '{}',
  -- [{ "code": PDS risk code, "trajectory": none|historic|current|escalating }]
  risks jsonb NOT NULL DEFAULT '[]',
  stability text CHECK (stability IN ('stable', 'at_risk', 'notice_given')),
  child_view smallint CHECK (child_view BETWEEN 1 AND 5),
  family_view smallint CHECK (family_view BETWEEN 1 AND 5),
  notes text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id),
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL))
);
CREATE INDEX outcome_reviews_placement ON outcome_reviews (placement_id, review_date);
-- One baseline per placement.
CREATE UNIQUE INDEX outcome_reviews_one_baseline ON outcome_reviews (placement_id) WHERE kind = 'baseline';

-- The provider's own view of a review, which the council accepts or annotates.
CREATE TABLE provider_review_views (
  review_id uuid PRIMARY KEY REFERENCES outcome_reviews(id),
  provider_id uuid NOT NULL REFERENCES organisations(id),
  scores jsonb NOT NULL DEFAULT '[]',
  attendance_percent smallint CHECK (attendance_percent BETWEEN 0 AND 100),
  incidents jsonb NOT NULL DEFAULT '{}',
  risks jsonb NOT NULL DEFAULT '[]',
  stability text CHECK (stability IN ('stable', 'at_risk', 'notice_given')),
  notes text NOT NULL DEFAULT '',
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now(),
  decision text CHECK (decision IN ('accepted', 'annotated')),
  annotation text,
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  CHECK ((decision IS NULL) = (decided_at IS NULL)),
  CHECK (decision IS DISTINCT FROM 'annotated' OR annotation IS NOT NULL)
);

-- The region's definition of a high-risk placement; absent means the default (shared/src/insights/high-risk.ts).
CREATE TABLE high_risk_definitions (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  rules jsonb NOT NULL,
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The local authority a setting stands in (GIAS "LA (code)"), for "in or out of the council's area".
ALTER TABLE settings ADD COLUMN la_code text CHECK (la_code ~ '^[0-9]{3}$');

-- Synthetic history (npm run cli -- seed insights) is marked so it can be told apart and removed.
ALTER TABLE child_profiles ADD COLUMN synthetic boolean NOT NULL DEFAULT false;
ALTER TABLE placement_requests ADD COLUMN synthetic boolean NOT NULL DEFAULT false;
ALTER TABLE placements ADD COLUMN synthetic boolean NOT NULL DEFAULT false;

-- One row per placement, recomputed from its sources whenever they change (insights_dirty).
CREATE TABLE placement_facts (
  placement_id uuid PRIMARY KEY REFERENCES placements(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id),
  council_id uuid NOT NULL REFERENCES organisations(id),
  lot smallint NOT NULL,
  mode text,
  award_date date NOT NULL,
  start_date date NOT NULL,
  end_date date,
  breakdown boolean NOT NULL,
  weekly_fee_pence integer NOT NULL,
  present_risks text[] NOT NULL,
  high_risk_rules text[] NOT NULL,
  ofsted_grade smallint,
  distance_km real,
  in_area boolean,
  risks_managed boolean,
  days_to_award integer,
  days_needed_to_start integer,
  offers_count integer,
  outcome_change real,
  incidents_per_4_weeks real,
  reviews_count integer NOT NULL DEFAULT 0,
  synthetic boolean NOT NULL DEFAULT false,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX placement_facts_region ON placement_facts (region_id, refreshed_at);

-- One row per request that left the draft state (time to place, offers, requests with no offer).
CREATE TABLE request_facts (
  request_id uuid PRIMARY KEY REFERENCES placement_requests(id) ON DELETE CASCADE,
  region_id uuid NOT NULL REFERENCES regions(id),
  council_id uuid NOT NULL REFERENCES organisations(id),
  lot smallint NOT NULL,
  mode text NOT NULL,
  period_date date NOT NULL,
  state text NOT NULL,
  offers_count integer NOT NULL,
  days_to_award integer,
  synthetic boolean NOT NULL DEFAULT false,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX request_facts_region ON request_facts (region_id, refreshed_at);

-- What must be recomputed: filled by triggers on the sources, emptied by the facts refresher.
CREATE TABLE insights_dirty (
  kind text NOT NULL CHECK (kind IN ('placement', 'request')),
  id uuid NOT NULL,
  marked_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (kind, id)
);

-- The period of the published regional summary, set by the hub.
CREATE TABLE insights_publications (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  published_by uuid REFERENCES users(id),
  published_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_from <= period_to)
);

-- Marking facts dirty: statement-level triggers with transition tables, so the synthetic seed's
-- bulk inserts mark 100,000 rows in one statement instead of firing a row trigger each.
-- A mark that already exists is touched (DO UPDATE), not skipped: the touch waits for a refresher
-- that has taken the mark in a transaction still open, so a change committed during a refresh
-- leaves a fresh mark behind instead of being lost with the old one. Marks are touched in id
-- order, so two statements marking the same placements take them in the same order (no deadlock).
CREATE INDEX placements_setting ON placements (setting_id);
-- The refresher takes the oldest marks first.
CREATE INDEX insights_dirty_marked ON insights_dirty (marked_at);
CREATE INDEX placements_council ON placements (council_id);

CREATE FUNCTION insights_mark_placements(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO insights_dirty (kind, id)
  SELECT DISTINCT 'placement', u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL ORDER BY u.id
  ON CONFLICT (kind, id) DO UPDATE SET marked_at = excluded.marked_at;
END $$;

CREATE FUNCTION insights_mark_requests(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO insights_dirty (kind, id)
  SELECT DISTINCT 'request', u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL ORDER BY u.id
  ON CONFLICT (kind, id) DO UPDATE SET marked_at = excluded.marked_at;
  -- A request's facts (days to award, offers) are also its placement's.
  PERFORM insights_mark_placements(ARRAY(SELECT p.id FROM placements p WHERE p.request_id = ANY (ids)));
END $$;

-- A placement inserted or changed (its end, its fee).
CREATE FUNCTION insights_placements_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_placements(ARRAY(SELECT id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_placements_inserted AFTER INSERT ON placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_placements_changed();
CREATE TRIGGER insights_placements_updated AFTER UPDATE ON placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_placements_changed();

-- A review recorded or submitted: its placement's outcomes, incidents and present risks.
CREATE FUNCTION insights_reviews_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_placements(ARRAY(SELECT placement_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_reviews_inserted AFTER INSERT ON outcome_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_reviews_changed();
CREATE TRIGGER insights_reviews_updated AFTER UPDATE ON outcome_reviews
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_reviews_changed();

-- A request made (not as a draft) or moved to another state.
CREATE FUNCTION insights_requests_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_requests(ARRAY(SELECT id FROM new_rows WHERE state <> 'draft'));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_requests_inserted AFTER INSERT ON placement_requests
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_requests_inserted();
CREATE FUNCTION insights_requests_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_requests(ARRAY(
    SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.state IS DISTINCT FROM n.state));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_requests_moved AFTER UPDATE ON placement_requests
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_requests_moved();

-- An offer made (or withdrawn): the request's offer count.
CREATE FUNCTION insights_offers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_requests(ARRAY(SELECT request_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_offers_inserted AFTER INSERT ON offers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_offers_changed();
CREATE TRIGGER insights_offers_updated AFTER UPDATE ON offers
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_offers_changed();

-- A child's profile changed in what the facts read (risks, deprivation of liberty, home, dates, lot).
CREATE FUNCTION insights_children_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_placements(ARRAY(
    SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN placements p ON p.child_id = n.id
    WHERE (o.risks, o.requirements, o.home_outcode, o.needed_by, o.lot_number)
      IS DISTINCT FROM (n.risks, n.requirements, n.home_outcode, n.needed_by, n.lot_number)));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_children_changed AFTER UPDATE ON child_profiles
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_children_changed();

-- A setting changed in what the facts read; vacancies and descriptions change often and are not read.
CREATE FUNCTION insights_settings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_placements(ARRAY(
    SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN placements p ON p.setting_id = n.id
    WHERE (o.la_code, o.ofsted_grade, o.risks_managed, o.latitude, o.longitude)
      IS DISTINCT FROM (n.la_code, n.ofsted_grade, n.risks_managed, n.latitude, n.longitude)));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_settings_changed AFTER UPDATE ON settings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_settings_changed();

-- The region's high-risk definition, or a band ceiling (the "fee above the highest ceiling" rule),
-- changed: every placement of the region is judged again.
CREATE FUNCTION insights_mark_regions(region_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_placements(ARRAY(
    SELECT p.id FROM placements p JOIN organisations c ON c.id = p.council_id WHERE c.region_id = ANY (region_ids)));
END $$;
CREATE FUNCTION insights_definition_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_regions(ARRAY(SELECT region_id FROM new_rows));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_definition_inserted AFTER INSERT ON high_risk_definitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_definition_changed();
CREATE TRIGGER insights_definition_updated AFTER UPDATE ON high_risk_definitions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_definition_changed();
CREATE FUNCTION insights_ceilings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM insights_mark_regions(ARRAY(
    SELECT DISTINCT f.region_id FROM new_rows n JOIN lots l ON l.id = n.lot_id JOIN frameworks f ON f.id = l.framework_id));
  RETURN NULL;
END $$;
CREATE TRIGGER insights_ceilings_inserted AFTER INSERT ON price_bands
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_ceilings_changed();
CREATE TRIGGER insights_ceilings_updated AFTER UPDATE ON price_bands
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION insights_ceilings_changed();
