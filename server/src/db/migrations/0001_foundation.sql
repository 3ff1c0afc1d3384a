-- Foundation: the region, its organisations and its framework (lots and price bands),
-- and anonymous feedback about the service.

CREATE TABLE regions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]+$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  kind text NOT NULL CHECK (kind IN ('regional_hub', 'council', 'provider', 'parent_forum')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  la_code text CHECK (la_code ~ '^[0-9]{3}$'),
  companies_house_number text CHECK (companies_house_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- A council and its Parent Carer Forum share an LA code; two councils never do.
  CONSTRAINT council_has_la_code CHECK (kind NOT IN ('council', 'parent_forum') OR la_code IS NOT NULL)
);
CREATE UNIQUE INDEX organisations_region_kind_la_code ON organisations (region_id, kind, la_code) WHERE la_code IS NOT NULL;
CREATE UNIQUE INDEX organisations_region_kind_name ON organisations (region_id, kind, lower(name));

CREATE TABLE frameworks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  term_start date NOT NULL,
  term_end date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end > term_start),
  UNIQUE (region_id, name)
);

CREATE TABLE lots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  framework_id uuid NOT NULL REFERENCES frameworks(id),
  number integer NOT NULL CHECK (number > 0),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  UNIQUE (framework_id, number)
);

CREATE TABLE price_bands (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  lot_id uuid NOT NULL REFERENCES lots(id),
  band text NOT NULL CHECK (band IN ('A', 'B', 'C', 'D', 'E')),
  description text NOT NULL,
  weekly_ceiling_pence integer NOT NULL CHECK (weekly_ceiling_pence > 0),
  UNIQUE (lot_id, band)
);

CREATE TABLE service_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rating text NOT NULL CHECK (rating IN ('very_satisfied', 'satisfied', 'neither', 'dissatisfied', 'very_dissatisfied')),
  comments text CHECK (length(comments) <= 1200),
  page text CHECK (length(page) <= 200),
  created_at timestamptz NOT NULL DEFAULT now()
);
