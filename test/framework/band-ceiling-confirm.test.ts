import request from "supertest";
import { ApiErrorSchema, DomainErrorCode, ErrorCode } from "@shared/errors";
import { FrameworkResponseSchema } from "@shared/schemas/framework";
import { buildFrameworkWorld, buildPrice, testCeiling } from "../factories/frameworks";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

/*
 * Lowering a band's ceiling below providers' current prices: the hub sees whom it affects before
 * it saves (409 listing them), saves only when it confirms, and each of those providers'
 * administrators is told; the change and whom it affected are audited.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());
const db = () => t.database.handle.db;
const sql = () => t.database.handle.sql;
const path = (id: string) => `/api/v1/frameworks/${id}/lots/2/bands/C`;
const ceiling = testCeiling(2, "C");

async function worldWithPrices() {
  const world = await buildFrameworkWorld(db());
  const other = await buildOrganisation(db(), { kind: "provider", regionId: world.region.id, name: `Aardvark Care ${world.region.id.slice(0, 6)}` });
  const otherAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: other.id });
  const cheap = await buildOrganisation(db(), { kind: "provider", regionId: world.region.id });
  const cheapAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: cheap.id });
  await buildPrice(db(), { framework: world.framework, organisationId: world.provider.id, lotNumber: 2, band: "C", weeklyPricePence: ceiling - 1_000 });
  await buildPrice(db(), { framework: world.framework, organisationId: other.id, lotNumber: 2, band: "C", weeklyPricePence: ceiling - 500 });
  await buildPrice(db(), { framework: world.framework, organisationId: cheap.id, lotNumber: 2, band: "C", weeklyPricePence: ceiling - 50_000 });
  // Another band's price above the new ceiling is not affected.
  await buildPrice(db(), { framework: world.framework, organisationId: cheap.id, lotNumber: 2, band: "D", weeklyPricePence: testCeiling(2, "D") });
  return { world, other, otherAdmin, cheapAdmin };
}

const notificationsOf = (userId: string) =>
  sql().query<{ kind: string; title: string; body: string; link: string }>("SELECT kind, title, body, link FROM notifications WHERE user_id = $1", [userId]);
const ceilingNow = async (frameworkId: string) =>
  (
    await sql().query<{ weekly_ceiling_pence: number }>(
      "SELECT b.weekly_ceiling_pence FROM price_bands b JOIN lots l ON l.id = b.lot_id WHERE l.framework_id = $1 AND l.number = 2 AND b.band = 'C'",
      [frameworkId],
    )
  )[0]?.weekly_ceiling_pence;

describe("PUT /api/v1/frameworks/:id/lots/:lotNumber/bands/:band below providers' prices", () => {
  it("should refuse (409) to lower it without confirmation, listing each provider above it, and change nothing", async () => {
    const { world, other } = await worldWithPrices();
    const newCeiling = ceiling - 2_000;
    const res = await request(t.app).put(path(world.framework.id)).set(world.admin.auth).send({ weeklyCeilingPence: newCeiling });
    expect(res.status).toBe(409);
    const body = ApiErrorSchema.parse(res.body);
    expect(body.code).toBe(ErrorCode.Conflict);
    expect(body.reason).toBe(DomainErrorCode.ConfirmationRequired);
    expect(body.message).toMatch(/^2 providers' prices are above £[\d,]+\.00\. Check the list, then confirm/);
    expect(body.pricesAboveCeiling).toEqual([
      { organisationName: other.name, lotNumber: 2, band: "C", weeklyPricePence: ceiling - 500 },
      { organisationName: world.provider.name, lotNumber: 2, band: "C", weeklyPricePence: ceiling - 1_000 },
    ]);
    expect(await ceilingNow(world.framework.id)).toBe(ceiling);
    expect(await notificationsOf(world.providerAdmin.user.id)).toEqual([]);
  });

  it("should save it when confirmed, tell those providers' administrators (not their staff, not providers below it) and audit whom it affected", async () => {
    const { world, other, otherAdmin, cheapAdmin } = await worldWithPrices();
    const newCeiling = ceiling - 2_000;
    const res = await request(t.app).put(path(world.framework.id)).set(world.admin.auth).send({ weeklyCeilingPence: newCeiling, confirm: true });
    expect(res.status).toBe(200);
    expect(
      FrameworkResponseSchema.parse(res.body)
        .data.lots.find((l) => l.number === 2)
        ?.bands.find((b) => b.band === "C")?.weeklyCeilingPence,
    ).toBe(newCeiling);

    const [told] = await notificationsOf(world.providerAdmin.user.id);
    expect(told).toEqual({
      kind: "band_ceiling_lowered",
      title: "Lot 2 band C: the ceiling is now below your price",
      body: expect.stringContaining(`Your price is £${((ceiling - 1_000) / 100).toLocaleString("en-GB")}.00`) as string,
      link: "/provider/framework",
    });
    expect((await notificationsOf(otherAdmin.user.id)).map((n) => n.kind)).toEqual(["band_ceiling_lowered"]);
    expect(await notificationsOf(world.providerStaff.user.id)).toEqual([]);
    expect(await notificationsOf(cheapAdmin.user.id)).toEqual([]);

    const [audit] = await sql().query<{ details: { providersAbove: unknown[]; from: number; to: number } }>(
      "SELECT details FROM audit_log WHERE action = 'framework.band_ceiling_change' AND details->>'frameworkId' = $1",
      [world.framework.id],
    );
    expect(audit?.details.from).toBe(ceiling);
    expect(audit?.details.to).toBe(newCeiling);
    expect(audit?.details.providersAbove).toEqual(
      expect.arrayContaining([
        { organisationId: world.provider.id, weeklyPricePence: ceiling - 1_000 },
        { organisationId: other.id, weeklyPricePence: ceiling - 500 },
      ]),
    );
  });

  it("should save a lowering that leaves every price at or under it without asking, and tell no one", async () => {
    const { world, cheapAdmin } = await worldWithPrices();
    const res = await request(t.app)
      .put(path(world.framework.id))
      .set(world.admin.auth)
      .send({ weeklyCeilingPence: ceiling - 500 });
    expect(res.status).toBe(200);
    expect(await notificationsOf(world.providerAdmin.user.id)).toEqual([]);
    expect(await notificationsOf(cheapAdmin.user.id)).toEqual([]);
  });
});
