import request from "supertest";
import { referralToProfile } from "@shared/placements-standard/to-profile";
import { validateReferral } from "@shared/placements-standard/validate-referral";
import { ChildProfileResponseSchema } from "@shared/schemas/children";
import { childInput } from "../factories/children";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { pdsReferral } from "../factories/placements-standard";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

const IMPORT = "/api/v1/children/import/placements-standard";
const exportPath = (id: string) => `/api/v1/children/${id}/placements-standard`;

let t: TestApp;
let commissioner: BuiltUser;
let otherCouncil: BuiltUser;
let provider: BuiltUser;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const regionId = (await buildRegion(db())).id;
  const council = await buildOrganisation(db(), { kind: "council", regionId });
  commissioner = await buildUser(db(), { role: "commissioner", organisationId: council.id });
  otherCouncil = await buildUser(db(), { role: "commissioner", regionId });
  provider = await buildUser(db(), { role: "provider", regionId });
});
afterAll(() => t.close());

const importAs = (who: BuiltUser, body: unknown) =>
  request(t.app)
    .post(IMPORT)
    .set(who.auth)
    .send(body as object);
const exportAs = (who: BuiltUser, id: string) => request(t.app).get(exportPath(id)).set(who.auth);
const countChildren = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM child_profiles"))[0]?.n);
const databaseToday = async () => (await query<{ today: string }>("SELECT to_char(current_date, 'YYYY-MM-DD') AS today"))[0]?.today ?? "";
const withoutExtension = ({ placementExchange: _ours, ...entities }: Record<string, unknown>) => entities;
async function imported(body: Record<string, unknown> = pdsReferral()) {
  const res = await importAs(commissioner, body);
  expect(res.status).toBe(201);
  return ChildProfileResponseSchema.parse(res.body).data;
}

describe(`POST ${IMPORT}`, () => {
  it("should record the child from the referral as the standard's mapping says, and audit the import", async () => {
    const referral = pdsReferral({ childId: 730001 });
    const child = await imported(referral);
    const checked = validateReferral(referral);
    if (!checked.ok) throw new Error("the factory's referral should be valid");
    expect(child).toMatchObject({ ...referralToProfile(checked.referral, await databaseToday()), organisationId: commissioner.user.organisationId });
    expect(child).toMatchObject({ reference: "PDS-730001", pdsChildId: 730001, referralDate: "2026-11-02", primaryNeed: null });
    expect(child.missingForMatching).toEqual(["birthMonth", "sex", "homeOutcode", "primaryNeed", "lotNumber"]);
    const audit = await query<{ action: string; details: { source: string } }>("SELECT action, details FROM audit_log WHERE record_id = $1", [child.id]);
    expect(audit).toEqual([{ action: "child_profile.create", details: { source: "placements_standard", status: "draft" } }]);
  });

  it("should take what matching needs from the placementExchange extension", async () => {
    const child = await imported({
      ...pdsReferral(),
      placementExchange: {
        reference: "MCR-2026-7001",
        birthMonth: "2013-05",
        sex: "female",
        homeOutcode: "M14",
        primaryNeed: "SEMH",
        lotNumber: 3,
        neededBy: "2027-01-10",
        riskTrajectories: { riskMissing: "escalating" },
      },
    });
    expect(child).toMatchObject({ reference: "MCR-2026-7001", primaryNeed: "SEMH", lotNumber: 3, neededBy: "2027-01-10", missingForMatching: [] });
    expect(child.risks).toContainEqual({ code: "riskMissing", trajectory: "escalating" });
  });

  it("should list every failing field in one 400 and record nothing", async () => {
    const before = await countChildren();
    const referral = pdsReferral();
    (referral.PlacementRequirements as Record<string, unknown>).pets = "Maybe";
    (referral.PlacementRequirements as Record<string, unknown>).specificCommunicationRequirements = [];
    delete (referral.Risks as Record<string, unknown>).riskMissing;
    const res = await importAs(commissioner, {
      ...referral,
      ActualPlacement: {},
      QualityAssurance: { referralDate: "2026-02-30" },
      placementExchange: { lotNumber: 9 },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_error");
    expect((res.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "body.ActualPlacement",
      "body.PlacementRequirements.pets",
      "body.PlacementRequirements.specificCommunicationRequirements",
      "body.QualityAssurance.referralDate",
      "body.Risks.riskMissing",
      "body.placementExchange.lotNumber",
    ]);
    expect(await countChildren()).toBe(before);
  });

  it("should refuse free text that identifies the child, where the referral holds it, and record nothing", async () => {
    const before = await countChildren();
    const res = await importAs(commissioner, pdsReferral({ risks: { riskOther: "Call the social worker on 0161 496 0123." } }));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "body.Risks.riskOther", message: expect.stringContaining("Remove a phone number") }]);
    expect(await countChildren()).toBe(before);
  });

  it("should refuse a postcode district it does not know, under placementExchange", async () => {
    const res = await importAs(commissioner, { ...pdsReferral(), placementExchange: { homeOutcode: "ZZ99" } });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "body.placementExchange.homeOutcode", message: expect.stringContaining("ZZ99") }]);
  });

  it("should answer 409 when the council already has the child (same childId, or same reference)", async () => {
    await imported(pdsReferral({ childId: 730002 }));
    expect((await importAs(commissioner, pdsReferral({ childId: 730002 }))).status).toBe(409);
    await imported({ ...pdsReferral(), placementExchange: { reference: "MCR-2026-7002" } });
    const res = await importAs(commissioner, { ...pdsReferral(), placementExchange: { reference: "mcr-2026-7002" } });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/already has a child with the reference MCR-2026-7002/);
  });

  it("should refuse a provider (403) whatever the body, and anyone signed out (401)", async () => {
    expect((await importAs(provider, pdsReferral())).status).toBe(403);
    expect((await importAs(provider, { nonsense: true })).status).toBe(403);
    expect((await request(t.app).post(IMPORT).send(pdsReferral())).status).toBe(401);
  });
});

describe("GET /api/v1/children/:id/placements-standard", () => {
  it("should give back the standard's entities as they were imported", async () => {
    const referral = pdsReferral({ risks: { riskToOthersFire: "Risk Present", riskToOthersOther: "Damages property when anxious" } });
    const child = await imported(referral);
    const res = await exportAs(commissioner, child.id);
    expect(res.status).toBe(200);
    expect(withoutExtension(res.body.data)).toEqual(referral);
    expect(res.body.data.placementExchange).toEqual({
      reference: child.reference,
      secondaryNeeds: [],
      sectionB: "",
      sectionE: "",
      sectionF: "",
      therapies: [],
      neededBy: child.neededBy,
      riskTrajectories: { riskSelfHarm: "current", riskMissing: "current", riskToOthersFire: "current" },
    });
  });

  it("should send a profile recorded through the form as a valid referral that another council can import", async () => {
    const created = await request(t.app)
      .post("/api/v1/children")
      .set(commissioner.auth)
      .send(childInput({ risks: [{ code: "riskMissing", trajectory: "historic" }] }));
    expect(created.status).toBe(201);
    const child = ChildProfileResponseSchema.parse(created.body).data;
    const res = await exportAs(commissioner, child.id);
    expect(res.status).toBe(200);
    expect(validateReferral(res.body.data)).toMatchObject({ ok: true });
    expect(res.body.data.QualityAssurance).toBeUndefined();
    const again = await importAs(otherCouncil, res.body.data);
    expect(again.status).toBe(201);
    const copy = ChildProfileResponseSchema.parse(again.body).data;
    const same = ({ id: _i, organisationId: _o, organisationName: _n, pdsChildId: _p, createdAt: _c, updatedAt: _u, ...rest }: typeof child) => rest;
    // An import lands as a draft for the commissioner to confirm, with every answer it carried.
    expect(same(copy)).toEqual({ ...same(child), status: "draft" });
    expect(copy.unanswered).toEqual([]);
    expect(copy.pdsChildId).toBe(res.body.data.PlacementAvailability.childId);
  });

  it("should audit the export as a read of the profile", async () => {
    const child = await imported();
    await exportAs(commissioner, child.id);
    const reads = await query<{ actor_user_id: string; details: { purpose: string } }>(
      "SELECT actor_user_id, details FROM audit_log WHERE record_id = $1 AND action = 'child_profile.read'",
      [child.id],
    );
    expect(reads).toEqual([{ actor_user_id: commissioner.user.id, details: { purpose: "export" } }]);
  });

  it.each([
    ["another council's commissioner", () => otherCouncil],
    ["a provider", () => provider],
  ])("should tell %s the profile does not exist (404), auditing nothing", async (_who, who) => {
    const child = await imported();
    expect((await exportAs(who(), child.id)).status).toBe(404);
    expect(await query("SELECT 1 FROM audit_log WHERE record_id = $1 AND action = 'child_profile.read'", [child.id])).toEqual([]);
  });
});
