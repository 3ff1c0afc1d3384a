import { and, eq, gt, sql } from "drizzle-orm";
import type { PlacementFact, RequestFact } from "@shared/insights/contract";
import { type InsightsData, insightsData } from "@shared/insights/data";
import type { Db } from "../../db/client";
import { isoDate } from "../../db/dates";
import { organisations, type PlacementFactRow, placementFacts, type RequestFactRow, requestFacts } from "../../db/schema";

/**
 * Each node keeps its regions' facts in memory, so that a request for insights never scans
 * placement_facts (100,000 rows and more): every 15 seconds at most it reads the rows refreshed
 * since its last read (with a minute's overlap, for transactions that commit late), and reloads
 * everything when the row counts disagree (facts removed). Derived data only: a new node, or a
 * restart, loads it again. See docs/adr/0019-insights-facts-and-cache.md.
 */

const FRESH_FOR_MS = 15_000;
const OVERLAP = "1 minute";

interface RegionFacts {
  placements: Map<string, PlacementFact>;
  requests: Map<string, RequestFact>;
  /** Each row's refreshed_at when read (milliseconds), by "p" or "r" and its id. */
  stamps: Map<string, number>;
  councils: string[];
  /** The latest refreshed_at read, as PostgreSQL wrote it. */
  watermark: string | null;
  checkedAt: number;
  asOf: string | null;
  data: InsightsData | null;
}

const toPlacement = (r: PlacementFactRow): PlacementFact => ({
  placementId: r.placementId,
  councilId: r.councilId,
  lot: r.lot,
  mode: r.mode as PlacementFact["mode"],
  awardDate: isoDate(r.awardDate),
  startDate: isoDate(r.startDate),
  endDate: isoDate(r.endDate),
  breakdown: r.breakdown,
  weeklyFeePence: r.weeklyFeePence,
  presentRisks: r.presentRisks as PlacementFact["presentRisks"],
  highRiskRules: r.highRiskRules as PlacementFact["highRiskRules"],
  ofstedGrade: r.ofstedGrade,
  distanceKm: r.distanceKm,
  inArea: r.inArea,
  risksManaged: r.risksManaged,
  daysToAward: r.daysToAward,
  daysNeededToStart: r.daysNeededToStart,
  offersCount: r.offersCount,
  outcomeChange: r.outcomeChange,
  incidentsPer4Weeks: r.incidentsPer4Weeks,
});

const toRequest = (r: RequestFactRow): RequestFact => ({
  requestId: r.requestId,
  councilId: r.councilId,
  lot: r.lot,
  mode: r.mode as RequestFact["mode"],
  periodDate: isoDate(r.periodDate),
  state: r.state as RequestFact["state"],
  offersCount: r.offersCount,
  daysToAward: r.daysToAward,
});

export interface InsightsCache {
  /** The region's facts, fresh to within 15 seconds, with when they were last brought up to date. */
  factsOf(regionId: string, today: string): Promise<{ data: InsightsData; asOf: string | null }>;
}

/** `now`: the clock the 15 seconds are measured on (tests pass their own). */
export function createInsightsCache(db: Db, now: () => number = Date.now): InsightsCache {
  const regions = new Map<string, RegionFacts>();
  const loading = new Map<string, Promise<RegionFacts>>();

  async function refresh(regionId: string, known: RegionFacts | undefined): Promise<RegionFacts> {
    const watermark = known?.watermark ?? null;
    const full = !known || watermark === null;
    const since = (table: typeof placementFacts | typeof requestFacts) =>
      watermark === null
        ? eq(table.regionId, regionId)
        : and(eq(table.regionId, regionId), gt(table.refreshedAt, sql`${watermark}::timestamptz - ${OVERLAP}::interval`));
    const [pRows, rRows, councilRows, [marks]] = await Promise.all([
      db.select().from(placementFacts).where(since(placementFacts)),
      db.select().from(requestFacts).where(since(requestFacts)),
      db
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(eq(organisations.regionId, regionId), eq(organisations.kind, "council"))),
      db
        .select({
          latest: sql<
            string | null
          >`greatest((select max(refreshed_at) from placement_facts where region_id = ${regionId}), (select max(refreshed_at) from request_facts where region_id = ${regionId}))::text`,
          latestIso: sql<
            string | null
          >`to_char(greatest((select max(refreshed_at) from placement_facts where region_id = ${regionId}), (select max(refreshed_at) from request_facts where region_id = ${regionId})) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
          placementCount: sql<number>`(select count(*)::int from placement_facts where region_id = ${regionId})`,
          requestCount: sql<number>`(select count(*)::int from request_facts where region_id = ${regionId})`,
        })
        .from(sql`(select 1) as one`),
    ]);
    const facts: RegionFacts =
      full || !known
        ? { placements: new Map(), requests: new Map(), stamps: new Map(), councils: [], watermark: null, checkedAt: 0, asOf: null, data: null }
        : { ...known, data: councilRows.length !== known.councils.length ? null : known.data };
    facts.councils = councilRows.map((c) => c.id);
    // The overlap reads the last minute's rows again: only a row stamped since it was read changes the figures.
    for (const r of pRows) {
      const stamp = `p${r.placementId}`;
      if (facts.stamps.get(stamp) === r.refreshedAt.getTime()) continue;
      facts.stamps.set(stamp, r.refreshedAt.getTime());
      facts.placements.set(r.placementId, toPlacement(r));
      facts.data = null;
    }
    for (const r of rRows) {
      const stamp = `r${r.requestId}`;
      if (facts.stamps.get(stamp) === r.refreshedAt.getTime()) continue;
      facts.stamps.set(stamp, r.refreshedAt.getTime());
      facts.requests.set(r.requestId, toRequest(r));
      facts.data = null;
    }
    if (!full && (facts.placements.size !== marks?.placementCount || facts.requests.size !== marks?.requestCount)) return refresh(regionId, undefined);
    facts.watermark = marks?.latest ?? null;
    facts.asOf = marks?.latestIso ?? null;
    facts.checkedAt = now();
    return facts;
  }

  return {
    async factsOf(regionId, today) {
      let facts = regions.get(regionId);
      if (!facts || now() - facts.checkedAt > FRESH_FOR_MS) {
        let pending = loading.get(regionId);
        if (!pending) {
          pending = refresh(regionId, facts).finally(() => loading.delete(regionId));
          loading.set(regionId, pending);
        }
        facts = await pending;
        regions.set(regionId, facts);
      }
      if (!facts.data || facts.data.today !== today)
        facts.data = insightsData([...facts.placements.values()], [...facts.requests.values()], today, facts.councils);
      return { data: facts.data, asOf: facts.asOf };
    },
  };
}
