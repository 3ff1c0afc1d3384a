import { sql } from "drizzle-orm";
import type { OutcomeScore, ReviewRisk } from "@shared/codes/outcomes";
import type { RequestMode } from "@shared/codes/tenders";
import type { ChildRisk } from "@shared/schemas/children";
import type { DbOrTx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";

/** Everything a placement's fact is made of, read from its sources in one row (see placementFactOf). */
export interface PlacementSource {
  placementId: string;
  regionId: string;
  councilId: string;
  /** The request's lot, else the child's (a placement made outside a request); null when neither says. */
  lot: number | null;
  mode: RequestMode | null;
  awardDate: string;
  startDate: string;
  endDate: string | null;
  breakdown: boolean;
  weeklyFeePence: number;
  synthetic: boolean;
  profileRisks: ChildRisk[];
  deprivationOfLiberty: boolean | null;
  home: { latitude: number; longitude: number } | null;
  setting: { latitude: number; longitude: number } | null;
  ofstedGrade: number | null;
  risksManaged: string[];
  settingLaCode: string | null;
  councilLaCode: string | null;
  daysToAward: number | null;
  daysNeededToStart: number | null;
  offersCount: number | null;
  highestCeilingPence: number | null;
  /** The submitted baseline review, if any. */
  baseline: { date: string; risks: ReviewRisk[]; scores: OutcomeScore[] } | null;
  /** The latest submitted review after the baseline, if any. */
  latest: { date: string; scores: OutcomeScore[] } | null;
  /** Submitted reviews other than the baseline, and every incident they recorded. */
  reviewsCount: number;
  reviewIncidents: number;
}

interface SourceRow {
  placement_id: string;
  region_id: string;
  council_id: string;
  lot: number | null;
  mode: RequestMode | null;
  award_date: string;
  start_date: string;
  end_date: string | null;
  breakdown: boolean;
  weekly_fee_pence: number;
  synthetic: boolean;
  profile_risks: ChildRisk[];
  deprivation_of_liberty: boolean | null;
  home_latitude: number | null;
  home_longitude: number | null;
  setting_latitude: number | null;
  setting_longitude: number | null;
  ofsted_grade: number | null;
  risks_managed: string[];
  setting_la_code: string | null;
  council_la_code: string | null;
  days_to_award: number | null;
  days_needed_to_start: number | null;
  offers_count: number | null;
  highest_ceiling_pence: number | null;
  baseline_date: string | null;
  baseline_risks: ReviewRisk[] | null;
  baseline_scores: OutcomeScore[] | null;
  latest_date: string | null;
  latest_scores: OutcomeScore[] | null;
  reviews_count: number;
  review_incidents: number | string;
}

const num = (v: number | string | null) => (v === null ? null : Number(v));
const point = (latitude: number | null, longitude: number | null) =>
  latitude === null || longitude === null ? null : { latitude: Number(latitude), longitude: Number(longitude) };

function sourceOf(row: SourceRow): PlacementSource {
  return {
    placementId: row.placement_id,
    regionId: row.region_id,
    councilId: row.council_id,
    lot: num(row.lot),
    mode: row.mode,
    awardDate: row.award_date,
    startDate: row.start_date,
    endDate: row.end_date,
    breakdown: row.breakdown,
    weeklyFeePence: Number(row.weekly_fee_pence),
    synthetic: row.synthetic,
    profileRisks: row.profile_risks,
    deprivationOfLiberty: row.deprivation_of_liberty,
    home: point(row.home_latitude, row.home_longitude),
    setting: point(row.setting_latitude, row.setting_longitude),
    ofstedGrade: num(row.ofsted_grade),
    risksManaged: row.risks_managed,
    settingLaCode: row.setting_la_code,
    councilLaCode: row.council_la_code,
    daysToAward: num(row.days_to_award),
    daysNeededToStart: num(row.days_needed_to_start),
    offersCount: num(row.offers_count),
    highestCeilingPence: num(row.highest_ceiling_pence),
    baseline: row.baseline_date ? { date: row.baseline_date, risks: row.baseline_risks ?? [], scores: row.baseline_scores ?? [] } : null,
    latest: row.latest_date ? { date: row.latest_date, scores: row.latest_scores ?? [] } : null,
    reviewsCount: Number(row.reviews_count),
    reviewIncidents: Number(row.review_incidents),
  };
}

const day = (column: string) => sql.raw(`to_char(${column}, 'YYYY-MM-DD')`);
// Award and opening are instants; the insights count whole days in UTC, on every node alike.
const utcDate = (column: string) => sql.raw(`(${column} AT TIME ZONE 'UTC')::date`);

/**
 * The sources of these placements, one set-based query (the facts refresher reads thousands at a
 * time; the placement page one). Only submitted reviews count: a draft is not yet the council's record.
 */
export async function loadPlacementSources(db: DbOrTx, ids: readonly string[]): Promise<PlacementSource[]> {
  if (ids.length === 0) return [];
  const rows = await rowsOf<SourceRow>(
    db,
    sql`WITH ceilings AS (
          SELECT f.region_id, l.number AS lot, max(pb.weekly_ceiling_pence) AS ceiling
          FROM price_bands pb JOIN lots l ON l.id = pb.lot_id JOIN frameworks f ON f.id = l.framework_id
          GROUP BY f.region_id, l.number
        )
        SELECT p.id AS placement_id, c.region_id, p.council_id,
          coalesce(r.lot_number, ch.lot_number) AS lot, r.mode,
          to_char(coalesce(${utcDate("r.awarded_at")}, ${utcDate("p.created_at")}), 'YYYY-MM-DD') AS award_date,
          ${day("p.start_date")} AS start_date, ${day("p.end_date")} AS end_date,
          p.breakdown, p.weekly_fee_pence, p.synthetic,
          ch.risks AS profile_risks,
          CASE jsonb_typeof(ch.requirements -> 'deprivationOfLiberty') WHEN 'boolean' THEN (ch.requirements ->> 'deprivationOfLiberty')::boolean END
            AS deprivation_of_liberty,
          home.latitude AS home_latitude, home.longitude AS home_longitude,
          s.latitude AS setting_latitude, s.longitude AS setting_longitude,
          s.ofsted_grade, s.risks_managed, s.la_code AS setting_la_code, c.la_code AS council_la_code,
          CASE WHEN r.awarded_at IS NOT NULL AND r.opened_at IS NOT NULL THEN ${utcDate("r.awarded_at")} - ${utcDate("r.opened_at")} END AS days_to_award,
          p.start_date - ch.needed_by AS days_needed_to_start,
          CASE WHEN r.id IS NOT NULL THEN (SELECT count(*)::int FROM offers o WHERE o.request_id = r.id AND o.status = 'active') END AS offers_count,
          ce.ceiling AS highest_ceiling_pence,
          ${day("b.review_date")} AS baseline_date, b.risks AS baseline_risks, b.scores AS baseline_scores,
          ${day("lr.review_date")} AS latest_date, lr.scores AS latest_scores,
          rv.reviews AS reviews_count, rv.incidents AS review_incidents
        FROM placements p
        JOIN organisations c ON c.id = p.council_id
        JOIN child_profiles ch ON ch.id = p.child_id
        JOIN settings s ON s.id = p.setting_id
        LEFT JOIN placement_requests r ON r.id = p.request_id
        LEFT JOIN outcodes home ON home.outcode = ch.home_outcode
        LEFT JOIN ceilings ce ON ce.region_id = c.region_id AND ce.lot = coalesce(r.lot_number, ch.lot_number)
        LEFT JOIN LATERAL (
          SELECT review_date, risks, scores FROM outcome_reviews
          WHERE placement_id = p.id AND kind = 'baseline' AND status = 'submitted'
        ) b ON true
        LEFT JOIN LATERAL (
          SELECT review_date, scores FROM outcome_reviews
          WHERE placement_id = p.id AND kind = 'review' AND status = 'submitted'
          ORDER BY review_date DESC, submitted_at DESC LIMIT 1
        ) lr ON true
        LEFT JOIN LATERAL (
          SELECT count(*)::int AS reviews,
            coalesce(sum((SELECT coalesce(sum((e.value)::text::numeric), 0) FROM jsonb_each(o.incidents) e WHERE jsonb_typeof(e.value) = 'number')), 0) AS incidents
          FROM outcome_reviews o WHERE o.placement_id = p.id AND o.kind = 'review' AND o.status = 'submitted'
        ) rv ON true
        WHERE p.id = ANY (string_to_array(${ids.join(",")}, ',')::uuid[])`,
  );
  return rows.map(sourceOf);
}
