import { sql } from "drizzle-orm";
import request from "supertest";
import { PDS_RISK_CODES } from "@shared/codes/directory";
import { ApiErrorSchema } from "@shared/errors";
import { CHILD_QUESTION_PATHS } from "@shared/schemas/child-questions";
import { ChildProfileListSchema, ChildProfileResponseSchema } from "@shared/schemas/children";
import { buildChild } from "../factories/children";
import { buildMarket, inSeconds, type Market } from "../factories/placement-requests";
import { pdsReferral } from "../factories/placements-standard";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let market: Market;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  market = await buildMarket(db(), { providers: 1 });
});
afterAll(() => t.close());

const ref = () => `DRF-${Math.random().toString(36).slice(2, 8).toUpperCase()}-1`;
const startDraft = (body: Record<string, unknown>, who: BuiltUser = market.commissioner) =>
  request(t.app).post("/api/v1/children/drafts").set(who.auth).send(body);
const save = (id: string, body: Record<string, unknown>, who: BuiltUser = market.commissioner) =>
  request(t.app).patch(`/api/v1/children/${id}`).set(who.auth).send(body);
const complete = (id: string, who: BuiltUser = market.commissioner) => request(t.app).post(`/api/v1/children/${id}/complete`).set(who.auth);
const issuePaths = (body: unknown) => ApiErrorSchema.parse(body).issues?.map((i) => i.path) ?? [];

/** Every question of the task list answered, page by page. */
const PAGES = {
  about: { birthMonth: "2013-05", sex: "female", homeOutcode: "M14", schoolYear: 8 },
  needs: { primaryNeed: "SEMH", ehcPlanStatus: "draft", staffingRatio: null },
  placement: { lotNumber: 1, priceBand: null, neededBy: "2027-03-01" },
  requirements: {
    requirements: {
      communicationNeeds: "N",
      specificCommunicationRequirements: ["None"],
      homeAdaptation: false,
      culturalNeeds: "Not Known",
      livingCompanions: "No preference",
      pets: "Not Known",
      additionalSupport: null,
      deprivationOfLiberty: null,
    },
    recommendation: {
      fosterCareSuitability: "Preferred",
      residentialCareSuitability: "Suitable but not preferred",
      supportedAccommodationSuitability: "Unsuitable",
    },
  },
  risks: { riskAnswers: Object.fromEntries(PDS_RISK_CODES.map((code) => [code, code === "riskMissing" ? "current" : "none"])) },
};

async function draftWithEverythingAnswered() {
  const res = await startDraft({ reference: ref(), ...PAGES.about });
  expect(res.status).toBe(201);
  const { id } = ChildProfileResponseSchema.parse(res.body).data;
  for (const page of [PAGES.needs, PAGES.placement, PAGES.requirements, PAGES.risks]) expect((await save(id, page)).body).toMatchObject({ data: { id } });
  return id;
}

describe("POST /api/v1/children/drafts", () => {
  it("should save a draft with only the reference, every question still to answer and nothing assumed", async () => {
    const res = await startDraft({ reference: ref() });
    expect(res.status).toBe(201);
    const child = ChildProfileResponseSchema.parse(res.body).data;
    expect(child.status).toBe("draft");
    expect(child.unanswered).toEqual(CHILD_QUESTION_PATHS);
    expect(child).toMatchObject({ ehcPlanStatus: null, sex: null, risks: [] });
  });

  it("should check each answer given as it does for a whole profile, listing every failing field", async () => {
    const res = await startDraft({ reference: ref(), birthMonth: "May 2013", schoolYear: 40, riskAnswers: { riskMissing: "sometimes" } });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body).sort()).toEqual(["body.birthMonth", "body.riskAnswers.riskMissing", "body.schoolYear"]);
  });

  it("should need a reference, and refuse one the council has used (409 with what to do)", async () => {
    expect(issuePaths((await startDraft({ sex: "male" })).body)).toEqual(["body.reference"]);
    const reference = ref();
    expect((await startDraft({ reference })).status).toBe(201);
    const again = await startDraft({ reference });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/Open that profile and change it, or use another reference/);
  });

  it("should refuse anyone but a council's commissioner", async () => {
    expect((await startDraft({ reference: ref() }, market.providers[0]!.person)).status).toBe(403);
    expect((await request(t.app).post("/api/v1/children/drafts").send({ reference: ref() })).status).toBe(401);
  });
});

describe("PATCH /api/v1/children/:id on a draft", () => {
  it("should take each answered question off the list, risk by risk, and keep the draft a draft", async () => {
    const { id } = ChildProfileResponseSchema.parse((await startDraft({ reference: ref() })).body).data;
    const res = await save(id, { riskAnswers: { riskSelfHarm: "none", riskMissing: "escalating" }, requirements: { pets: "No" } });
    expect(res.status).toBe(200);
    const child = ChildProfileResponseSchema.parse(res.body).data;
    expect(child.status).toBe("draft");
    expect(child.unanswered).not.toContain("risks.riskSelfHarm");
    expect(child.unanswered).not.toContain("risks.riskMissing");
    expect(child.unanswered).not.toContain("requirements.pets");
    expect(child.unanswered).toContain("risks.riskEatingDisorder");
    expect(child.unanswered).toContain("requirements.culturalNeeds");
    expect(child.risks).toEqual([{ code: "riskMissing", trajectory: "escalating" }]);
    expect(child.requirements.pets).toBe("No");
  });
});

describe("POST /api/v1/children/:id/complete", () => {
  it("should list every unanswered question with what to do, and leave the draft as it was", async () => {
    const { id } = ChildProfileResponseSchema.parse((await startDraft({ reference: ref(), ...PAGES.about })).body).data;
    await save(id, { riskAnswers: { riskSelfHarm: "none" } });
    const res = await complete(id);
    expect(res.status).toBe(400);
    const body = ApiErrorSchema.parse(res.body);
    const paths = issuePaths(res.body);
    expect(paths).toContain("ehcPlanStatus");
    expect(paths).toContain("risks.riskMissing");
    expect(paths).not.toContain("risks.riskSelfHarm");
    expect(paths).not.toContain("birthMonth");
    expect(body.issues?.find((i) => i.path === "risks.riskMissing")?.message).toBe("Select whether there is a risk of going missing, or no known risk");
    const [row] = await query<{ status: string }>("SELECT status FROM child_profiles WHERE id = $1", [id]);
    expect(row?.status).toBe("draft");
  });

  it("should complete a draft with every question answered, audited, after which it can be matched", async () => {
    const id = await draftWithEverythingAnswered();
    expect((await request(t.app).get(`/api/v1/children/${id}/matches`).set(market.commissioner.auth)).status).toBe(409);
    const res = await complete(id);
    expect(res.status).toBe(200);
    const child = ChildProfileResponseSchema.parse(res.body).data;
    expect(child).toMatchObject({ status: "complete", unanswered: [], risks: [{ code: "riskMissing", trajectory: "current" }], ehcPlanStatus: "draft" });
    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1 AND action = 'child_profile.complete'", [id]);
    expect(audit).toHaveLength(1);
    expect((await request(t.app).get(`/api/v1/children/${id}/matches`).set(market.commissioner.auth)).status).toBe(200);
  });

  it("should answer another council's child, or a made-up id, with 404", async () => {
    const id = await draftWithEverythingAnswered();
    expect((await complete(id, market.otherCommissioner)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/children/${id}`).set(market.otherCommissioner.auth)).status).toBe(404);
    expect((await complete("6f1c2b7e-4a4b-4c9b-9c1d-3b1f0e2d9a77")).status).toBe(404);
    const [row] = await query<{ status: string }>("SELECT status FROM child_profiles WHERE id = $1", [id]);
    expect(row?.status).toBe("draft");
  });
});

describe("A draft and placement requests", () => {
  it("should refuse a request for a draft with 409 saying to complete it, and make none", async () => {
    const { id } = ChildProfileResponseSchema.parse((await startDraft({ reference: ref(), ...PAGES.about })).body).data;
    const res = await request(t.app)
      .post("/api/v1/placement-requests")
      .set(market.commissioner.auth)
      .send({ childId: id, settingIds: [market.providers[0]!.settingId], deadline: inSeconds(3600) });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/is a draft\. Answer its remaining questions, check your answers and complete it first/);
    expect(await query("SELECT 1 FROM placement_requests WHERE child_id = $1", [id])).toHaveLength(0);
  });

  it("should show a child's requests and say so in the list", async () => {
    const res = await request(t.app)
      .post("/api/v1/placement-requests")
      .set(market.commissioner.auth)
      .send({ childId: market.childId, settingIds: [market.providers[0]!.settingId], deadline: inSeconds(3600) });
    expect(res.status).toBe(201);
    const child = ChildProfileResponseSchema.parse((await request(t.app).get(`/api/v1/children/${market.childId}`).set(market.commissioner.auth)).body).data;
    expect(child.requests).toEqual([expect.objectContaining({ id: res.body.data.request.id, state: "open" })]);
    expect(child.currentPlacement).toBeNull();
  });
});

describe("A Placements Data Standard import", () => {
  it("should land as a draft with what the referral carried answered and the rest to answer", async () => {
    const res = await request(t.app)
      .post("/api/v1/children/import/placements-standard")
      .set(market.commissioner.auth)
      .send(pdsReferral({ childId: 731001 }));
    expect(res.status).toBe(201);
    const child = ChildProfileResponseSchema.parse(res.body).data;
    expect(child.status).toBe("draft");
    expect(child.unanswered).toEqual(expect.arrayContaining(["birthMonth", "sex", "primaryNeed", "lotNumber"]));
    expect(child.unanswered.filter((path) => path.startsWith("risks.") || path.startsWith("requirements.") || path.startsWith("recommendation."))).toEqual([]);
  });
});

describe("GET /api/v1/children?q=&status=&page=", () => {
  let council: string;
  let commissioner: BuiltUser;
  beforeAll(async () => {
    const own = await buildMarket(db(), { providers: 0 });
    commissioner = own.commissioner;
    council = (await query<{ organisation_id: string }>("SELECT organisation_id FROM child_profiles WHERE id = $1", [own.childId]))[0]!.organisation_id;
    for (let i = 0; i < 22; i++) await buildChild(db(), { organisationId: council, reference: `PAGE-${String(i).padStart(2, "0")}-X` });
    const placedChild = await buildChild(db(), { organisationId: council, reference: "PLACED-1" });
    const setting = await query<{ id: string; organisation_id: string }>("SELECT id, organisation_id FROM settings WHERE id = $1", [
      market.providers[0]!.settingId,
    ]);
    await db().execute(
      sql`INSERT INTO placements (child_id, council_id, setting_id, provider_id, weekly_fee_pence, start_date) VALUES (${placedChild.id}, ${council}, ${setting[0]!.id}, ${setting[0]!.organisation_id}, 150000, current_date - 7)`,
    );
    await startDraft({ reference: "DRAFT-77" }, commissioner);
  });
  const list = async (qs: string) => {
    const res = await request(t.app).get(`/api/v1/children${qs}`).set(commissioner.auth);
    expect(res.status).toBe(200);
    return ChildProfileListSchema.parse(res.body);
  };

  it("should answer 20 a page with the total, and the rest on page 2", async () => {
    const first = await list("");
    expect(first.meta).toEqual({ total: 25, page: 1, pageSize: 20 });
    expect(first.data).toHaveLength(20);
    const second = await list("?page=2");
    expect(second.data).toHaveLength(5);
    expect(new Set([...first.data, ...second.data].map((c) => c.id)).size).toBe(25);
  });

  it("should search by reference, any case", async () => {
    const found = await list("?q=page-1");
    expect(found.data.map((c) => c.reference).sort()).toEqual([
      "PAGE-10-X",
      "PAGE-11-X",
      "PAGE-12-X",
      "PAGE-13-X",
      "PAGE-14-X",
      "PAGE-15-X",
      "PAGE-16-X",
      "PAGE-17-X",
      "PAGE-18-X",
      "PAGE-19-X",
    ]);
    expect(found.meta.total).toBe(10);
  });

  it("should filter by draft, and by placed, saying so on each row", async () => {
    const drafts = await list("?status=draft");
    expect(drafts.data.map((c) => [c.reference, c.status])).toEqual([["DRAFT-77", "draft"]]);
    const placed = await list("?status=placed");
    expect(placed.data.map((c) => [c.reference, c.placed])).toEqual([["PLACED-1", true]]);
    expect((await list("?status=complete")).meta.total).toBe(24);
  });

  it("should filter by an open request", async () => {
    const res = await request(t.app)
      .post("/api/v1/placement-requests")
      .set(market.commissioner.auth)
      .send({ childId: market.childId, settingIds: [market.providers[0]!.settingId], deadline: inSeconds(3600) });
    expect(res.status).toBe(201);
    const open = ChildProfileListSchema.parse((await request(t.app).get("/api/v1/children?status=open_request").set(market.commissioner.auth)).body);
    expect(open.data.length).toBeGreaterThan(0);
    expect(open.data.every((c) => c.hasOpenRequest)).toBe(true);
    expect((await list("?status=open_request")).meta.total).toBe(0);
  });

  it("should refuse a bad page or filter with 400 naming the field", async () => {
    const res = await request(t.app).get("/api/v1/children?page=0&status=lost").set(commissioner.auth);
    expect(res.status).toBe(400);
    expect(issuePaths(res.body).sort()).toEqual(["query.page", "query.status.0"]);
  });
});
