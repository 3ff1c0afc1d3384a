import { LOTS } from "@shared/codes/lots";
import { northWestCouncils, seedNorthWest } from "../../server/src/db/seed/north-west";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const count = async (table: string) => (await t.handle.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

describe("The North West demo seed", () => {
  it("should create the region once, however often it runs", async () => {
    const first = await seedNorthWest(t.handle.db);
    const second = await seedNorthWest(t.handle.db);
    expect(first.seeded).toBe(true);
    expect(second).toEqual({ seeded: false, regionId: first.regionId });
    expect(await count("regions")).toBe(1);
    expect(await count("lots")).toBe(LOTS.length);
  });

  it("should give each council in the GIAS extract its LA code and a Parent Carer Forum", async () => {
    const councils = northWestCouncils();
    expect(councils).toHaveLength(22);
    const rows = await t.handle.sql.query<{ kind: string; la_code: string }>("SELECT kind, la_code FROM organisations WHERE la_code IS NOT NULL");
    for (const kind of ["council", "parent_forum"]) {
      expect(
        rows
          .filter((r) => r.kind === kind)
          .map((r) => r.la_code)
          .sort(),
      ).toEqual(councils.map((c) => c.laCode).sort());
    }
  });

  it("should give each demo council and provider a placements contact that rings nobody, so award letters name one", async () => {
    const rows = await t.handle.sql.query<{ kind: string; name: string; contact_email: string | null; contact_phone: string | null }>(
      "SELECT kind, name, contact_email, contact_phone FROM organisations WHERE kind IN ('council', 'provider') ORDER BY name",
    );
    expect(rows).toHaveLength(22 + 5);
    for (const row of rows) {
      expect(row.contact_email).toMatch(row.kind === "council" ? /^placements@[a-z0-9-]+\.example\.gov\.uk$/ : /^referrals@[a-z0-9-]+\.example\.org\.uk$/);
      // Ofcom's numbers for drama: 0161 496 0000 to 0999.
      expect(row.contact_phone).toMatch(/^0161 496 0\d{3}$/);
    }
    expect(rows.find((r) => r.name === "Manchester Council")).toMatchObject({ contact_email: "placements@manchester.example.gov.uk" });
    expect(new Set(rows.map((r) => r.contact_phone)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.contact_email)).size).toBe(rows.length);
  });

  it("should give every lot bands A to E with ceilings that rise with need intensity", async () => {
    const bands = await t.handle.sql.query<{ number: number; band: string; weekly_ceiling_pence: number }>(
      "SELECT l.number, b.band, b.weekly_ceiling_pence FROM price_bands b JOIN lots l ON l.id = b.lot_id ORDER BY l.number, b.band",
    );
    for (const lot of LOTS) {
      const ours = bands.filter((b) => b.number === lot.number);
      expect(ours.map((b) => b.band)).toEqual(["A", "B", "C", "D", "E"]);
      const ceilings = ours.map((b) => b.weekly_ceiling_pence);
      expect([...ceilings].sort((a, b) => a - b)).toEqual(ceilings);
      expect(new Set(ceilings).size).toBe(5);
    }
  });
});
