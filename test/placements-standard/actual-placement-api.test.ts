import { eq, sql } from "drizzle-orm";
import request from "supertest";
import { placementTypeOfLot } from "@shared/placements-standard";
import { defineStage, validateDocument } from "@shared/placements-standard/validate-document";
import { placements, settings } from "../../server/src/db/schema";
import { endPlacement } from "../../server/src/modules/placement-requests/commands/award";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildRequestAt, type RequestStage, type StageOptions } from "../factories/request-stages";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let councilId: string;
let commissioner: BuiltUser;
const db = () => t.database.handle.db;
const agreement = defineStage({ document: "An agreement", required: ["ActualPlacement"], refused: {}, onlyFields: {}, extensions: [], limits: {} });

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  regionId = (await buildRegion(db())).id;
  councilId = (await buildOrganisation(db(), { kind: "council", regionId })).id;
  commissioner = await buildUser(db(), { role: "commissioner", organisationId: councilId });
});
afterAll(() => t.close());

const staged = (stage: RequestStage, options: Partial<StageOptions> = {}) => buildRequestAt(db(), stage, { regionId, councilId, lotNumber: 3, ...options });
const exported = async (childId: string) => {
  const res = await request(t.app).get(`/api/v1/children/${childId}/placements-standard`).set(commissioner.auth);
  expect(res.status).toBe(200);
  return res.body.data as Record<string, unknown>;
};

describe("GET /api/v1/children/:id/placements-standard with a placement", () => {
  it("should add the awarded residential placement as the standard's ActualPlacement, valid against the definition", async () => {
    const awarded = await staged("awarded", { child: { preferredLocation: "Manchester or close by" } });
    const [setting] = await db().select({ urn: settings.urn }).from(settings).where(eq(settings.id, awarded.settingId));
    const document = await exported(awarded.child.id);
    // offerBody's £1,600.00 a week, in the whole pounds the hook sends; buildSetting's town.
    expect(document.ActualPlacement).toEqual({
      totalWeeklyCost: 1600,
      placementLocation: "Manchester",
      preferabilityLocation: true,
      educationContinuity: false,
      providerURN: setting!.urn,
      siblingsPlacedTogether: 0,
      placementType: "Residential",
    });
    expect(validateDocument({ ActualPlacement: document.ActualPlacement }, agreement)).toEqual([]);
  });

  it("should send no ActualPlacement before the award, for a day placement, or once the placement has ended", async () => {
    const evaluated = await staged("evaluated");
    expect(await exported(evaluated.child.id)).not.toHaveProperty("ActualPlacement");

    const day = await staged("awarded", { lotNumber: 1 });
    expect(await exported(day.child.id)).not.toHaveProperty("ActualPlacement");

    const ended = await staged("awarded");
    await db().execute(sql`UPDATE placements SET start_date = current_date - 30 WHERE id = ${ended.placementId}`);
    const [placement] = await db().select().from(placements).where(eq(placements.id, ended.placementId!));
    const yesterday = (await db().execute(sql`SELECT to_char(current_date - 1, 'YYYY-MM-DD') AS d`)) as unknown as { rows: { d: string }[] };
    await endPlacement({ db: db(), actor: ended.commissioner, placement: placement!, endDate: yesterday.rows[0]!.d, reason: "breakdown_needs_not_met" });
    expect(await exported(ended.child.id)).not.toHaveProperty("ActualPlacement");
  });

  it("should say the placement is not where preferred when the referral named somewhere else", async () => {
    const awarded = await staged("awarded", { child: { preferredLocation: "Near Lancaster" } });
    expect(await exported(awarded.child.id)).toMatchObject({ ActualPlacement: { preferabilityLocation: false, placementType: "Residential" } });
  });
});

describe("placementTypeOfLot", () => {
  it.each([
    [1, undefined],
    [2, "Residential"],
    [3, "Residential"],
    [4, undefined],
    [5, "Residential"],
    [6, undefined],
    [7, undefined],
  ])("should map lot %i to %s", (lot, type) => {
    expect(placementTypeOfLot(lot)).toBe(type);
  });
});
