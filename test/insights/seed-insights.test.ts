import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { type Db, openDatabase } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { ROOT_DIR } from "../../server/src/paths";
import { runToExit } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

const cli = (args: string[], env: Record<string, string>) => runToExit(["--import", "tsx", join(ROOT_DIR, "server/src/cli.ts"), ...args], env);

// On a PostgreSQL server the CLI seeds a test database; without one, embedded PGlite in a data folder of its own,
// which this test opens only once the CLI has exited (PGlite serves one process at a time).
let database: TestDatabase | undefined;
let dataDir: string | undefined;
let env: Record<string, string>;
beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase({ seed: true });
    env = { DATABASE_URL: database.url ?? "", NODE_ENV: "test" };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), "px-seed-insights-"));
    env = { DATA_DIR: dataDir, NODE_ENV: "test" };
  }
});
afterAll(async () => {
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function inDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  if (database) return fn(database.handle.db);
  const handle = await openDatabase({ dataDir });
  try {
    return await fn(handle.db);
  } finally {
    await handle.close();
  }
}
const count = (db: Db, query: ReturnType<typeof sql>) => rowsOf<{ n: number }>(db, query).then((rows) => Number(rows[0]?.n));

describe("npm run cli -- seed insights", () => {
  it("should refuse in production with exit code 2 and say why, making nothing", async () => {
    const result = await cli(["seed", "insights", "--placements", "10"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", NODE_ENV: "production" });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("NODE_ENV is production");
  });

  it("should refuse a count that is not a whole number, naming the option", async () => {
    for (const bad of [["--placements", "-5"], ["--placements", "1e9"], ["--placements"], ["--frob", "1"]]) {
      const result = await cli(["seed", "insights", ...bad], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", NODE_ENV: "test" });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/--placements|--frob/);
    }
  });

  describe("against the database", () => {
    it("should make 200 synthetic placements with requests, offers, reviews and ends, every one with its facts", async () => {
      const result = await cli(["seed", "insights", "--placements", "200"], env);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ placements: 200, facts: { placements: 200 } });
      await inDatabase(async (db) => {
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placements WHERE synthetic`)).toBe(200);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placements WHERE NOT synthetic`)).toBe(0);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placement_requests WHERE NOT synthetic`)).toBe(0);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM child_profiles WHERE NOT synthetic`)).toBe(0);
        // Some requests got no offer, some were cancelled; every placement's request was awarded.
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placement_requests WHERE state = 'no_offers'`)).toBeGreaterThan(0);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placement_requests WHERE state = 'cancelled'`)).toBeGreaterThan(0);
        expect(
          await count(db, sql`SELECT count(*)::int AS n FROM placements p JOIN placement_requests r ON r.id = p.request_id WHERE r.state = 'awarded'`),
        ).toBe(200);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placement_facts`)).toBe(200);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM request_facts`)).toBe(
          await count(db, sql`SELECT count(*)::int AS n FROM placement_requests`),
        );
        expect(await count(db, sql`SELECT count(*)::int AS n FROM insights_dirty`)).toBe(0);

        // Spreads a reader of the insights would notice if they were missing.
        const [spread] = await rowsOf<Record<string, number>>(
          db,
          sql`SELECT count(DISTINCT lot)::int AS lots, max(cardinality(present_risks))::int AS most_risks,
              count(*) FILTER (WHERE cardinality(high_risk_rules) > 0)::int AS high_risk,
              count(*) FILTER (WHERE end_date IS NOT NULL)::int AS ended, count(*) FILTER (WHERE breakdown)::int AS breakdowns,
              count(*) FILTER (WHERE in_area)::int AS in_area, count(*) FILTER (WHERE NOT in_area)::int AS out_of_area,
              count(*) FILTER (WHERE outcome_change IS NOT NULL)::int AS with_outcomes,
              min(award_date) >= current_date - 1100 AS within_36_months
            FROM placement_facts`,
        );
        expect(spread).toMatchObject({ lots: 7, within_36_months: true });
        for (const key of ["high_risk", "ended", "breakdowns", "in_area", "out_of_area", "with_outcomes"]) expect(Number(spread?.[key])).toBeGreaterThan(0);
        expect(Number(spread?.most_risks)).toBeGreaterThanOrEqual(3);
        expect(Number(spread?.ended)).toBeLessThan(100);
      });
    }, 180_000);

    it("should remove every synthetic row with --remove", async () => {
      const result = await cli(["seed", "insights", "--remove"], env);
      expect(result.code).toBe(0);
      await inDatabase(async (db) => {
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placements`)).toBe(0);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM placement_requests`)).toBe(0);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM child_profiles`)).toBe(0);
        expect(await count(db, sql`SELECT count(*)::int AS n FROM settings WHERE name LIKE '%(synthetic)'`)).toBe(0);
      });
    }, 60_000);
  });
});
