import { eq, sql } from "drizzle-orm";
import { builtOnce } from "../../server/src/db/built-once";
import type { DbOrTx } from "../../server/src/db/client";
import { regions } from "../../server/src/db/schema";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.handle.db.insert(regions).values([
    { code: "bo-a", name: "Built once A" },
    { code: "bo-b", name: "Built once B" },
  ]);
});
afterAll(() => t.drop());

const byCode = (db: DbOrTx) =>
  db
    .select({ name: regions.name })
    .from(regions)
    .where(eq(regions.code, sql.placeholder("code")));

describe("builtOnce (hot reads built once per database)", () => {
  it("should answer each call with that call's values, however many came before", async () => {
    const query = builtOnce(byCode);
    for (let i = 0; i < 7; i++) {
      expect(await query(t.handle.db).execute({ code: "bo-a" })).toEqual([{ name: "Built once A" }]);
      expect(await query(t.handle.db).execute({ code: "bo-b" })).toEqual([{ name: "Built once B" }]);
    }
  });

  it("should refuse a query with a value written into it (it would be the first caller's for every caller)", () => {
    const query = builtOnce((db) => db.select().from(regions).where(eq(regions.code, "bo-a")));
    expect(() => query(t.handle.db)).toThrow(/sql\.placeholder/);
  });

  it("should build once per database, and once per transaction inside one", async () => {
    let builds = 0;
    const query = builtOnce((db) => {
      builds++;
      return byCode(db);
    });
    await query(t.handle.db).execute({ code: "bo-a" });
    await query(t.handle.db).execute({ code: "bo-b" });
    expect(builds).toBe(1);
    await t.handle.db.transaction(async (tx) => {
      expect(await query(tx).execute({ code: "bo-b" })).toEqual([{ name: "Built once B" }]);
      await query(tx).execute({ code: "bo-a" });
    });
    expect(builds).toBe(2);
  });

  it("should leave no prepared statement on the connection unless named (PostgreSQL then plans with each call's values)", async () => {
    const unnamed = builtOnce(byCode);
    const named = builtOnce(byCode, "built_once_named_test");
    const prepared = await t.handle.db.transaction(async (tx) => {
      for (let i = 0; i < 6; i++) await unnamed(tx).execute({ code: i % 2 ? "bo-a" : "bo-b" });
      await named(tx).execute({ code: "bo-a" });
      const rows = await tx.execute(sql`SELECT name FROM pg_prepared_statements WHERE statement LIKE '%"regions"%'`);
      return ((rows as unknown as { rows?: { name: string }[] }).rows ?? (rows as unknown as { name: string }[])).map((r) => r.name);
    });
    // PGlite's driver never names a statement; on a PostgreSQL server the named one is kept.
    expect(prepared).toEqual(t.url ? ["built_once_named_test"] : []);
  });
});
