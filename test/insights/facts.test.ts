import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { haversineKm } from "@shared/geo/distance";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { markMissingFacts, refreshAllInsightsFacts, refreshInsightsFacts } from "../../server/src/modules/insights/facts/refresh";
import { startInsightsRefresher } from "../../server/src/modules/insights/facts/refresher";
import { describeWithServers } from "../setup/describe-with-servers";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { buildFactsPlacement, buildFactsRegion, buildReview, factOf, type FactsRegion } from "./facts-world";

let database: TestDatabase;
let db: Db;
let world: FactsRegion;

beforeAll(async () => {
  database = await createTestDatabase();
  db = database.handle.db;
  world = await buildFactsRegion(db);
});
afterAll(async () => database.drop());

const dirtyCount = async () => Number((await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM insights_dirty`))[0]?.n);

describe("placement facts", () => {
  it("should file a placement with no risks, in area, under the ceiling, as not high risk", async () => {
    const { placementId } = await buildFactsPlacement(db, world, { lot: 1, fee: 100_000, offers: 3 });
    await refreshAllInsightsFacts(db);
    const fact = await factOf(db, placementId);
    expect(fact).toMatchObject({
      councilId: world.councilId,
      regionId: world.regionId,
      lot: 1,
      mode: "sealed",
      awardDate: "2025-12-21",
      startDate: "2026-01-12",
      endDate: null,
      breakdown: false,
      weeklyFeePence: 100_000,
      presentRisks: [],
      highRiskRules: [],
      ofstedGrade: 2,
      inArea: true,
      risksManaged: null,
      daysToAward: 20,
      daysNeededToStart: 7,
      offersCount: 3,
      outcomeChange: null,
      incidentsPer4Weeks: null,
      reviewsCount: 0,
    });
    expect(fact?.distanceKm).toBeCloseTo(0, 3);
  });

  it("should count only current and escalating profile risks and say which rules make it high risk", async () => {
    const { placementId } = await buildFactsPlacement(db, world, {
      lot: 7,
      // Lot 7's highest ceiling (band E) is £9,000 a week: one penny above it.
      fee: 900_001,
      deprivationOfLiberty: true,
      risks: [
        { code: "riskMissing", trajectory: "current" },
        { code: "riskSelfHarm", trajectory: "escalating" },
        { code: "riskToOthersFire", trajectory: "current" },
        { code: "riskDrugAlcohol", trajectory: "historic" },
      ],
      risksManaged: ["riskMissing", "riskSelfHarm"],
    });
    await refreshAllInsightsFacts(db);
    const fact = await factOf(db, placementId);
    expect(fact?.presentRisks).toEqual(["riskSelfHarm", "riskMissing", "riskToOthersFire"]);
    expect(fact?.highRiskRules).toEqual(["risk_count", "deprivation_of_liberty", "fee_above_ceiling", "lot"]);
    // Fire-setting is present and the setting does not say it manages it.
    expect(fact?.risksManaged).toBe(false);
  });

  it("should not call a fee at the ceiling above it, nor two present risks three", async () => {
    const { placementId } = await buildFactsPlacement(db, world, {
      lot: 3,
      fee: 500_000,
      risks: [
        { code: "riskMissing", trajectory: "current" },
        { code: "riskSelfHarm", trajectory: "current" },
      ],
      risksManaged: ["riskMissing", "riskSelfHarm", "riskToOthersFire"],
    });
    await refreshAllInsightsFacts(db);
    const fact = await factOf(db, placementId);
    expect(fact?.highRiskRules).toEqual([]);
    expect(fact?.risksManaged).toBe(true);
  });

  it("should place a setting of another authority out of area, an unknown one as unknown, and measure the distance from home", async () => {
    const out = await buildFactsPlacement(db, world, { settingLaCode: world.councilLaCode === "999" ? "998" : "999", settingPostcode: "LA1 1AA" });
    const unknown = await buildFactsPlacement(db, world, { settingLaCode: null });
    await refreshAllInsightsFacts(db);
    const fact = await factOf(db, out.placementId);
    expect(fact?.inArea).toBe(false);
    const [m14, la1] = await rowsOf<{ latitude: number; longitude: number }>(
      db,
      sql`SELECT latitude, longitude FROM outcodes WHERE outcode IN ('M14', 'LA1') ORDER BY outcode DESC`,
    );
    expect(fact?.distanceKm).toBeCloseTo(haversineKm(m14!, la1!), 1);
    expect(fact?.distanceKm).toBeGreaterThan(50);
    expect((await factOf(db, unknown.placementId))?.inArea).toBeNull();
  });

  it("should take present risks from the submitted baseline, and outcomes and incidents from the reviews after it", async () => {
    const { placementId } = await buildFactsPlacement(db, world, {
      risks: [
        { code: "riskMissing", trajectory: "current" },
        { code: "riskSelfHarm", trajectory: "current" },
        { code: "riskToOthersFire", trajectory: "current" },
      ],
    });
    const [a, b] = [randomUUID(), randomUUID()];
    await buildReview(db, world, placementId, {
      kind: "baseline",
      date: "2026-01-12",
      scores: [
        { outcomeId: a, score: 1 },
        { outcomeId: b, score: 2 },
      ],
      risks: [
        { code: "riskMissing", trajectory: "escalating" },
        { code: "riskSelfHarm", trajectory: "historic" },
      ],
    });
    await buildReview(db, world, placementId, { kind: "review", date: "2026-02-09", scores: [{ outcomeId: a, score: 2 }], incidents: { missingEpisodes: 2 } });
    await buildReview(db, world, placementId, {
      kind: "review",
      date: "2026-03-09",
      scores: [
        { outcomeId: a, score: 3 },
        { outcomeId: b, score: 5 },
      ],
      incidents: { missingEpisodes: 1, policeContacts: 1 },
    });
    // A draft is not the council's record yet: it changes nothing.
    await buildReview(db, world, placementId, {
      kind: "review",
      date: "2026-04-06",
      scores: [{ outcomeId: a, score: 1 }],
      incidents: { exclusions: 9 },
      status: "draft",
    });
    await refreshAllInsightsFacts(db);
    const fact = await factOf(db, placementId);
    expect(fact?.presentRisks).toEqual(["riskMissing"]);
    expect(fact?.highRiskRules).toEqual([]);
    // (3 - 1 + 5 - 2) / 2
    expect(fact?.outcomeChange).toBeCloseTo(2.5);
    // 4 incidents over the 56 days from the baseline to the latest review.
    expect(fact?.incidentsPer4Weeks).toBeCloseTo(2);
    expect(fact?.reviewsCount).toBe(2);
  });
});

describe("refreshing the facts", () => {
  it("should show a new review and a placement's end after the next refresh, and leave nothing dirty", async () => {
    const { placementId } = await buildFactsPlacement(db, world);
    await buildReview(db, world, placementId, { kind: "baseline", date: "2026-01-12", risks: [] });
    await refreshAllInsightsFacts(db);
    const before = await factOf(db, placementId);
    expect(before?.reviewsCount).toBe(0);
    expect(await dirtyCount()).toBe(0);

    await buildReview(db, world, placementId, { kind: "review", date: "2026-02-09", incidents: { exclusions: 1 } });
    await db.execute(sql`UPDATE placements SET end_date = '2026-03-01', end_reason = 'breakdown_risk_escalated', breakdown = true WHERE id = ${placementId}`);
    expect(await dirtyCount()).toBeGreaterThan(0);
    await refreshAllInsightsFacts(db);
    const after = await factOf(db, placementId);
    expect(after).toMatchObject({ reviewsCount: 1, endDate: "2026-03-01", breakdown: true });
    expect(after?.incidentsPer4Weeks).toBeCloseTo(1);
    expect(after!.refreshedAt.getTime()).toBeGreaterThanOrEqual(before!.refreshedAt.getTime());
  });

  it("should judge every placement of the region again when its definition changes", async () => {
    const { placementId } = await buildFactsPlacement(db, world, { lot: 2 });
    await refreshAllInsightsFacts(db);
    expect((await factOf(db, placementId))?.highRiskRules).toEqual([]);
    await db.execute(
      sql`INSERT INTO high_risk_definitions (region_id, rules) VALUES (${world.regionId}, ${JSON.stringify({ minPresentRisks: null, deprivationOfLiberty: false, feeAboveHighestCeiling: false, lots: [2, 7] })}::jsonb)`,
    );
    await refreshAllInsightsFacts(db);
    expect((await factOf(db, placementId))?.highRiskRules).toEqual(["lot"]);
    await db.execute(sql`DELETE FROM high_risk_definitions WHERE region_id = ${world.regionId}`);
  });

  it("should record request facts for requests that left the draft state", async () => {
    const { requestId } = await buildFactsPlacement(db, world, { offers: 2 });
    await refreshAllInsightsFacts(db);
    const [fact] = await db.query.requestFacts.findMany({ where: (f, { eq }) => eq(f.requestId, requestId) });
    expect(fact).toMatchObject({
      councilId: world.councilId,
      lot: 1,
      mode: "sealed",
      state: "awarded",
      offersCount: 2,
      daysToAward: 20,
      periodDate: "2025-12-21",
    });
  });

  it("should mark placements without facts on start (the backfill)", async () => {
    const { placementId } = await buildFactsPlacement(db, world);
    await refreshAllInsightsFacts(db);
    await db.execute(sql`DELETE FROM placement_facts WHERE placement_id = ${placementId}`);
    await markMissingFacts(db);
    await refreshAllInsightsFacts(db);
    expect(await factOf(db, placementId)).toBeDefined();
  });

  it("should share the work between two refreshers running at once: each placement refreshed once", async () => {
    const built = [];
    for (let i = 0; i < 12; i++) built.push(await buildFactsPlacement(db, world));
    const [first, second] = await Promise.all([refreshInsightsFacts(db, { limit: 20 }), refreshInsightsFacts(db, { limit: 20 })]);
    const ids = [...first!.placements, ...second!.placements];
    expect(new Set(ids).size).toBe(ids.length);
    for (const { placementId } of built) expect(ids).toContain(placementId);
    const [{ n } = { n: 0 }] = await rowsOf<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM placement_facts WHERE placement_id = ANY (string_to_array(${built.map((b) => b.placementId).join(",")}, ',')::uuid[])`,
    );
    expect(Number(n)).toBe(12);
    expect(await dirtyCount()).toBe(0);
  });

  it("should run on a node: backfill on start, refresh what is marked, log a failure without stopping, and stop", async () => {
    const { placementId } = await buildFactsPlacement(db, world);
    await refreshAllInsightsFacts(db);
    await db.execute(sql`DELETE FROM placement_facts WHERE placement_id = ${placementId}`);
    const warnings: unknown[] = [];
    const logger = { debug: () => undefined, warn: (...args: unknown[]) => warnings.push(args) };
    // A database that fails once, as a connection lost mid-pass would.
    let failures = 1;
    const flaky = new Proxy(db, {
      get: (target, key, receiver) =>
        key === "transaction" && failures-- > 0 ? () => Promise.reject(new Error("connection lost")) : Reflect.get(target, key, receiver),
    });
    const refresher = startInsightsRefresher({ db: flaky, logger: logger as never, pollMs: 50 });
    try {
      const until = Date.now() + 10_000;
      while (!(await factOf(db, placementId)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await factOf(db, placementId)).toBeDefined();
      expect(warnings).toHaveLength(1);
      const { placementId: later } = await buildFactsPlacement(db, world);
      while (!(await factOf(db, later)) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await factOf(db, later)).toBeDefined();
    } finally {
      await refresher.stop();
    }
    const { placementId: afterStop } = await buildFactsPlacement(db, world);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await factOf(db, afterStop)).toBeUndefined();
    await refreshAllInsightsFacts(db);
  });
});

// Two connections at once: PGlite has one, so this needs the PostgreSQL server.
describeWithServers("refreshing the facts beside a writer", { database: true }, () => {
  // An offer holds its request FOR UPDATE and then marks it dirty; the refresher holds the mark.
  // If the refresher also waited for the request's row (as a foreign key check does), the two
  // would deadlock and the offer would fail with a 500 (seen in test/server/kill-offers).
  it("should refresh without waiting for a request a writer holds, and keep the writer's later change marked", async () => {
    const { requestId } = await buildFactsPlacement(db, world, { offers: 2 });
    await refreshAllInsightsFacts(db);
    // A request's first fact is an insert: the statement that took a foreign key lock.
    await db.execute(sql`DELETE FROM request_facts WHERE request_id = ${requestId}`);
    await db.execute(sql`SELECT insights_mark_requests(ARRAY[${requestId}]::uuid[])`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT id FROM placement_requests WHERE id = ${requestId} FOR UPDATE`);
      const refreshed = await Promise.race([
        refreshInsightsFacts(db).then((r) => r.requests),
        new Promise<"waited">((resolve) => setTimeout(() => resolve("waited"), 3000)),
      ]);
      expect(refreshed).toContain(requestId);
      await tx.execute(sql`UPDATE offers SET updated_at = clock_timestamp() WHERE request_id = ${requestId}`);
    });
    const marks = await rowsOf<{ id: string }>(db, sql`SELECT id FROM insights_dirty WHERE kind = 'request' AND id = ${requestId}`);
    expect(marks).toEqual([{ id: requestId }]);
    await refreshAllInsightsFacts(db);
  });
});
