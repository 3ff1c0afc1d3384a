import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { FrameworkListSchema, FrameworkResponseSchema } from "@shared/schemas/framework";
import { buildFramework, buildFrameworkWorld, buildRound, buildTermsVersion, testCeiling } from "../factories/frameworks";
import { buildOrganisation } from "../factories/organisations";
import { buildUnaffiliatedUser, buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());
const db = () => t.database.handle.db;
const sql = () => t.database.handle.sql;
const issuePaths = (body: unknown) =>
  ApiErrorSchema.parse(body)
    .issues?.map((i) => i.path)
    .sort();

describe("GET /api/v1/frameworks", () => {
  it("should answer 401 without credentials, and 403 to someone in no organisation", async () => {
    expect((await request(t.app).get("/api/v1/frameworks")).status).toBe(401);
    expect(
      (
        await request(t.app)
          .get("/api/v1/frameworks")
          .set((await buildUnaffiliatedUser(db())).auth)
      ).status,
    ).toBe(403);
  });

  it("should show every member of the region its frameworks, with lots, bands, terms and rounds, and no other region's", async () => {
    const world = await buildFrameworkWorld(db());
    const elsewhere = await buildFramework(db());
    await buildRound(db(), { frameworkId: world.framework.id, state: "upcoming" });
    await buildRound(db(), { frameworkId: world.framework.id, state: "closed" });
    for (const role of ["commissioner", "provider"] as const) {
      const member = await buildUser(db(), { role, regionId: world.region.id });
      const res = await request(t.app).get("/api/v1/frameworks").set(member.auth);
      expect(res.status).toBe(200);
      const { data } = FrameworkListSchema.parse(res.body);
      expect(data.map((f) => f.id)).toEqual([world.framework.id]);
      expect(data.map((f) => f.id)).not.toContain(elsewhere.id);
      const [framework] = data;
      expect(framework?.lots.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(framework?.lots[1]?.bands.map((b) => [b.band, b.weeklyCeilingPence])).toEqual(
        ["A", "B", "C", "D", "E"].map((band) => [band, testCeiling(2, band as "A")]),
      );
      expect(framework?.termsVersions.map((v) => v.version)).toEqual(["1.0"]);
      expect(framework?.rounds.map((r) => r.state).sort()).toEqual(["closed", "open", "upcoming"]);
    }
  });

  it("should show parent carer panel members the framework without any prices", async () => {
    const world = await buildFrameworkWorld(db());
    const panel = await buildUser(db(), { role: "parent_panel", regionId: world.region.id });
    for (const path of ["/api/v1/frameworks", `/api/v1/frameworks/${world.framework.id}`]) {
      const res = await request(t.app).get(path).set(panel.auth);
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toMatch(/weeklyCeilingPence|Pence/);
    }
    const { data } = FrameworkListSchema.parse((await request(t.app).get("/api/v1/frameworks").set(panel.auth)).body);
    expect(data[0]?.lots.map((l) => l.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe("GET /api/v1/frameworks/:id", () => {
  it("should answer 401, 400 for a bad id, 404 for another region's framework, and 200 for one's own", async () => {
    const world = await buildFrameworkWorld(db());
    const elsewhere = await buildFramework(db());
    expect((await request(t.app).get(`/api/v1/frameworks/${world.framework.id}`)).status).toBe(401);
    const bad = await request(t.app).get("/api/v1/frameworks/nope").set(world.admin.auth);
    expect(bad.status).toBe(400);
    expect(issuePaths(bad.body)).toEqual(["params.id"]);
    expect((await request(t.app).get(`/api/v1/frameworks/${elsewhere.id}`).set(world.admin.auth)).status).toBe(404);
    const res = await request(t.app).get(`/api/v1/frameworks/${world.framework.id}`).set(world.providerStaff.auth);
    expect(res.status).toBe(200);
    expect(FrameworkResponseSchema.parse(res.body).data.rounds[0]).toMatchObject({ id: world.round.id, state: "open" });
  });

  it("should list the newest terms version first", async () => {
    const world = await buildFrameworkWorld(db());
    await buildTermsVersion(db(), { frameworkId: world.framework.id, version: "0.9", publishedAt: new Date(Date.now() - 86_400_000 * 400) });
    await buildTermsVersion(db(), { frameworkId: world.framework.id, version: "2.0", publishedAt: new Date(Date.now() + 1000) });
    const { data } = FrameworkResponseSchema.parse((await request(t.app).get(`/api/v1/frameworks/${world.framework.id}`).set(world.admin.auth)).body);
    expect(data.termsVersions.map((v) => v.version)).toEqual(["2.0", "1.0", "0.9"]);
  });
});

describe("PUT /api/v1/frameworks/:id/lots/:lotNumber/bands/:band", () => {
  const path = (id: string, lot: number | string = 2, band = "C") => `/api/v1/frameworks/${id}/lots/${lot}/bands/${band}`;

  it("should answer 401 without credentials", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await request(t.app).put(path(world.framework.id)).send({ weeklyCeilingPence: 1 })).status).toBe(401);
  });

  it("should let the region's admin set a ceiling, and audit it from and to", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app).put(path(world.framework.id)).set(world.admin.auth).send({ weeklyCeilingPence: 654_300 });
    expect(res.status).toBe(200);
    const { data } = FrameworkResponseSchema.parse(res.body);
    expect(data.lots.find((l) => l.number === 2)?.bands.find((b) => b.band === "C")?.weeklyCeilingPence).toBe(654_300);
    expect(data.lots.find((l) => l.number === 2)?.bands.find((b) => b.band === "B")?.weeklyCeilingPence).toBe(testCeiling(2, "B"));
    const audit = await sql().query<{ action: string; record_type: string; actor_user_id: string; details: unknown }>(
      "SELECT action, record_type, actor_user_id, details FROM audit_log WHERE action = 'framework.band_ceiling_change' AND details->>'frameworkId' = $1",
      [world.framework.id],
    );
    expect(audit).toEqual([
      {
        action: "framework.band_ceiling_change",
        record_type: "price_band",
        actor_user_id: world.admin.user.id,
        details: { frameworkId: world.framework.id, lotNumber: 2, band: "C", from: testCeiling(2, "C"), to: 654_300 },
      },
    ]);
  });

  it("should list every bad field: lot, band and ceiling", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app)
      .put(path(world.framework.id, 9, "F"))
      .set(world.admin.auth)
      .send({ weeklyCeilingPence: 12.5, extra: true });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(["body.extra", "body.weeklyCeilingPence", "params.band", "params.lotNumber"]);
    const zero = await request(t.app).put(path(world.framework.id)).set(world.admin.auth).send({ weeklyCeilingPence: 0 });
    expect(zero.body.issues).toEqual([{ path: "body.weeklyCeilingPence", message: "The ceiling must be more than £0" }]);
    expect((await request(t.app).put(path(world.framework.id, "x")).set(world.admin.auth).send({ weeklyCeilingPence: 1 })).status).toBe(400);
  });

  it("should refuse (403) everyone but a regional admin, and (404) another region's admin", async () => {
    const world = await buildFrameworkWorld(db());
    for (const person of [world.providerAdmin, await buildUser(db(), { role: "commissioner", orgAdmin: true, regionId: world.region.id })]) {
      expect((await request(t.app).put(path(world.framework.id)).set(person.auth).send({ weeklyCeilingPence: 1 })).status).toBe(403);
    }
    const outsider = await buildUser(db(), { role: "regional_admin", orgAdmin: true });
    expect((await request(t.app).put(path(world.framework.id)).set(outsider.auth).send({ weeklyCeilingPence: 1 })).status).toBe(404);
  });

  it("should answer 404 for a lot the framework does not have", async () => {
    const world = await buildFrameworkWorld(db());
    await sql().query("DELETE FROM price_bands WHERE lot_id = $1", [world.framework.lotId(7)]);
    expect((await request(t.app).put(path(world.framework.id, 7)).set(world.admin.auth).send({ weeklyCeilingPence: 1 })).status).toBe(404);
  });
});

describe("POST /api/v1/frameworks/:id/terms", () => {
  const body = { version: "2.1", title: "Terms 2026", summary: "Insurance cover raised to £10m." };

  it("should answer 401 without credentials", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/terms`).send(body)).status).toBe(401);
  });

  it("should publish a version that becomes the latest, audited, and answer 409 for the same version again", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/terms`).set(world.admin.auth).send(body);
    expect(res.status).toBe(201);
    const { data } = FrameworkResponseSchema.parse(res.body);
    expect(data.termsVersions[0]).toMatchObject(body);
    const audit = await sql().query("SELECT action FROM audit_log WHERE record_id = $1", [data.termsVersions[0]?.id]);
    expect(audit).toEqual([{ action: "terms_version.publish" }]);
    const again = await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/terms`).set(world.admin.auth).send(body);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/Version 2.1 .* already published/);
  });

  it("should list every bad field", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app)
      .post(`/api/v1/frameworks/${world.framework.id}/terms`)
      .set(world.admin.auth)
      .send({ version: "v2", title: " ", summary: "" });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(["body.summary", "body.title", "body.version"]);
  });

  it("should refuse (403) a provider's administrator, and (404) another region's admin", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/terms`).set(world.providerAdmin.auth).send(body)).status).toBe(403);
    const outsider = await buildUser(db(), { role: "regional_admin", orgAdmin: true });
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/terms`).set(outsider.auth).send(body)).status).toBe(404);
  });
});

describe("POST /api/v1/frameworks/:id/rounds", () => {
  const body = () => ({
    name: "Spring 2027 reopening",
    opensAt: new Date(Date.now() + 86_400_000).toISOString(),
    closesAt: new Date(Date.now() + 31 * 86_400_000).toISOString(),
  });

  it("should answer 401 without credentials", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/rounds`).send(body())).status).toBe(401);
  });

  it("should schedule a round, upcoming by the database clock, and audit it", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/rounds`).set(world.admin.auth).send(body());
    expect(res.status).toBe(201);
    const round = FrameworkResponseSchema.parse(res.body).data.rounds.find((r) => r.name === "Spring 2027 reopening");
    expect(round?.state).toBe("upcoming");
    expect(await sql().query("SELECT action FROM audit_log WHERE record_id = $1", [round?.id])).toEqual([{ action: "admission_round.open" }]);
  });

  it("should list every bad field, including a round that closes before it opens", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app)
      .post(`/api/v1/frameworks/${world.framework.id}/rounds`)
      .set(world.admin.auth)
      .send({ name: "", opensAt: "tomorrow", closesAt: "2020-01-01T00:00:00Z" });
    expect(res.status).toBe(400);
    // The schema's refine also runs on an unreadable opensAt, so closesAt is flagged too.
    expect(issuePaths(res.body)).toEqual(["body.closesAt", "body.name", "body.opensAt"]);
    const backwards = await request(t.app)
      .post(`/api/v1/frameworks/${world.framework.id}/rounds`)
      .set(world.admin.auth)
      .send({ name: "Backwards", opensAt: "2030-02-01T00:00:00Z", closesAt: "2030-01-01T00:00:00Z" });
    expect(backwards.body.issues).toEqual([{ path: "body.closesAt", message: "The round must close after it opens" }]);
  });

  it("should refuse (403) a commissioner, and (404) another region's admin", async () => {
    const world = await buildFrameworkWorld(db());
    const commissioner = await buildUser(db(), { role: "commissioner", orgAdmin: true, regionId: world.region.id });
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/rounds`).set(commissioner.auth).send(body())).status).toBe(403);
    const other = await buildOrganisation(db(), { kind: "regional_hub" });
    const outsider = await buildUser(db(), { role: "regional_admin", orgAdmin: true, organisationId: other.id });
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/rounds`).set(outsider.auth).send(body())).status).toBe(404);
  });
});
