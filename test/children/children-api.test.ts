import request from "supertest";
import { ChildProfileListSchema, ChildProfileResponseSchema, ShortlistSchema } from "@shared/schemas/children";
import { childInput } from "../factories/children";
import { admitProvider, buildSetting } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let commissioner: BuiltUser;
let colleague: BuiltUser;
let otherCouncil: BuiltUser;
let provider: BuiltUser;
let panel: BuiltUser;
let hub: BuiltUser;
let listedSettingId: string;
let draftSettingId: string;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  regionId = (await buildRegion(db())).id;
  const council = await buildOrganisation(db(), { kind: "council", regionId });
  commissioner = await buildUser(db(), { role: "commissioner", organisationId: council.id });
  colleague = await buildUser(db(), { role: "commissioner", organisationId: council.id });
  otherCouncil = await buildUser(db(), { role: "commissioner", regionId });
  provider = await buildUser(db(), { role: "provider", regionId });
  panel = await buildUser(db(), { role: "parent_panel", regionId });
  hub = await buildUser(db(), { role: "regional_admin", orgAdmin: true, regionId });
  const providerOrg = await buildOrganisation(db(), { kind: "provider", regionId });
  await admitProvider(db(), { organisationId: providerOrg.id, regionId, lots: [1] });
  listedSettingId = (await buildSetting(db(), { organisationId: providerOrg.id, urn: "410001", name: "Listed School" })).id;
  draftSettingId = (await buildSetting(db(), { organisationId: providerOrg.id, urn: "410002", name: "Draft School", status: "draft" })).id;
});
afterAll(() => t.close());

const create = (who: BuiltUser, body: unknown) =>
  request(t.app)
    .post("/api/v1/children")
    .set(who.auth)
    .send(body as object);
const countChildren = async () => Number((await query<{ n: string }>("SELECT count(*) AS n FROM child_profiles"))[0]?.n);
async function recorded(overrides: Record<string, unknown> = {}) {
  const res = await create(commissioner, childInput(overrides as never));
  expect(res.status).toBe(201);
  return ChildProfileResponseSchema.parse(res.body).data;
}

describe("Recording a child's profile", () => {
  it("should record a pseudonymised profile for the commissioner's council, with the age worked out from the month of birth", async () => {
    const child = await recorded({ birthMonth: "2014-03", neededBy: "2027-02-01" });
    expect(child.organisationId).toBe(commissioner.user.organisationId);
    expect(child.ageOnNeededBy).toBe(12);
    expect(child.requirements.livingCompanions).toBe("No preference");
    expect(child.missingForMatching).toEqual([]);
    const audit = await query<{ action: string; details: { source: string } }>("SELECT action, details FROM audit_log WHERE record_id = $1", [child.id]);
    expect(audit).toEqual([{ action: "child_profile.create", details: { source: "form", status: "complete" } }]);
  });

  it("should list every failing field in one 400 and record nothing", async () => {
    const before = await countChildren();
    const res = await create(commissioner, {
      ...childInput(),
      reference: "Jane",
      birthMonth: "2014-03-12",
      sex: "boy",
      primaryNeed: "ASD",
      secondaryNeeds: ["ASD"],
      lotNumber: 9,
      homeOutcode: undefined,
    });
    expect(res.status).toBe(400);
    const paths = (res.body.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["body.birthMonth", "body.homeOutcode", "body.lotNumber", "body.reference", "body.secondaryNeeds", "body.sex"]);
    expect(await countChildren()).toBe(before);
  });

  it.each([
    ["a name", "sectionB", "Lives with his mum Jane Smith, who attends reviews."],
    ["a date of birth", "sectionE", "Born on 3 March 2014; to join a small group."],
    ["a phone number", "sectionF", "Call the social worker on 0161 496 0123."],
    ["a full postcode", "riskOther", "Went missing near M14 5RG twice."],
    ["an NHS number", "sectionB", "NHS 943 476 5919 for health records."],
  ])("should refuse free text holding %s, saying what to remove, and record nothing", async (what, field, text) => {
    const before = await countChildren();
    const res = await create(commissioner, childInput({ [field]: text } as never));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: `body.${field}`, message: expect.stringContaining(`Remove ${what}`) }]);
    expect(await countChildren()).toBe(before);
  });

  it("should refuse a postcode district it does not know, and a preferred setting that is not listed", async () => {
    const res = await create(commissioner, childInput({ homeOutcode: "ZZ99", preferredSettingId: draftSettingId }));
    expect(res.status).toBe(400);
    expect((res.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["body.homeOutcode", "body.preferredSettingId"]);
  });

  it("should answer 409 with what to do when the council already has the reference", async () => {
    const first = await recorded();
    const res = await create(colleague, childInput({ reference: first.reference }));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/already has a child with the reference/);
  });

  it("should let another council use the same reference: references are the council's own", async () => {
    const first = await recorded();
    expect((await create(otherCouncil, childInput({ reference: first.reference }))).status).toBe(201);
  });

  it.each([
    ["a provider", () => provider],
    ["a parent carer panel member", () => panel],
    ["the regional hub", () => hub],
  ])("should refuse %s recording a child (403)", async (_who, who) => {
    expect((await create(who(), childInput())).status).toBe(403);
  });
});

describe("Reading and changing a profile", () => {
  it("should show the profile to the council's commissioners, auditing each read with its lawful basis", async () => {
    const child = await recorded();
    const res = await request(t.app).get(`/api/v1/children/${child.id}`).set(colleague.auth);
    expect(res.status).toBe(200);
    expect(ChildProfileResponseSchema.parse(res.body).data.reference).toBe(child.reference);
    const reads = await query<{ actor_user_id: string; reason: string }>(
      "SELECT actor_user_id, reason FROM audit_log WHERE record_id = $1 AND action = 'child_profile.read'",
      [child.id],
    );
    expect(reads).toEqual([{ actor_user_id: colleague.user.id, reason: expect.stringMatching(/Children and Families Act/) }]);
  });

  it("should name the preferred setting and the placement the child is in now, not one ended or yet to start", async () => {
    const child = await recorded({ preferredSettingId: listedSettingId });
    const read = async () => {
      const res = await request(t.app).get(`/api/v1/children/${child.id}`).set(commissioner.auth);
      expect(res.status).toBe(200);
      return ChildProfileResponseSchema.parse(res.body).data;
    };
    const before = await read();
    expect(before).toMatchObject({ preferredSettingName: "Listed School", currentPlacement: null });
    expect((await recorded()).preferredSettingName).toBeNull();

    const place = (start: string, end: string | null, fee: number) =>
      query<{ id: string }>(
        `INSERT INTO placements (child_id, council_id, setting_id, provider_id, weekly_fee_pence, start_date, end_date, end_reason)
         SELECT $1, c.organisation_id, s.id, s.organisation_id, $3, current_date + $4::int, current_date + $5::int,
           CASE WHEN $5::int IS NULL THEN NULL ELSE 'planned_end' END
         FROM child_profiles c, settings s WHERE c.id = $1 AND s.id = $2 RETURNING id`,
        [child.id, listedSettingId, fee, Number(start), end === null ? null : Number(end)],
      );
    await place("-400", "-30", 100_000); // ended last month
    await place("30", null, 300_000); // starts next month
    expect((await read()).currentPlacement).toBeNull();
    const [now] = await place("-7", null, 200_000); // started last week
    const placed = await read();
    expect(placed.currentPlacement).toMatchObject({ id: now?.id, settingName: "Listed School", weeklyFeePence: 200_000 });
    expect(placed.currentPlacement?.providerName).toEqual(expect.any(String));
  });

  it.each([
    ["another council's commissioner", () => otherCouncil],
    ["a provider", () => provider],
    ["a parent carer panel member", () => panel],
    ["the regional hub", () => hub],
  ])("should tell %s the profile does not exist (404), and change nothing", async (_who, who) => {
    const child = await recorded();
    expect((await request(t.app).get(`/api/v1/children/${child.id}`).set(who().auth)).status).toBe(404);
    expect((await request(t.app).patch(`/api/v1/children/${child.id}`).set(who().auth).send({ schoolYear: 9 })).status).toBe(404);
    const [row] = await query<{ school_year: number }>("SELECT school_year FROM child_profiles WHERE id = $1", [child.id]);
    expect(row?.school_year).toBe(7);
  });

  it("should list only the council's own children, with references and codes only", async () => {
    const mine = await recorded();
    const theirs = ChildProfileResponseSchema.parse((await create(otherCouncil, childInput())).body).data;
    const list = ChildProfileListSchema.parse((await request(t.app).get("/api/v1/children").set(commissioner.auth)).body).data;
    expect(list.map((c) => c.id)).toContain(mine.id);
    expect(list.map((c) => c.id)).not.toContain(theirs.id);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual([
      "hasOpenRequest",
      "id",
      "lotNumber",
      "neededBy",
      "placed",
      "primaryNeed",
      "reference",
      "status",
      "updatedAt",
    ]);
  });

  it("should change a profile, checking the same rules, and audit which fields changed", async () => {
    const child = await recorded();
    const bad = await request(t.app)
      .patch(`/api/v1/children/${child.id}`)
      .set(commissioner.auth)
      .send({ secondaryNeeds: ["ASD"], sectionF: "Ring 07700 900123" });
    expect(bad.status).toBe(400);
    const res = await request(t.app)
      .patch(`/api/v1/children/${child.id}`)
      .set(commissioner.auth)
      .send({ schoolYear: 8, risks: [{ code: "riskMissing", trajectory: "escalating" }] });
    expect(res.status).toBe(200);
    expect(ChildProfileResponseSchema.parse(res.body).data).toMatchObject({ schoolYear: 8, risks: [{ code: "riskMissing", trajectory: "escalating" }] });
    const [audit] = await query<{ details: { fields: string[] } }>("SELECT details FROM audit_log WHERE record_id = $1 AND action = 'child_profile.update'", [
      child.id,
    ]);
    expect(audit?.details.fields).toEqual(["risks", "schoolYear"]);
  });
});

describe("The shortlist", () => {
  const shortlist = (who: BuiltUser, childId: string, method: "put" | "delete" | "get", settingId?: string) =>
    request(t.app)
      [method](`/api/v1/children/${childId}/shortlist${settingId ? `/${settingId}` : ""}`)
      .set(who.auth);

  it("should add a listed setting once however often it is added, and take it off again", async () => {
    const child = await recorded();
    expect((await shortlist(commissioner, child.id, "put", listedSettingId)).status).toBe(200);
    const again = await shortlist(colleague, child.id, "put", listedSettingId);
    expect(ShortlistSchema.parse(again.body).data.map((s) => s.settingName)).toEqual(["Listed School"]);
    expect((await shortlist(commissioner, child.id, "delete", listedSettingId)).body.data).toEqual([]);
    expect((await shortlist(commissioner, child.id, "delete", listedSettingId)).status).toBe(404);
    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1 AND action LIKE 'child_shortlist.%' ORDER BY seq", [
      child.id,
    ]);
    expect(audit.map((a) => a.action)).toEqual(["child_shortlist.add", "child_shortlist.remove"]);
  });

  it("should not shortlist a setting commissioners cannot see (404)", async () => {
    const child = await recorded();
    expect((await shortlist(commissioner, child.id, "put", draftSettingId)).status).toBe(404);
    expect((await shortlist(commissioner, child.id, "get")).body.data).toEqual([]);
  });

  it("should keep another council's commissioner out of the shortlist (404)", async () => {
    const child = await recorded();
    expect((await shortlist(otherCouncil, child.id, "put", listedSettingId)).status).toBe(404);
    expect((await shortlist(otherCouncil, child.id, "get")).status).toBe(404);
  });
});
