import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { DEFAULT_QUALITY_CRITERIA } from "@shared/codes/tenders";
import type { Db, Tx } from "../client";
import { rowsOf } from "../rows";
import { seedSyntheticReviews } from "./insights-reviews";
import { prepareSyntheticSettings } from "./insights-settings";

// How common each Placements Data Standard risk is among children placed (illustrative weights:
// harm to others and self-harm often, fire-setting and harm to animals rarely).
const RISK_WEIGHTS: Record<string, number> = {
  riskSelfHarm: 1.0,
  riskSexualExploitation: 0.5,
  riskCriminalExploitation: 0.6,
  riskDrugAlcohol: 0.5,
  riskEatingDisorder: 0.25,
  riskMissing: 0.9,
  riskToOthersPhysical: 1.2,
  riskToOthersSexual: 0.25,
  riskToOthersFire: 0.15,
  riskToOthersAnimals: 0.1,
  riskToOthersCriminal: 0.35,
};

export interface SeedInsightsResult {
  regionId: string;
  placements: number;
  requests: number;
  children: number;
  reviews: number;
}

/** The region's councils (indexed for random picks) and the districts their children live in. */
async function prepareCouncils(tx: Tx, regionId: string): Promise<number> {
  await tx.execute(sql`
    CREATE TEMP TABLE syn_councils ON COMMIT DROP AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS i, id, la_code FROM organisations WHERE region_id = ${regionId} AND kind = 'council'`);
  const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM syn_councils`);
  if (Number(n) === 0) throw new Error("The region has no councils to make a synthetic history for.");
  await tx.execute(sql`
    CREATE TEMP TABLE syn_homes ON COMMIT DROP AS
    SELECT la_code, array_agg(outcode) AS outcodes FROM syn_places GROUP BY la_code
    UNION ALL SELECT '*', array_agg(outcode) FROM syn_places`);
  await tx.execute(sql`CREATE TEMP TABLE syn_risk ON COMMIT DROP AS SELECT * FROM jsonb_each_text(${JSON.stringify(RISK_WEIGHTS)}::jsonb) AS r(code, weight)`);
  return Number(n);
}

/**
 * One row per request to make: council, lot (weighted like real demand), mode, how it ends,
 * the child's number of present risks (0-6, most children few), band, dates and offers.
 */
async function planRequests(tx: Tx, placements: number, councils: number) {
  const requests = placements + Math.round(placements * 0.18);
  await tx.execute(sql`
    CREATE TEMP TABLE syn_req ON COMMIT DROP AS
    SELECT g, gen_random_uuid() AS request_id, gen_random_uuid() AS child_id, c.id AS council_id, c.la_code AS council_la,
      lot, mode, outcome, risk_count,
      (ARRAY['A', 'B', 'C', 'D', 'E'])[1 + least(4, floor(u_band * 3)::int + risk_count / 2)] AS band,
      CASE WHEN mode = 'urgent' THEN 1 + floor(u_days * 5)::int ELSE 16 + floor(power(u_days, 1.5) * 40)::int END AS award_days,
      -- Awards over the last 36 months; requests that ended otherwise were opened over the same span.
      now() - make_interval(days => floor(u_when * 1095)::int, secs => floor(u_secs * 86400)::int) AS at,
      CASE outcome WHEN 'awarded' THEN 1 + floor(power(u_offers, 1.3) * 8)::int WHEN 'cancelled' THEN floor(u_offers * 3)::int ELSE 0 END AS offers,
      floor(u_declines * 4)::int AS declines,
      floor(u_base * 100000)::int AS base, u_local, u_home
    FROM (
      SELECT g, floor(random() * ${councils})::int AS ci,
        CASE WHEN u < 0.30 THEN 1 WHEN u < 0.38 THEN 2 WHEN u < 0.50 THEN 3 WHEN u < 0.65 THEN 4 WHEN u < 0.73 THEN 5 WHEN u < 0.90 THEN 6 ELSE 7 END AS lot,
        CASE WHEN m < 0.6 THEN 'sealed' WHEN m < 0.85 THEN 'urgent' ELSE 'ranked' END AS mode,
        CASE WHEN g <= ${placements} THEN 'awarded' WHEN random() < 0.55 THEN 'no_offers' ELSE 'cancelled' END AS outcome,
        floor(7 * power(random(), 2.2))::int AS risk_count,
        random() AS u_band, random() AS u_days, random() AS u_when, random() AS u_secs, random() AS u_offers, random() AS u_declines,
        random() AS u_base, random() AS u_local, random() AS u_home
      FROM (SELECT g, random() AS u, random() AS m FROM generate_series(1, ${requests}) g) x
    ) r JOIN syn_councils c ON c.i = r.ci`);
  // Temporary tables are never analysed by autovacuum: without statistics the joins below are planned blind.
  await tx.execute(sql`CREATE UNIQUE INDEX ON syn_req (g)`);
  await tx.execute(sql`ANALYZE syn_req`);
  // Where each request's invited settings start in its lot's list: most often one of the council's own.
  await tx.execute(sql`
    CREATE TEMP TABLE syn_pick ON COMMIT DROP AS
    SELECT r.g, l.ids,
      CASE WHEN r.u_local < 0.6 AND ll.positions IS NOT NULL THEN ll.positions[1 + (r.base % cardinality(ll.positions))] ELSE r.base % cardinality(l.ids) END AS first,
      least(r.offers, cardinality(l.ids)) AS offers,
      least(r.offers + r.declines, cardinality(l.ids)) AS invited
    FROM syn_req r JOIN syn_lot l ON l.lot = r.lot LEFT JOIN syn_lot_local ll ON ll.lot = r.lot AND ll.la_code = r.council_la`);
  return requests;
}

// Primary needs, ASD and SEMH twice: they lead among children in specialist placements.
const NEEDS = ["ASD", "SEMH", "ASD", "SEMH", "SLCN", "MLD", "SLD", "PMLD", "SPLD", "HI", "VI", "PD", "MSI"];

async function insertChildren(tx: Tx, tag: string) {
  await tx.execute(sql`
    INSERT INTO child_profiles (id, organisation_id, reference, birth_month, sex, home_outcode, school_year, primary_need, ehc_plan_status,
      lot_number, price_band, needed_by, requirements, recommendation, risks, synthetic, created_at)
    SELECT r.child_id, r.council_id, ${`SYN-${tag}-`} || r.g, to_char(r.at - make_interval(years => 6 + (r.g % 11)), 'YYYY-MM'),
      CASE WHEN random() < 0.7 THEN 'male' ELSE 'female' END,
      h.outcodes[1 + floor(r.u_home * cardinality(h.outcodes))::int], 1 + (r.g % 11),
      (string_to_array(${NEEDS.join(",")}, ','))[1 + floor(random() * ${NEEDS.length})::int], 'final',
      r.lot, r.band, (r.at + make_interval(days => 20 + (r.g % 40)))::date,
      jsonb_build_object('communicationNeeds', 'Not Specified', 'specificCommunicationRequirements', jsonb_build_array('None'), 'homeAdaptation', false,
        'culturalNeeds', 'Not Known', 'livingCompanions', 'No preference', 'pets', 'Not Known', 'additionalSupport', null,
        'deprivationOfLiberty', random() < 0.01 + 0.025 * r.risk_count),
      jsonb_build_object('fosterCareSuitability', 'Not specified', 'residentialCareSuitability', 'Not specified', 'supportedAccommodationSuitability', 'Not specified'),
      (SELECT coalesce(jsonb_agg(jsonb_build_object('code', k.code,
         'trajectory', CASE WHEN random() < 0.55 THEN 'current' WHEN random() < 0.5 THEN 'escalating' ELSE 'historic' END)), '[]'::jsonb)
       FROM (SELECT code FROM syn_risk ORDER BY -ln(random()) / weight::float LIMIT r.risk_count) k),
      true, r.at - make_interval(days => 30)
    FROM syn_req r
    LEFT JOIN syn_homes h ON h.la_code = CASE WHEN r.u_home < 0.85 AND EXISTS (SELECT 1 FROM syn_homes x WHERE x.la_code = r.council_la) THEN r.council_la ELSE '*' END`);
}

/** Requests with their invitations, offers (with a version each), awards and placements. */
async function insertRequests(tx: Tx) {
  const criteria = JSON.stringify(DEFAULT_QUALITY_CRITERIA);
  await tx.execute(sql`
    INSERT INTO placement_requests (id, organisation_id, child_id, lot_number, price_band, band_ceiling_pence, mode, state, deadline,
      quality_weight, price_weight, criteria, opened_at, closed_at, offers_opened_at, evaluated_at, awarded_at, cancelled_at, cancel_reason, synthetic, created_at)
    SELECT r.request_id, r.council_id, r.child_id, r.lot, r.band, ce.ceiling, r.mode, r.outcome,
      o.opened + make_interval(days => CASE WHEN r.mode = 'urgent' THEN 3 ELSE 14 END), 60, 40, ${criteria}::jsonb, o.opened,
      CASE WHEN r.outcome = 'awarded' THEN least(r.at, o.opened + make_interval(days => 14)) WHEN r.outcome = 'no_offers' THEN o.opened + make_interval(days => 14) END,
      CASE WHEN r.outcome = 'awarded' THEN least(r.at, o.opened + make_interval(days => 14)) END,
      CASE WHEN r.outcome = 'awarded' AND r.mode <> 'urgent' THEN r.at - make_interval(days => 1) END,
      CASE WHEN r.outcome = 'awarded' THEN r.at END,
      CASE WHEN r.outcome = 'cancelled' THEN o.opened + make_interval(days => 1 + r.g % 10) END,
      CASE WHEN r.outcome = 'cancelled' THEN 'The child''s needs changed.' END,
      true, o.opened
    FROM syn_req r
    CROSS JOIN LATERAL (SELECT CASE WHEN r.outcome = 'awarded' THEN r.at - make_interval(days => r.award_days) ELSE r.at END AS opened) o
    LEFT JOIN LATERAL (
      SELECT pb.weekly_ceiling_pence AS ceiling FROM price_bands pb JOIN lots l ON l.id = pb.lot_id JOIN frameworks f ON f.id = l.framework_id
      JOIN organisations c ON c.region_id = f.region_id
      WHERE c.id = r.council_id AND l.number = r.lot AND pb.band = r.band LIMIT 1) ce ON true`);
  await tx.execute(sql`
    CREATE TEMP TABLE syn_inv ON COMMIT DROP AS
    SELECT p.g, j, p.ids[1 + ((p.first + j) % cardinality(p.ids))] AS setting_id, j < p.offers AS offered, gen_random_uuid() AS offer_id
    FROM syn_pick p CROSS JOIN LATERAL generate_series(0, p.invited - 1) j`);
  await tx.execute(sql`ANALYZE syn_inv`);
  await tx.execute(sql`
    INSERT INTO request_invitations (request_id, setting_id, organisation_id, status, invited_at, declined_at, decline_reason)
    SELECT r.request_id, i.setting_id, s.organisation_id, CASE WHEN i.offered THEN 'offered' ELSE 'declined' END, q.opened_at,
      CASE WHEN NOT i.offered THEN q.opened_at + make_interval(days => 2) END,
      CASE WHEN NOT i.offered THEN (ARRAY['no_vacancy', 'cannot_meet_needs', 'cannot_manage_risks', 'location', 'staffing', 'price'])[1 + (i.g + i.j) % 6] END
    FROM syn_inv i JOIN syn_req r ON r.g = i.g JOIN placement_requests q ON q.id = r.request_id JOIN settings s ON s.id = i.setting_id`);
  await tx.execute(sql`
    INSERT INTO offers (id, request_id, setting_id, organisation_id, created_at)
    SELECT i.offer_id, r.request_id, i.setting_id, s.organisation_id, q.opened_at + make_interval(days => 3)
    FROM syn_inv i JOIN syn_req r ON r.g = i.g JOIN placement_requests q ON q.id = r.request_id JOIN settings s ON s.id = i.setting_id
    WHERE i.offered`);
  // Fees around the band's ceiling, most a little under it, one in ten above it (with a justification).
  await tx.execute(sql`
    INSERT INTO offer_versions (offer_id, version, core_pence, staffing_pence, therapies_pence, other_pence, start_date, criteria_responses, justification, submitted_at)
    SELECT i.offer_id, 1, f.fee, 0, 0, 0, (coalesce(q.awarded_at, q.opened_at) + make_interval(days => 7 + (i.g % 21)))::date, '{}'::jsonb,
      CASE WHEN f.fee > coalesce(q.band_ceiling_pence, f.fee) THEN 'The child''s needs call for more staffing than the band allows.' END,
      q.opened_at + make_interval(days => 3)
    FROM syn_inv i JOIN syn_req r ON r.g = i.g JOIN placement_requests q ON q.id = r.request_id
    CROSS JOIN LATERAL (SELECT (round(coalesce(q.band_ceiling_pence, 150000) *
      CASE WHEN random() < 0.1 THEN 1.02 + power(random(), 2) * 0.5 ELSE 0.7 + random() * 0.3 END / 100) * 100)::int AS fee) f
    WHERE i.offered`);
  await tx.execute(sql`
    INSERT INTO awards (request_id, offer_id, offer_version, reasons, awarded_at, standstill_ends_at, confirmed_at)
    SELECT r.request_id, i.offer_id, 1, 'Best value for the child''s needs (synthetic history).', q.awarded_at, q.awarded_at, q.awarded_at
    FROM syn_req r JOIN syn_inv i ON i.g = r.g AND i.j = 0 JOIN placement_requests q ON q.id = r.request_id
    WHERE r.outcome = 'awarded'`);
}

/**
 * The placements of the awarded requests. About 15% have ended: more often with more risks and
 * out of the council's area, and of those that ended, breakdowns likelier for the same reasons.
 */
async function insertPlacements(tx: Tx) {
  await tx.execute(sql`
    CREATE TEMP TABLE syn_pl ON COMMIT DROP AS
    SELECT gen_random_uuid() AS placement_id, r.g, r.request_id, r.child_id, r.council_id, r.risk_count, i.setting_id, s.organisation_id AS provider_id,
      v.weekly_fee_pence AS fee, v.start_date,
      (s.la_code IS NOT NULL AND r.council_la IS NOT NULL AND s.la_code <> r.council_la) AS out_of_area, random() AS u_end, random() AS u_breakdown, random() AS u_when, random() AS u_reviews
    FROM syn_req r JOIN syn_inv i ON i.g = r.g AND i.j = 0 JOIN settings s ON s.id = i.setting_id
    JOIN offer_versions v ON v.offer_id = i.offer_id AND v.version = 1
    WHERE r.outcome = 'awarded'`);
  await tx.execute(sql`ANALYZE syn_pl`);
  await tx.execute(sql`
    INSERT INTO placements (id, request_id, child_id, council_id, setting_id, provider_id, weekly_fee_pence, start_date, review_dates,
      end_date, end_reason, breakdown, synthetic, created_at)
    SELECT p.placement_id, p.request_id, p.child_id, p.council_id, p.setting_id, p.provider_id, p.fee, p.start_date,
      ARRAY[p.start_date + 42, p.start_date + 182, p.start_date + 365],
      e.end_date,
      CASE WHEN e.end_date IS NULL THEN NULL WHEN e.breakdown
        THEN (ARRAY['breakdown_needs_not_met', 'breakdown_risk_escalated', 'breakdown_provider_notice', 'breakdown_safeguarding', 'breakdown_family_request'])[1 + p.g % 5]
        ELSE (ARRAY['planned_end', 'moved_to_less_restrictive', 'other'])[1 + p.g % 3] END,
      e.end_date IS NOT NULL AND e.breakdown, true, q.awarded_at
    FROM syn_pl p JOIN placement_requests q ON q.id = p.request_id
    CROSS JOIN LATERAL (
      SELECT CASE WHEN p.start_date < current_date - 14
                   AND p.u_end < 0.07 + 0.03 * p.risk_count + CASE WHEN p.out_of_area THEN 0.05 ELSE 0 END
              THEN p.start_date + 7 + floor(p.u_when * (current_date - p.start_date - 7))::int END AS end_date,
        p.u_breakdown < 0.25 + 0.08 * p.risk_count + CASE WHEN p.out_of_area THEN 0.15 ELSE 0 END AS breakdown
    ) e`);
}

/**
 * A synthetic history for the region: children, requests (some with no offer, some cancelled),
 * offers, awards, placements over the last 36 months, reviews and ends, every row marked
 * synthetic. Set-based SQL in one transaction; the facts are left dirty for the caller to refresh.
 */
export async function seedInsightsHistory(db: Db, { regionId, placements }: { regionId: string; placements: number }): Promise<SeedInsightsResult> {
  const tag = randomBytes(3).toString("hex").toUpperCase();
  return db.transaction(async (tx) => {
    await prepareSyntheticSettings(tx, regionId);
    const councils = await prepareCouncils(tx, regionId);
    const requests = await planRequests(tx, placements, councils);
    await insertChildren(tx, tag);
    await insertRequests(tx);
    await insertPlacements(tx);
    const reviews = await seedSyntheticReviews(tx);
    return { regionId, placements, requests, children: requests, reviews };
  });
}
