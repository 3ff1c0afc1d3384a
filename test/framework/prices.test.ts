import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { ProviderPriceListSchema } from "@shared/schemas/framework";
import { buildAdmission, buildApplication, buildFrameworkWorld, buildPrice, testCeiling } from "../factories/frameworks";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());
const db = () => t.database.handle.db;
const sql = () => t.database.handle.sql;

type World = Awaited<ReturnType<typeof buildFrameworkWorld>>;
const put = (world: World, prices: unknown, who = world.providerAdmin) =>
  request(t.app).put(`/api/v1/frameworks/${world.framework.id}/prices`).set(who.auth).send({ prices });

describe("GET /api/v1/frameworks/:id/prices", () => {
  it("should show any member of the provider its own prices with the ceilings, and nobody else's", async () => {
    const world = await buildFrameworkWorld(db());
    await buildAdmission(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [2] });
    await buildPrice(db(), { framework: world.framework, organisationId: world.provider.id, lotNumber: 2, band: "B", weeklyPricePence: 200_000 });
    const other = await buildOrganisation(db(), { kind: "provider", regionId: world.region.id });
    await buildAdmission(db(), { framework: world.framework, organisationId: other.id, lotNumbers: [2] });
    await buildPrice(db(), { framework: world.framework, organisationId: other.id, lotNumber: 2, band: "A", weeklyPricePence: 150_000 });
    const path = `/api/v1/frameworks/${world.framework.id}/prices`;

    expect((await request(t.app).get(path)).status).toBe(401);
    const res = await request(t.app).get(path).set(world.providerStaff.auth);
    expect(res.status).toBe(200);
    expect(ProviderPriceListSchema.parse(res.body).data).toEqual([
      { lotNumber: 2, band: "B", weeklyPricePence: 200_000, weeklyCeilingPence: testCeiling(2, "B"), updatedAt: expect.any(String) },
    ]);
    expect((await request(t.app).get(path).set(world.admin.auth)).status).toBe(403);
    const commissioner = await buildUser(db(), { role: "commissioner", regionId: world.region.id });
    expect((await request(t.app).get(path).set(commissioner.auth)).status).toBe(403);
    const outsider = await buildUser(db(), { role: "provider", orgAdmin: true });
    expect((await request(t.app).get(path).set(outsider.auth)).status).toBe(404);
    expect((await request(t.app).get("/api/v1/frameworks/x/prices").set(world.providerStaff.auth)).status).toBe(400);
  });
});

describe("PUT /api/v1/frameworks/:id/prices", () => {
  it("should answer 401 without credentials", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await request(t.app).put(`/api/v1/frameworks/${world.framework.id}/prices`).send({ prices: [] })).status).toBe(401);
  });

  it("should set and then update prices on admitted lots, keep the others, and audit from and to", async () => {
    const world = await buildFrameworkWorld(db());
    await buildAdmission(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1, 3] });
    const first = await put(world, [
      { lotNumber: 1, band: "A", weeklyPricePence: 90_000 },
      { lotNumber: 3, band: "E", weeklyPricePence: testCeiling(3, "E") },
    ]);
    expect(first.status).toBe(200);
    const second = await put(world, [{ lotNumber: 1, band: "A", weeklyPricePence: 95_000 }]);
    expect(second.status).toBe(200);
    expect(ProviderPriceListSchema.parse(second.body).data.map((p) => [p.lotNumber, p.band, p.weeklyPricePence, p.weeklyCeilingPence])).toEqual([
      [1, "A", 95_000, testCeiling(1, "A")],
      [3, "E", testCeiling(3, "E"), testCeiling(3, "E")],
    ]);
    const audit = await sql().query<{ details: { prices: unknown[] } }>(
      "SELECT details FROM audit_log WHERE action = 'provider_prices.update' AND record_id = $1 ORDER BY seq",
      [world.provider.id],
    );
    expect(audit.map((a) => a.details.prices)).toEqual([
      [
        { lotNumber: 1, band: "A", from: null, to: 90_000 },
        { lotNumber: 3, band: "E", from: null, to: testCeiling(3, "E") },
      ],
      [{ lotNumber: 1, band: "A", from: 90_000, to: 95_000 }],
    ]);
  });

  it("should answer 400 on each item above its ceiling (naming it in pounds) or on a lot not admitted to, and save nothing", async () => {
    const world = await buildFrameworkWorld(db());
    await buildAdmission(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1] });
    await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [2] });
    const res = await put(world, [
      { lotNumber: 1, band: "A", weeklyPricePence: 50_000 },
      { lotNumber: 1, band: "C", weeklyPricePence: testCeiling(1, "C") + 1 },
      { lotNumber: 2, band: "A", weeklyPricePence: 1000 },
      { lotNumber: 5, band: "A", weeklyPricePence: 1000 },
    ]);
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(res.body).issues).toEqual([
      { path: "body.prices.1.weeklyPricePence", message: "The ceiling for band C on lot 1 is £2,000.00 a week; enter a price at or below it" },
      { path: "body.prices.2.lotNumber", message: "You are not admitted to lot 2" },
      { path: "body.prices.3.lotNumber", message: "You are not admitted to lot 5" },
    ]);
    expect(await sql().query("SELECT 1 FROM provider_band_prices WHERE organisation_id = $1", [world.provider.id])).toEqual([]);
  });

  it("should refuse prices on a lot whose admission is suspended", async () => {
    const world = await buildFrameworkWorld(db());
    await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [4], status: "suspended" });
    const res = await put(world, [{ lotNumber: 4, band: "A", weeklyPricePence: 1000 }]);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "body.prices.0.lotNumber", message: "You are not admitted to lot 4 (your admission to it is suspended)" }]);
  });

  it("should list every bad field", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await put(world, [
      { lotNumber: 8, band: "F", weeklyPricePence: 0 },
      { lotNumber: 1, band: "A", weeklyPricePence: 10.5, note: "x" },
      { lotNumber: 1, band: "A", weeklyPricePence: 100 },
    ]);
    expect(res.status).toBe(400);
    expect(
      ApiErrorSchema.parse(res.body)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(["body.prices.0.band", "body.prices.0.lotNumber", "body.prices.0.weeklyPricePence", "body.prices.1.note", "body.prices.1.weeklyPricePence"]);
    expect((await put(world, [])).body.issues).toEqual([{ path: "body.prices", message: "Give at least one price" }]);
    const twice = [
      { lotNumber: 1, band: "A", weeklyPricePence: 100 },
      { lotNumber: 1, band: "A", weeklyPricePence: 200 },
    ];
    expect((await put(world, twice)).body.issues).toEqual([{ path: "body.prices", message: "Give each lot and band once" }]);
  });

  it("should refuse (403) the provider's ordinary members and other roles, and (404) another region's provider", async () => {
    const world = await buildFrameworkWorld(db());
    await buildAdmission(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1] });
    const prices = [{ lotNumber: 1, band: "A", weeklyPricePence: 1000 }];
    expect((await put(world, prices, world.providerStaff)).status).toBe(403);
    expect((await put(world, prices, world.admin)).status).toBe(403);
    expect((await put(world, prices, await buildUser(db(), { role: "provider", orgAdmin: true }))).status).toBe(404);
  });
});
