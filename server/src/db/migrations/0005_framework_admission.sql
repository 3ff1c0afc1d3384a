-- Framework admission: the terms providers accept, the rounds in which the framework reopens,
-- providers' applications, the hub's decision on each lot, and admitted providers' band prices.

CREATE TABLE terms_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  version text NOT NULL CHECK (version ~ '^[0-9]+(\.[0-9]+){0,2}$'),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 5000),
  published_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (framework_id, version)
);
CREATE INDEX terms_versions_latest ON terms_versions (framework_id, published_at DESC);

CREATE TABLE admission_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (closes_at > opens_at)
);
CREATE INDEX admission_rounds_framework ON admission_rounds (framework_id, opens_at);

CREATE TABLE provider_applications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  round_id uuid NOT NULL REFERENCES admission_rounds(id),
  -- A provider organisation (the API admits only providers' administrators as applicants).
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  companies_house_number text NOT NULL CHECK (companies_house_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$'),
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  contact_email text NOT NULL CHECK (contact_email = lower(contact_email) AND position('@' IN contact_email) > 1),
  contact_phone text NOT NULL,
  settings_offered text NOT NULL CHECK (length(settings_offered) BETWEEN 1 AND 2000),
  -- The terms the provider accepted, kept because terms change between rounds.
  terms_version_id uuid NOT NULL REFERENCES terms_versions(id),
  -- NULL only for the development seed's demo applications.
  submitted_by uuid REFERENCES users(id),
  submitted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX provider_applications_framework ON provider_applications (framework_id, submitted_at DESC);
CREATE INDEX provider_applications_organisation ON provider_applications (organisation_id);

-- A provider's standing on one lot: one row per (lot, provider), pointing at the application
-- that last asked for it. Directory search joins this with status = 'admitted'.
CREATE TABLE lot_admissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  lot_id uuid NOT NULL REFERENCES lots(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  application_id uuid NOT NULL REFERENCES provider_applications(id),
  status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'admitted', 'rejected', 'suspended')),
  reason text CHECK (length(reason) <= 1000),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  UNIQUE (lot_id, organisation_id),
  -- Every decision carries the reason the provider is shown.
  CHECK (status = 'applied' OR (reason IS NOT NULL AND decided_at IS NOT NULL))
);
CREATE INDEX lot_admissions_organisation_status ON lot_admissions (organisation_id, status, lot_id);
CREATE INDEX lot_admissions_framework_status ON lot_admissions (framework_id, status);
CREATE INDEX lot_admissions_application ON lot_admissions (application_id);

-- An admitted provider's weekly framework price per band per lot (integer pence, GBP).
CREATE TABLE provider_band_prices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lot_id uuid NOT NULL REFERENCES lots(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  band text NOT NULL CHECK (band IN ('A', 'B', 'C', 'D', 'E')),
  weekly_price_pence integer NOT NULL CHECK (weekly_price_pence > 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Provider first: search reads one provider's prices on a lot and band.
  CONSTRAINT provider_band_prices_one_per_band UNIQUE (organisation_id, lot_id, band)
);
CREATE INDEX provider_band_prices_lot_band ON provider_band_prices (lot_id, band);
