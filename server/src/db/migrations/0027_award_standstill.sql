-- Intention to award and standstill (issue 16). An award is first an intention: every provider
-- that offered is told, and the award is confirmed only after the request's standstill period
-- (0 to 30 calendar days, 8 by default; 0 only with a recorded reason, e.g. an urgent placement).
-- Only the confirmation creates the placement and reaches open data.

ALTER TABLE placement_requests DROP CONSTRAINT placement_requests_state_check;
ALTER TABLE placement_requests ADD CONSTRAINT placement_requests_state_check
  CHECK (state IN ('draft', 'open', 'closed', 'evaluated', 'price_round', 'standstill', 'awarded', 'cancelled', 'no_offers'));

ALTER TABLE placement_requests
  ADD COLUMN standstill_days smallint NOT NULL DEFAULT 8 CHECK (standstill_days BETWEEN 0 AND 30),
  ADD COLUMN standstill_reason text CHECK (length(standstill_reason) BETWEEN 1 AND 1000),
  ADD CONSTRAINT placement_requests_standstill_reason CHECK (standstill_days > 0 OR standstill_reason IS NOT NULL),
  -- The last intention to award that was withdrawn, and why: its providers read it on their page.
  ADD COLUMN intention_withdrawn_at timestamptz,
  ADD COLUMN intention_withdrawn_reason text CHECK (length(intention_withdrawn_reason) BETWEEN 1 AND 1000);

-- The award row is the intention; confirmed_at is set when the standstill has ended and the
-- council confirms. A withdrawn intention's row is deleted (the audit keeps what it was).
ALTER TABLE awards
  ADD COLUMN standstill_ends_at timestamptz,
  ADD COLUMN confirmed_at timestamptz,
  ADD COLUMN confirmed_by uuid REFERENCES users(id);
-- Awards made before standstill existed were final at once.
UPDATE awards SET standstill_ends_at = awarded_at, confirmed_at = awarded_at, confirmed_by = awarded_by;
ALTER TABLE awards ALTER COLUMN standstill_ends_at SET NOT NULL;

-- How a council is contacted about a placement (the winning provider's next steps).
ALTER TABLE organisations
  ADD COLUMN contact_email text CHECK (length(contact_email) BETWEEN 3 AND 320),
  ADD COLUMN contact_phone text CHECK (length(contact_phone) BETWEEN 3 AND 40);
