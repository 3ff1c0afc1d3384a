import request from "supertest";
import { SettingFeedbackSummarySchema } from "@shared/schemas/setting-feedback";
import { admitProvider, buildSetting } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let settingId: string;
let panel: BuiltUser;
let hub: BuiltUser;
let commissioner: BuiltUser;
const db = () => t.database.handle.db;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  regionId = (await buildRegion(db())).id;
  const provider = await buildOrganisation(db(), { kind: "provider", regionId });
  await admitProvider(db(), { organisationId: provider.id, regionId, lots: [1] });
  settingId = (await buildSetting(db(), { organisationId: provider.id, name: "Feedback School" })).id;
  panel = await buildUser(db(), { role: "parent_panel", regionId });
  hub = await buildUser(db(), { role: "regional_admin", orgAdmin: true, regionId });
  commissioner = await buildUser(db(), { role: "commissioner", regionId });
});
afterAll(() => t.close());

const give = (who: BuiltUser, body: unknown, id = settingId) =>
  request(t.app)
    .post(`/api/v1/settings/${id}/feedback`)
    .set(who.auth)
    .send(body as object);
const good = { ratings: { meeting_needs: 4, safety_and_wellbeing: 5 }, comment: "Staff listened to us and planned the first weeks carefully." };

describe("POST /api/v1/settings/:id/feedback", () => {
  it("should answer 401 without credentials and 403 for anyone but a panel member", async () => {
    expect((await request(t.app).post(`/api/v1/settings/${settingId}/feedback`).send(good)).status).toBe(401);
    expect((await give(commissioner, good)).status).toBe(403);
    expect((await give(hub, good)).status).toBe(403);
  });

  it("should list every bad field, and refuse a comment holding personal data, saying what to remove", async () => {
    const bad = await give(panel, { ratings: { meeting_needs: 9, wifi: 3 }, comment: "" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(["body.ratings.meeting_needs", "body.ratings.wifi", "body.comment"]),
    );
    const personal = await give(panel, { ...good, comment: "Call me on 07700 900123 or write to M14 5RG" });
    expect(personal.status).toBe(400);
    expect(personal.body.issues).toEqual([{ path: "body.comment", message: expect.stringMatching(/Remove a phone number and a full postcode/) }]);
    const rows = await t.database.handle.sql.query("SELECT 1 FROM setting_feedback WHERE comment LIKE '%07700%'");
    expect(rows).toEqual([]);
  });

  it("should answer 404 for a setting that is not listed or is in another region", async () => {
    const provider = await buildOrganisation(db(), { kind: "provider", regionId });
    const draft = await buildSetting(db(), { organisationId: provider.id, status: "draft" });
    expect((await give(panel, good, draft.id)).status).toBe(404);
    const elsewhere = await buildUser(db(), { role: "parent_panel" });
    expect((await give(elsewhere, good)).status).toBe(404);
  });

  it("should store feedback as pending, visible to its author and the hub but not another panel member", async () => {
    const res = await give(panel, good);
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: "pending", settingName: "Feedback School", ratings: { meeting_needs: 4, safety_and_wellbeing: 5 } });
    const mine = await request(t.app).get("/api/v1/setting-feedback").set(panel.auth);
    expect(mine.body.data.map((f: { id: string }) => f.id)).toContain(res.body.data.id);
    const other = await buildUser(db(), { role: "parent_panel", regionId });
    expect((await request(t.app).get("/api/v1/setting-feedback").set(other.auth)).body.data).toEqual([]);
    const pending = await request(t.app).get("/api/v1/setting-feedback?status=pending").set(hub.auth);
    expect(pending.body.data.map((f: { id: string }) => f.id)).toContain(res.body.data.id);
    expect(JSON.stringify(pending.body)).not.toContain(panel.user.email);
    expect((await request(t.app).get("/api/v1/setting-feedback").set(commissioner.auth)).status).toBe(403);
  });
});

describe("PUT /api/v1/setting-feedback/:id", () => {
  it("should let the hub approve or reject with a reason the author sees, once", async () => {
    const a = (await give(panel, good)).body.data.id;
    const b = (await give(panel, good)).body.data.id;
    expect((await request(t.app).put(`/api/v1/setting-feedback/${a}`).set(panel.auth).send({ decision: "approved" })).status).toBe(403);
    expect((await request(t.app).put(`/api/v1/setting-feedback/${b}`).set(hub.auth).send({ decision: "rejected" })).status).toBe(400);
    expect(
      (await request(t.app).put(`/api/v1/setting-feedback/${b}`).set(hub.auth).send({ decision: "rejected", reason: "It describes a named member of staff" }))
        .status,
    ).toBe(200);
    expect((await request(t.app).put(`/api/v1/setting-feedback/${a}`).set(hub.auth).send({ decision: "approved" })).status).toBe(200);
    expect((await request(t.app).put(`/api/v1/setting-feedback/${a}`).set(hub.auth).send({ decision: "rejected", reason: "x" })).status).toBe(409);
    const mine = (await request(t.app).get("/api/v1/setting-feedback").set(panel.auth)).body.data as { id: string; status: string; reason: string | null }[];
    expect(mine.find((f) => f.id === b)).toMatchObject({ status: "rejected", reason: "It describes a named member of staff" });
    const otherHub = await buildUser(db(), { role: "regional_admin", orgAdmin: true });
    expect((await request(t.app).put(`/api/v1/setting-feedback/${a}`).set(otherHub.auth).send({ decision: "approved" })).status).toBe(404);
  });
});

describe("GET /api/v1/settings/:id/feedback-summary", () => {
  it("should show nothing — not even a count — below 5 approved reviews, then averages from 5", async () => {
    const provider = await buildOrganisation(db(), { kind: "provider", regionId });
    await admitProvider(db(), { organisationId: provider.id, regionId, lots: [1] });
    const setting = (await buildSetting(db(), { organisationId: provider.id })).id;
    const summary = async () =>
      SettingFeedbackSummarySchema.parse((await request(t.app).get(`/api/v1/settings/${setting}/feedback-summary`).set(commissioner.auth)).body).data;
    const approveNew = async (meetingNeeds: number) => {
      const id = (await give(panel, { ratings: { meeting_needs: meetingNeeds }, comment: "Helpful and kind." }, setting)).body.data.id;
      await request(t.app).put(`/api/v1/setting-feedback/${id}`).set(hub.auth).send({ decision: "approved" });
    };
    for (const r of [5, 4, 4, 3]) await approveNew(r);
    await give(panel, { ratings: { meeting_needs: 1 }, comment: "Pending, does not count." }, setting);
    expect(await summary()).toEqual({ settingId: setting, suppressed: true, minimumReviews: 5 });
    await approveNew(5);
    const shown = await summary();
    expect(shown).toMatchObject({ suppressed: false, approvedReviews: 5 });
    if (shown.suppressed) throw new Error("still suppressed");
    expect(shown.aspects.find((a) => a.aspect === "meeting_needs")).toEqual({ aspect: "meeting_needs", average: 4.2, ratings: 5 });
    expect(shown.aspects.find((a) => a.aspect === "transitions")).toEqual({ aspect: "transitions", average: null, ratings: 0 });
    const providerUser = await buildUser(db(), { role: "provider", organisationId: provider.id });
    expect((await request(t.app).get(`/api/v1/settings/${setting}/feedback-summary`).set(providerUser.auth)).status).toBe(403);
  });
});
