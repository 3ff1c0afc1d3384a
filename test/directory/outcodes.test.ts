import { haversineKm } from "@shared/geo/distance";
import { findOutcode, loadOutcodes, normaliseOutcode } from "../../server/src/modules/directory/geo/outcodes";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("normaliseOutcode", () => {
  it.each([
    ["M14 5RG", "M14"],
    ["m145rg", "M14"],
    ["M14", "M14"],
    [" m14 ", "M14"],
    ["SW1A 1AA", "SW1A"],
    ["sw1a1aa", "SW1A"],
    ["BB11", "BB11"],
    ["B1 1AA", "B1"],
    ["L1", "L1"],
    ["M14 5", "M14"],
    ["CH49  8HE", "CH49"],
  ])("should take %j to %j", (input, expected) => {
    expect(normaliseOutcode(input)).toBe(expected);
  });

  it.each([[""], ["GIR 0AA"], ["14M"], ["M14 5RG X"], ["MANCHESTER"], ["M14-5RG"], ["M 14"], ["123"]])("should give undefined for %j", (input) => {
    expect(normaliseOutcode(input)).toBeUndefined();
  });
});

describe("loadOutcodes", () => {
  it("should load the districts once, leaving out the non-geographic 0,0 rows", async () => {
    // Test databases come with the reference data loaded (as every start loads it): start empty.
    await t.handle.sql.query("DELETE FROM outcodes");
    const first = await loadOutcodes(t.handle.db);
    expect(first).toEqual({ loaded: 2975, nonGeographic: 28, outOfRange: 0, malformed: 0 });
    expect(await loadOutcodes(t.handle.db)).toEqual({ loaded: 0, nonGeographic: 0, outOfRange: 0, malformed: 0 });
    expect(await t.handle.sql.query("SELECT count(*)::int AS n FROM outcodes")).toEqual([{ n: 2975 }]);
    expect(await t.handle.sql.query("SELECT outcode FROM outcodes WHERE outcode IN ('BS0', 'WF90', 'M61') OR (latitude = 0 AND longitude = 0)")).toEqual([]);
  });

  it("should find a district by postcode or outward code", async () => {
    const m14 = await findOutcode(t.handle.db, "m14 5rg");
    expect(m14?.outcode).toBe("M14");
    expect(m14?.latitude).toBeCloseTo(53.448, 2);
    expect(m14?.longitude).toBeCloseTo(-2.224, 2);
    expect(await findOutcode(t.handle.db, "BS0")).toBeUndefined();
    expect(await findOutcode(t.handle.db, "not a postcode")).toBeUndefined();
  });
});

describe("haversineKm", () => {
  it("should put Manchester (M1) about 50 km from Liverpool (L1)", async () => {
    const [m1, l1] = await Promise.all([findOutcode(t.handle.db, "M1"), findOutcode(t.handle.db, "L1")]);
    if (!m1 || !l1) throw new Error("M1 or L1 is missing from the outcodes");
    // The city centres are 31 miles apart as the crow flies.
    const km = haversineKm(m1, l1);
    expect(km).toBeGreaterThan(45);
    expect(km).toBeLessThan(51);
    expect(haversineKm(l1, m1)).toBeCloseTo(km, 9);
  });

  it("should be zero from a place to itself and about 111 km for one degree of latitude", () => {
    const here = { latitude: 53.4477, longitude: -2.22437 };
    expect(haversineKm(here, here)).toBe(0);
    expect(haversineKm({ latitude: 53, longitude: -2 }, { latitude: 54, longitude: -2 })).toBeCloseTo(111.2, 1);
  });
});
