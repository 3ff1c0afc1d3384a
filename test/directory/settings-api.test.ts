import request from "supertest";
import { type SettingCreateInput, SettingListSchema, SettingResponseSchema } from "@shared/schemas/settings";
import { admitProvider, buildSetting } from "../factories/directory";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let providerId: string;
let admin: BuiltUser;
let staff: BuiltUser;
let commissioner: BuiltUser;
let hub: BuiltUser;
const db = () => t.database.handle.db;
const sql = () => t.database.handle.sql;

const complete: SettingCreateInput = {
  urn: "654321",
  name: "Moss Side Academy",
  establishmentTypeCode: "10",
  lotNumbers: [1],
  ageLow: 7,
  ageHigh: 18,
  sexAdmitted: "mixed",
  residentialTypes: ["day"],
  registeredCapacity: 40,
  vacancies: 3,
  needs: [
    { code: "ASD", level: "specialist" },
    { code: "SLCN", level: "supported" },
  ],
  risksManaged: ["riskMissing"],
  therapies: ["speech_and_language"],
  staffingRatios: ["1:1"],
  ofstedGrade: 2,
  ofstedInspectionDate: "2025-03-01",
  address: { line1: "1 Moss Lane", town: "Manchester", postcode: "m14 4pe" },
  description: "A day school for autistic pupils.",
};

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  regionId = (await buildRegion(db())).id;
  providerId = (await buildOrganisation(db(), { kind: "provider", regionId })).id;
  await admitProvider(db(), { organisationId: providerId, regionId, lots: [1] });
  admin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: providerId });
  staff = await buildUser(db(), { role: "provider", organisationId: providerId });
  commissioner = await buildUser(db(), { role: "commissioner", regionId });
  const hubOrg = await buildOrganisation(db(), { kind: "regional_hub", regionId });
  hub = await buildUser(db(), { role: "regional_admin", orgAdmin: true, organisationId: hubOrg.id });
});
afterAll(() => t.close());

describe("POST /api/v1/settings", () => {
  it("should answer 401 without credentials and 403 for anyone but a provider's administrator", async () => {
    expect((await request(t.app).post("/api/v1/settings").send(complete)).status).toBe(401);
    expect((await request(t.app).post("/api/v1/settings").set(staff.auth).send(complete)).status).toBe(403);
    expect((await request(t.app).post("/api/v1/settings").set(commissioner.auth).send(complete)).status).toBe(403);
  });

  it("should list every bad field", async () => {
    const res = await request(t.app)
      .post("/api/v1/settings")
      .set(admin.auth)
      .send({
        ...complete,
        urn: "12",
        ageLow: 16,
        ageHigh: 5,
        needs: [{ code: "XX", level: "specialist" }],
        address: { ...complete.address, postcode: "nope" },
      });
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(["body.urn", "body.needs.0.code", "body.address.postcode"]));
  });

  it("should add a draft setting placed by its postcode district, and refuse its URN twice (409)", async () => {
    const res = await request(t.app).post("/api/v1/settings").set(admin.auth).send(complete);
    expect(res.status).toBe(201);
    const { data } = SettingResponseSchema.parse(res.body);
    expect(data).toMatchObject({ status: "draft", outcode: "M14", organisationId: providerId, address: { postcode: "M14 4PE" } });
    expect(data.location?.latitude).toBeCloseTo(53.45, 1);
    const again = await request(t.app).post("/api/v1/settings").set(admin.auth).send(complete);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/claim it/);
  });
});

describe("Publishing, editing and vacancies", () => {
  it("should refuse to publish an incomplete setting, naming everything missing, then publish it once complete", async () => {
    const created = await request(t.app)
      .post("/api/v1/settings")
      .set(admin.auth)
      .send({ ...complete, urn: "654322", lotNumbers: [], needs: [], description: "" });
    const id = created.body.data.id;
    const early = await request(t.app).put(`/api/v1/settings/${id}/status`).set(admin.auth).send({ status: "published" });
    expect(early.status).toBe(400);
    expect(early.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["setting.description", "setting.lotNumbers", "setting.needs"]);
    expect(
      (
        await request(t.app)
          .patch(`/api/v1/settings/${id}`)
          .set(admin.auth)
          .send({ lotNumbers: [1], needs: complete.needs, description: "Now complete." })
      ).status,
    ).toBe(200);
    const published = await request(t.app).put(`/api/v1/settings/${id}/status`).set(admin.auth).send({ status: "published" });
    expect(published.status).toBe(200);
    expect((await request(t.app).get(`/api/v1/settings/${id}`).set(commissioner.auth)).status).toBe(200);
  });

  it("should let any of the provider's staff confirm vacancies, but not edit the setting", async () => {
    const setting = await buildSetting(db(), { organisationId: providerId, registeredCapacity: 5, vacancies: 0 });
    const res = await request(t.app).put(`/api/v1/settings/${setting.id}/vacancies`).set(staff.auth).send({ vacancies: 2 });
    expect(res.status).toBe(200);
    expect(res.body.data.vacancies).toBe(2);
    expect(new Date(res.body.data.vacanciesConfirmedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await request(t.app).put(`/api/v1/settings/${setting.id}/vacancies`).set(staff.auth).send({ vacancies: 6 })).status).toBe(400);
    expect((await request(t.app).patch(`/api/v1/settings/${setting.id}`).set(staff.auth).send({ name: "Renamed" })).status).toBe(403);
    const [audit] = await sql().query<{ details: unknown }>("SELECT details FROM audit_log WHERE action = 'setting.vacancies_update' AND record_id = $1", [
      setting.id,
    ]);
    expect(audit?.details).toEqual({ from: 0, to: 2 });
  });

  it("should hide another provider's settings (404) and drafts from commissioners (404)", async () => {
    const other = await buildUser(db(), { role: "provider", orgAdmin: true, regionId });
    const draft = await buildSetting(db(), { organisationId: providerId, status: "draft" });
    expect((await request(t.app).get(`/api/v1/settings/${draft.id}`).set(other.auth)).status).toBe(404);
    expect((await request(t.app).put(`/api/v1/settings/${draft.id}/vacancies`).set(other.auth).send({ vacancies: 1 })).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/settings/${draft.id}`).set(commissioner.auth)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/settings/${draft.id}`).set(admin.auth)).status).toBe(200);
    expect((await request(t.app).get(`/api/v1/settings/${draft.id}`).set(hub.auth)).status).toBe(200);
  });

  it("should let the hub suspend a setting with a reason the provider sees, which the provider cannot undo", async () => {
    const setting = await buildSetting(db(), { organisationId: providerId });
    expect((await request(t.app).put(`/api/v1/settings/${setting.id}/status`).set(hub.auth).send({ status: "suspended" })).status).toBe(400);
    expect(
      (
        await request(t.app)
          .put(`/api/v1/settings/${setting.id}/status`)
          .set(hub.auth)
          .send({ status: "suspended", reason: "Ofsted inspection found safeguarding failures" })
      ).status,
    ).toBe(200);
    const own = await request(t.app).get(`/api/v1/settings/${setting.id}`).set(admin.auth);
    expect(own.body.data).toMatchObject({ status: "suspended", statusReason: "Ofsted inspection found safeguarding failures" });
    expect((await request(t.app).put(`/api/v1/settings/${setting.id}/status`).set(admin.auth).send({ status: "published" })).status).toBe(403);
    expect((await request(t.app).get(`/api/v1/settings/${setting.id}`).set(commissioner.auth)).status).toBe(404);
  });

  it("should list a provider's own settings of every status", async () => {
    const res = await request(t.app).get(`/api/v1/organisations/${providerId}/settings`).set(staff.auth);
    expect(res.status).toBe(200);
    const { data } = SettingListSchema.parse(res.body);
    expect(new Set(data.map((s) => s.status))).toEqual(new Set(["draft", "published", "suspended"]));
    expect((await request(t.app).get(`/api/v1/organisations/${providerId}/settings`).set(commissioner.auth)).status).toBe(404);
  });
});

describe("Claims of imported settings", () => {
  it("should let a provider claim an unclaimed setting by URN and the hub approve it, moving it to them", async () => {
    const holder = await buildOrganisation(db(), { kind: "provider", regionId, name: "Unclaimed settings (GIAS import)" });
    await sql().query("UPDATE organisations SET holds_unclaimed_settings = true WHERE id = $1", [holder.id]);
    const imported = await buildSetting(db(), { organisationId: holder.id, urn: "777001", status: "draft", source: "gias" });
    expect((await request(t.app).post("/api/v1/setting-claims").send({ urn: "777001" })).status).toBe(401);
    expect((await request(t.app).post("/api/v1/setting-claims").set(admin.auth).send({ urn: "77" })).status).toBe(400);
    expect((await request(t.app).post("/api/v1/setting-claims").set(commissioner.auth).send({ urn: "777001" })).status).toBe(403);
    const claim = await request(t.app).post("/api/v1/setting-claims").set(admin.auth).send({ urn: "777001" });
    expect(claim.status).toBe(201);
    expect((await request(t.app).post("/api/v1/setting-claims").set(admin.auth).send({ urn: "777001" })).status).toBe(409);
    expect(
      (await request(t.app).put(`/api/v1/setting-claims/${claim.body.data.id}`).set(admin.auth).send({ decision: "approved", reason: "mine" })).status,
    ).toBe(403);
    const decided = await request(t.app)
      .put(`/api/v1/setting-claims/${claim.body.data.id}`)
      .set(hub.auth)
      .send({ decision: "approved", reason: "Matches the Ofsted registration" });
    expect(decided.status).toBe(200);
    expect(decided.body.data.status).toBe("approved");
    const moved = await request(t.app).get(`/api/v1/settings/${imported.id}`).set(admin.auth);
    expect(moved.body.data).toMatchObject({ organisationId: providerId, unclaimed: false });
    const second = await buildUser(db(), { role: "provider", orgAdmin: true, regionId });
    expect((await request(t.app).post("/api/v1/setting-claims").set(second.auth).send({ urn: "777001" })).status).toBe(409);
  });
});
