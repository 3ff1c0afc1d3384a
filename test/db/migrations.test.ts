import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { migrate } from "../../server/src/db/migrate";
import * as schema from "../../server/src/db/schema";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("Migrations", () => {
  it("should apply nothing the second time", async () => {
    const again = await migrate(t.handle);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBeGreaterThan(0);
  });

  it("should create every table and column the Drizzle schema names (no drift between them)", async () => {
    const columns = await t.handle.sql.query<{ table_name: string; column_name: string }>(
      "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const inDatabase = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const tables = (Object.values(schema) as unknown[]).filter(
      (v): v is PgTable => typeof v === "object" && v !== null && Symbol.for("drizzle:IsDrizzleTable") in v,
    );
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const column of config.columns) expect(inDatabase).toContain(`${config.name}.${column.name}`);
    }
  });

  it("should refuse money as anything but positive integer pence", async () => {
    await expect(
      t.handle.sql.query("INSERT INTO price_bands (lot_id, band, description, weekly_ceiling_pence) VALUES (gen_random_uuid(), 'A', 'x', 12.5)"),
    ).rejects.toThrow();
  });
});
