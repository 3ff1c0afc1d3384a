import { sql } from "drizzle-orm";
import { createInsightsCache } from "../../server/src/modules/insights/cache";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { insertFacts, placementFact } from "./insert-facts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.drop());

/** The clock the cache reads, moved by the test. */
let clock = 0;
const clockAt = (ms: number) => {
  clock = ms;
};

describe("the insights cache", () => {
  it("should read the facts once, then only what was refreshed, at most every 15 seconds, and reload when rows go", async () => {
    const db = database.handle.db;
    const region = await buildRegion(db);
    const council = await buildOrganisation(db, { kind: "council", regionId: region.id });
    await insertFacts(db, region.id, { placements: Array.from({ length: 6 }, () => placementFact(council.id)) });
    const cache = createInsightsCache(db, () => clock);
    const start = Date.now();
    clockAt(start);
    const first = await cache.factsOf(region.id, "2026-12-01");
    expect(first.data.placements).toHaveLength(6);
    expect(first.data.councils).toEqual([council.id]);
    expect(first.asOf).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const later = placementFact(council.id);
    await insertFacts(db, region.id, { placements: [later] });
    clockAt(start + 10_000);
    expect((await cache.factsOf(region.id, "2026-12-01")).data).toBe(first.data);

    clockAt(start + 16_000);
    const second = await cache.factsOf(region.id, "2026-12-01");
    expect(second.data.placements).toHaveLength(7);

    // Nothing refreshed since: the same figures, not rebuilt (the last minute's rows are read again, unchanged).
    clockAt(start + 32_000);
    expect((await cache.factsOf(region.id, "2026-12-01")).data).toBe(second.data);
    // A new day counts the 6 and 12-month breakdowns again.
    expect((await cache.factsOf(region.id, "2026-12-02")).data.today).toBe("2026-12-02");

    await db.execute(sql`DELETE FROM placement_facts WHERE placement_id = ${later.placementId}`);
    clockAt(start + 48_000);
    expect((await cache.factsOf(region.id, "2026-12-02")).data.placements.map((p) => p.placementId)).not.toContain(later.placementId);
  });
});
