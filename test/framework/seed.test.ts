import { seedFrameworkDemo } from "../../server/src/db/seed/framework-demo";
import { seedNorthWest } from "../../server/src/db/seed/north-west";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());
const query = <Row>(text: string) => t.handle.sql.query<Row>(text);

describe("The framework admission demo seed", () => {
  it("should do nothing without the North West framework, then seed once however often it runs", async () => {
    expect(await seedFrameworkDemo(t.handle.db)).toEqual({ seeded: false });
    await seedNorthWest(t.handle.db);
    expect(await seedFrameworkDemo(t.handle.db)).toEqual({ seeded: true });
    expect(await seedFrameworkDemo(t.handle.db)).toEqual({ seeded: false });
    expect(await query("SELECT version FROM terms_versions")).toEqual([{ version: "1.0" }]);
    const rounds = await query<{ open: boolean; days: number }>(
      "SELECT opens_at <= now() AND now() < closes_at AS open, extract(day FROM closes_at - opens_at)::int AS days FROM admission_rounds",
    );
    expect(rounds).toEqual([{ open: true, days: 90 }]);
  });

  it("should admit each of the five demo providers to lots, with a price per band under each ceiling", async () => {
    const admitted = await query<{ name: string; lots: number[] }>(
      `SELECT o.name, array_agg(l.number ORDER BY l.number) AS lots FROM lot_admissions a
       JOIN organisations o ON o.id = a.organisation_id JOIN lots l ON l.id = a.lot_id
       WHERE a.status = 'admitted' GROUP BY o.name ORDER BY o.name`,
    );
    expect(admitted).toHaveLength(5);
    expect(new Set(admitted.flatMap((a) => a.lots))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    const prices = await query<{ admitted: boolean; under: boolean }>(
      `SELECT a.status = 'admitted' AS admitted, p.weekly_price_pence <= b.weekly_ceiling_pence AS under
       FROM provider_band_prices p JOIN price_bands b ON b.lot_id = p.lot_id AND b.band = p.band
       JOIN lot_admissions a ON a.lot_id = p.lot_id AND a.organisation_id = p.organisation_id`,
    );
    expect(prices).toHaveLength(10 * 5);
    expect(prices.every((p) => p.admitted && p.under)).toBe(true);
    expect(await query("SELECT count(*)::int AS n FROM lot_admissions WHERE status = 'applied'")).toEqual([{ n: 1 }]);
  });
});
