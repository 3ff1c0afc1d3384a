-- The provider directory: postcode districts, settings (schools, homes, colleges) and claims of
-- imported settings by their providers.

CREATE TABLE outcodes (
  outcode text PRIMARY KEY CHECK (outcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]?$'),
  latitude double precision NOT NULL CHECK (latitude BETWEEN 49 AND 61),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -9 AND 3)
);

-- Settings imported from GIAS wait with their region's "unclaimed" provider until claimed.
ALTER TABLE organisations ADD COLUMN holds_unclaimed_settings boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX organisations_one_unclaimed_per_region ON organisations (region_id) WHERE holds_unclaimed_settings;

CREATE TABLE settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  urn text NOT NULL UNIQUE CHECK (urn ~ '^[0-9]{6}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  establishment_type_code text CHECK (establishment_type_code ~ '^[0-9]{2}$'),
  establishment_type_name text,
  lot_numbers integer[] NOT NULL DEFAULT '{}' CHECK (lot_numbers <@ ARRAY[1, 2, 3, 4, 5, 6, 7]),
  age_low integer NOT NULL CHECK (age_low BETWEEN 0 AND 25),
  age_high integer NOT NULL CHECK (age_high BETWEEN 0 AND 25),
  sex_admitted text NOT NULL CHECK (sex_admitted IN ('mixed', 'boys', 'girls')),
  residential_types text[] NOT NULL DEFAULT '{}' CHECK (residential_types <@ ARRAY['day', '38_week', '52_week']),
  registered_capacity integer NOT NULL DEFAULT 0 CHECK (registered_capacity >= 0),
  vacancies integer NOT NULL DEFAULT 0 CHECK (vacancies >= 0),
  vacancies_confirmed_at timestamptz,
  -- [{ "code": "ASD", "level": "specialist" }]; need_codes mirrors the codes for indexed search.
  needs jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(needs) = 'array'),
  need_codes text[] NOT NULL DEFAULT '{}',
  risks_managed text[] NOT NULL DEFAULT '{}',
  therapies text[] NOT NULL DEFAULT '{}',
  staffing_ratios text[] NOT NULL DEFAULT '{}',
  ofsted_grade smallint CHECK (ofsted_grade BETWEEN 1 AND 4),
  ofsted_inspection_date date,
  address_line1 text NOT NULL DEFAULT '',
  address_line2 text,
  town text NOT NULL DEFAULT '',
  postcode text NOT NULL DEFAULT '',
  outcode text,
  latitude double precision,
  longitude double precision,
  description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'suspended')),
  status_reason text,
  source text NOT NULL DEFAULT 'provider' CHECK (source IN ('provider', 'gias')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (age_high >= age_low),
  CHECK (vacancies <= registered_capacity),
  CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX settings_organisation ON settings (organisation_id);
-- Search reads only published settings: partial indexes keep drafts out of every scan.
CREATE INDEX settings_published_need_codes ON settings USING gin (need_codes) WHERE status = 'published';
CREATE INDEX settings_published_location ON settings (latitude, longitude) WHERE status = 'published';

CREATE TABLE setting_claims (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  setting_id uuid NOT NULL REFERENCES settings(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  requested_by uuid REFERENCES users(id),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  reason text,
  decided_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE UNIQUE INDEX setting_claims_one_pending ON setting_claims (setting_id, organisation_id) WHERE status = 'pending';
