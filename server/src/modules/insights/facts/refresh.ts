import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { highRiskRulesByRegion } from "../../high-risk/queries";
import { placementFactOf, type StoredPlacementFact } from "./placement-fact";
import { loadPlacementSources } from "./placement-sources";

export interface RefreshResult {
  placements: string[];
  requests: string[];
}

const idList = (ids: readonly string[]) => sql`string_to_array(${ids.join(",")}, ',')::uuid[]`;

/** Requests that left the draft state: one set-based upsert. */
async function refreshRequestFacts(tx: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return;
  // No foreign key removes the fact of a deleted request (see migration 0022): the refresher does.
  await tx.execute(sql`DELETE FROM request_facts f WHERE f.request_id = ANY (${idList(ids)})
    AND NOT EXISTS (SELECT 1 FROM placement_requests r WHERE r.id = f.request_id)`);
  await tx.execute(sql`
    INSERT INTO request_facts (request_id, region_id, council_id, lot, mode, period_date, state, offers_count, days_to_award, synthetic, refreshed_at)
    SELECT r.id, c.region_id, r.organisation_id, r.lot_number, r.mode,
      (coalesce(r.awarded_at, r.closed_at, r.opened_at) AT TIME ZONE 'UTC')::date, r.state,
      (SELECT count(*)::int FROM offers o WHERE o.request_id = r.id AND o.status = 'active'),
      CASE WHEN r.awarded_at IS NOT NULL THEN (r.awarded_at AT TIME ZONE 'UTC')::date - (r.opened_at AT TIME ZONE 'UTC')::date END,
      r.synthetic, now()
    FROM placement_requests r JOIN organisations c ON c.id = r.organisation_id
    WHERE r.id = ANY (${idList(ids)}) AND r.state <> 'draft' AND r.opened_at IS NOT NULL
    ON CONFLICT (request_id) DO UPDATE SET region_id = excluded.region_id, council_id = excluded.council_id, lot = excluded.lot,
      mode = excluded.mode, period_date = excluded.period_date, state = excluded.state, offers_count = excluded.offers_count,
      days_to_award = excluded.days_to_award, synthetic = excluded.synthetic, refreshed_at = excluded.refreshed_at`);
}

const COLUMNS = `placement_id uuid, region_id uuid, council_id uuid, lot smallint, mode text, award_date date, start_date date, end_date date,
  breakdown boolean, weekly_fee_pence integer, present_risks text[], high_risk_rules text[], ofsted_grade smallint, distance_km real,
  in_area boolean, risks_managed boolean, days_to_award integer, days_needed_to_start integer, offers_count integer,
  outcome_change real, incidents_per_4_weeks real, reviews_count integer, synthetic boolean`;
const NAMES = COLUMNS.split(",").map((c) => c.trim().split(" ")[0] as string);

const snake = (fact: StoredPlacementFact) => ({
  placement_id: fact.placementId,
  region_id: fact.regionId,
  council_id: fact.councilId,
  lot: fact.lot,
  mode: fact.mode,
  award_date: fact.awardDate,
  start_date: fact.startDate,
  end_date: fact.endDate,
  breakdown: fact.breakdown,
  weekly_fee_pence: fact.weeklyFeePence,
  present_risks: fact.presentRisks,
  high_risk_rules: fact.highRiskRules,
  ofsted_grade: fact.ofstedGrade,
  distance_km: fact.distanceKm,
  in_area: fact.inArea,
  risks_managed: fact.risksManaged,
  days_to_award: fact.daysToAward,
  days_needed_to_start: fact.daysNeededToStart,
  offers_count: fact.offersCount,
  outcome_change: fact.outcomeChange,
  incidents_per_4_weeks: fact.incidentsPer4Weeks,
  reviews_count: fact.reviewsCount,
  synthetic: fact.synthetic,
});

/**
 * Placements: their sources in one query, the facts (and the high-risk rules, with the region's
 * definition) in code, then one upsert of them all as a JSON recordset.
 */
async function refreshPlacementFacts(tx: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return;
  const sources = await loadPlacementSources(tx, ids);
  const rules = await highRiskRulesByRegion(
    tx,
    sources.map((s) => s.regionId),
  );
  const facts = sources.flatMap((source) => {
    const fact = placementFactOf(source, rules.get(source.regionId)!);
    return fact ? [snake(fact)] : [];
  });
  // A placement whose lot is no longer known has no fact.
  const kept = new Set(facts.map((f) => f.placement_id));
  const dropped = ids.filter((id) => !kept.has(id));
  if (dropped.length > 0) await tx.execute(sql`DELETE FROM placement_facts WHERE placement_id = ANY (${idList(dropped)})`);
  if (facts.length === 0) return;
  const names = sql.raw(NAMES.join(", "));
  const updates = sql.raw(
    NAMES.filter((n) => n !== "placement_id")
      .map((n) => `${n} = excluded.${n}`)
      .join(", "),
  );
  await tx.execute(sql`
    INSERT INTO placement_facts (${names}, refreshed_at)
    SELECT ${names}, now() FROM jsonb_to_recordset(${JSON.stringify(facts)}::jsonb) AS x(${sql.raw(COLUMNS)})
    ON CONFLICT (placement_id) DO UPDATE SET ${updates}, refreshed_at = excluded.refreshed_at`);
}

/**
 * Takes up to `limit` dirty marks (SKIP LOCKED: several nodes share the work, none waits for
 * another), recomputes their facts and removes the marks, in one transaction. The marks are
 * deleted first: a source that changes while the facts are computed marks itself again, waiting
 * for this transaction to end (see the triggers in 0021), so no change is lost.
 */
export async function refreshInsightsFacts(db: Db, { limit = 2000 }: { limit?: number } = {}): Promise<RefreshResult> {
  return db.transaction(async (tx) => {
    const taken = await rowsOf<{ kind: "placement" | "request"; id: string }>(
      tx,
      sql`DELETE FROM insights_dirty WHERE (kind, id) IN (
            SELECT kind, id FROM insights_dirty ORDER BY marked_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING kind, id`,
    );
    const requests = taken.filter((t) => t.kind === "request").map((t) => t.id);
    const placements = taken.filter((t) => t.kind === "placement").map((t) => t.id);
    await refreshRequestFacts(tx, requests);
    await refreshPlacementFacts(tx, placements);
    return { placements, requests };
  });
}

/** Refreshes until nothing is dirty (tests, the seed, and a node catching up); how many of each were refreshed. */
export async function refreshAllInsightsFacts(db: Db, { limit = 5000 }: { limit?: number } = {}) {
  const total = { placements: 0, requests: 0 };
  for (;;) {
    const done = await refreshInsightsFacts(db, { limit });
    total.placements += done.placements.length;
    total.requests += done.requests.length;
    if (done.placements.length + done.requests.length < limit) return total;
  }
}

/** Marks every placement and opened request that has no facts yet (a new node, facts lost, data loaded around the triggers). */
export async function markMissingFacts(db: Db): Promise<void> {
  await db.execute(sql`
    INSERT INTO insights_dirty (kind, id)
    SELECT 'placement', p.id FROM placements p WHERE NOT EXISTS (SELECT 1 FROM placement_facts f WHERE f.placement_id = p.id)
    UNION ALL
    SELECT 'request', r.id FROM placement_requests r
    WHERE r.state <> 'draft' AND r.opened_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM request_facts f WHERE f.request_id = r.id)
    ON CONFLICT (kind, id) DO NOTHING`);
}
