-- Children's pseudonymised needs profiles (special-category data: a council reference, never a
-- name; month and year of birth only; a postcode district, never a full postcode) and the
-- commissioner's shortlist of settings to invite to a placement request.

CREATE TABLE child_profiles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- The council that owns the profile: only its commissioners read or change it.
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  reference text NOT NULL CHECK (reference ~ '^[A-Z0-9][A-Z0-9/-]{2,39}$'),
  birth_month text CHECK (birth_month ~ '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])$'),
  sex text CHECK (sex IN ('female', 'male')),
  home_outcode text,
  school_year smallint CHECK (school_year BETWEEN 0 AND 14),
  primary_need text,
  secondary_needs text[] NOT NULL DEFAULT '{}',
  ehc_plan_status text,
  section_b text NOT NULL DEFAULT '' CHECK (length(section_b) <= 2000),
  section_e text NOT NULL DEFAULT '' CHECK (length(section_e) <= 2000),
  section_f text NOT NULL DEFAULT '' CHECK (length(section_f) <= 2000),
  staffing_ratio text,
  therapies text[] NOT NULL DEFAULT '{}',
  lot_number smallint CHECK (lot_number BETWEEN 1 AND 7),
  price_band text CHECK (price_band IN ('A', 'B', 'C', 'D', 'E')),
  needed_by date,
  preferred_setting_id uuid REFERENCES settings(id),
  max_travel_km double precision CHECK (max_travel_km > 0),
  sibling_count smallint CHECK (sibling_count >= 0),
  preferred_location text,
  -- Placements Data Standard v2 PlacementRequirements / PlacementRecommendation, field for field.
  requirements jsonb NOT NULL CHECK (jsonb_typeof(requirements) = 'object'),
  recommendation jsonb NOT NULL CHECK (jsonb_typeof(recommendation) = 'object'),
  -- [{ "code": "riskMissing", "trajectory": "current" }]: risks present; the rest "No known risk".
  risks jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(risks) = 'array'),
  risk_other text,
  risk_to_others_other text,
  pds_child_id bigint,
  referral_date date,
  created_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, reference)
);

CREATE TABLE child_shortlists (
  child_id uuid NOT NULL REFERENCES child_profiles(id) ON DELETE CASCADE,
  setting_id uuid NOT NULL REFERENCES settings(id),
  added_by uuid REFERENCES users(id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (child_id, setting_id)
);
