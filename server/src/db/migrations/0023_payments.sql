-- Payments (issue 14): councils billed per placement through Stripe, providers paid through
-- Stripe Connect, the framework levy as the application fee, optional provider membership.
-- Amounts are integer pence everywhere. See docs/domain/payments.md.

-- The region's billing, saved by the hub. No row: the region bills nothing (the hub turns it on).
CREATE TABLE billing_settings (
  region_id uuid PRIMARY KEY REFERENCES regions(id),
  period_kind text NOT NULL DEFAULT 'month' CHECK (period_kind IN ('month', 'four_weeks')),
  -- 4-week periods run from this date in steps of 28 days (and before it, backwards).
  anchor_date date NOT NULL DEFAULT '2026-04-06',
  -- Periods that start before this date are never billed: what went before was paid by hand.
  starts_on date NOT NULL,
  levy_basis_points integer NOT NULL DEFAULT 0 CHECK (levy_basis_points BETWEEN 0 AND 2000),
  card_payments boolean NOT NULL DEFAULT false,
  membership_enabled boolean NOT NULL DEFAULT false,
  membership_fee_pence integer NOT NULL DEFAULT 0 CHECK (membership_fee_pence BETWEEN 0 AND 10000000),
  updated_by uuid REFERENCES users(id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A placement's weekly fee over time: the agreed fee from its start, then each change from a date.
CREATE TABLE placement_fees (
  placement_id uuid NOT NULL REFERENCES placements(id) ON DELETE CASCADE,
  effective_from date NOT NULL,
  weekly_fee_pence integer NOT NULL CHECK (weekly_fee_pence > 0),
  reason text,
  changed_by uuid REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (placement_id, effective_from)
);
INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence)
  SELECT id, start_date, weekly_fee_pence FROM placements;
-- Every new placement starts its fee history with the agreed fee (award, import, the seed's bulk insert).
CREATE FUNCTION placement_fees_started() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO placement_fees (placement_id, effective_from, weekly_fee_pence)
    SELECT id, start_date, weekly_fee_pence FROM new_rows ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER placement_fees_started AFTER INSERT ON placements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION placement_fees_started();

-- A provider's Stripe Connect (Express) account; its status as Stripe last reported it.
CREATE TABLE stripe_accounts (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  account_id text NOT NULL UNIQUE,
  details_submitted boolean NOT NULL DEFAULT false,
  charges_enabled boolean NOT NULL DEFAULT false,
  payouts_enabled boolean NOT NULL DEFAULT false,
  requirements_due text[] NOT NULL DEFAULT '{}',
  disabled_reason text,
  synced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A council (or a provider paying membership) as a Stripe Customer.
CREATE TABLE stripe_customers (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  customer_id text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One invoice per council, provider and period (kind 'period'), or a correction invoice for
-- amounts owed on periods already invoiced. 'pending': decided here, not yet all in Stripe.
CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  region_id uuid NOT NULL REFERENCES regions(id),
  council_id uuid NOT NULL REFERENCES organisations(id),
  provider_id uuid NOT NULL REFERENCES organisations(id),
  kind text NOT NULL CHECK (kind IN ('period', 'correction')),
  period_start date NOT NULL,
  period_end date NOT NULL CHECK (period_start <= period_end),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'draft', 'open', 'paid', 'void', 'uncollectible')),
  total_pence integer NOT NULL CHECK (total_pence > 0),
  levy_basis_points integer NOT NULL,
  levy_pence integer NOT NULL CHECK (levy_pence >= 0),
  stripe_invoice_id text UNIQUE,
  hosted_invoice_url text,
  invoice_number text,
  due_date date,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  stripe_synced_at timestamptz,
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX invoices_one_per_period ON invoices (council_id, provider_id, period_start) WHERE kind = 'period';
CREATE INDEX invoices_pending ON invoices (next_attempt_at) WHERE status = 'pending';
CREATE INDEX invoices_council ON invoices (council_id, period_start);
CREATE INDEX invoices_provider ON invoices (provider_id, period_start);
CREATE INDEX invoices_region ON invoices (region_id, period_start);

-- One line per placement and period (a correction line names the period it corrects).
CREATE TABLE invoice_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices(id),
  placement_id uuid NOT NULL REFERENCES placements(id),
  period_start date NOT NULL,
  period_end date NOT NULL,
  amount_pence integer NOT NULL CHECK (amount_pence > 0),
  description text NOT NULL,
  stripe_item_id text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX invoice_lines_invoice ON invoice_lines (invoice_id);
CREATE INDEX invoice_lines_placement ON invoice_lines (placement_id, period_start);

-- Money given back on an invoiced period (a placement ended, or its fee lowered, after it was billed).
CREATE TABLE credit_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  invoice_id uuid NOT NULL REFERENCES invoices(id),
  placement_id uuid NOT NULL REFERENCES placements(id),
  period_start date NOT NULL,
  period_end date NOT NULL,
  amount_pence integer NOT NULL CHECK (amount_pence > 0),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'issued', 'void')),
  stripe_credit_note_id text UNIQUE,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX credit_notes_invoice ON credit_notes (invoice_id);
CREATE INDEX credit_notes_placement ON credit_notes (placement_id, period_start);
CREATE INDEX credit_notes_pending ON credit_notes (next_attempt_at) WHERE status = 'pending';

-- Each Stripe webhook event applied once, in the same transaction as its effect.
CREATE TABLE stripe_events (
  id text PRIMARY KEY,
  type text NOT NULL,
  object_id text,
  stripe_created_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- A provider's annual membership of the region's framework (when the hub charges one).
CREATE TABLE provider_memberships (
  organisation_id uuid PRIMARY KEY REFERENCES organisations(id),
  region_id uuid NOT NULL REFERENCES regions(id),
  status text NOT NULL DEFAULT 'unpaid' CHECK (status IN ('unpaid', 'checkout_open', 'active', 'past_due', 'canceled')),
  fee_pence integer NOT NULL CHECK (fee_pence >= 0),
  checkout_session_id text UNIQUE,
  checkout_url text,
  subscription_id text UNIQUE,
  current_period_end timestamptz,
  stripe_synced_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
