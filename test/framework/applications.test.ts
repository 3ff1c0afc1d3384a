import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { ProviderApplicationListSchema, ProviderApplicationResponseSchema } from "@shared/schemas/framework";
import {
  buildAdmission,
  buildApplication,
  buildFramework,
  buildFrameworkWorld,
  buildRound,
  buildTermsVersion,
  lotAdmissionStatus,
} from "../factories/frameworks";
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

type World = Awaited<ReturnType<typeof buildFrameworkWorld>>;
const applicationBody = (world: World, overrides: Record<string, unknown> = {}) => ({
  roundId: world.round.id,
  lotNumbers: [1, 2],
  companiesHouseNumber: "sc123456",
  contactName: "Alex Provider",
  contactEmail: " Alex@Provider.Example ",
  contactPhone: "0161 496 0000",
  settingsOffered: "Two day special schools for autistic pupils aged 5 to 16.",
  declarations: { termsVersionId: world.terms.id, acceptsTerms: true, safeguarding: true, insurance: true, accurateInformation: true },
  ...overrides,
});
const apply = (world: World, body: object, who = world.providerAdmin) =>
  request(t.app).post(`/api/v1/frameworks/${world.framework.id}/applications`).set(who.auth).send(body);
const decide = (world: World, organisationId: string, lot: number, body: object, who = world.admin) =>
  request(t.app).put(`/api/v1/frameworks/${world.framework.id}/admissions/${organisationId}/lots/${lot}`).set(who.auth).send(body);

describe("POST /api/v1/frameworks/:id/applications", () => {
  it("should answer 401 without credentials", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await request(t.app).post(`/api/v1/frameworks/${world.framework.id}/applications`).send(applicationBody(world))).status).toBe(401);
  });

  it("should let a provider's administrator apply for lots in an open round, each 'applied', and audit it", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await apply(world, applicationBody(world));
    expect(res.status).toBe(201);
    const { data } = ProviderApplicationResponseSchema.parse(res.body);
    expect(data).toMatchObject({
      frameworkId: world.framework.id,
      roundId: world.round.id,
      organisationId: world.provider.id,
      organisationName: world.provider.name,
      companiesHouseNumber: "SC123456",
      contactEmail: "alex@provider.example",
      termsVersionId: world.terms.id,
      lots: [
        { lotNumber: 1, status: "applied", reason: null, decidedAt: null },
        { lotNumber: 2, status: "applied", reason: null, decidedAt: null },
      ],
    });
    const audit = await sql().query<{ action: string; actor_user_id: string; details: unknown }>(
      "SELECT action, actor_user_id, details FROM audit_log WHERE record_id = $1",
      [data.id],
    );
    expect(audit).toEqual([
      {
        action: "provider_application.submit",
        actor_user_id: world.providerAdmin.user.id,
        details: {
          frameworkId: world.framework.id,
          roundId: world.round.id,
          organisationId: world.provider.id,
          lotNumbers: [1, 2],
          termsVersionId: world.terms.id,
        },
      },
    ]);
  });

  it("should list every bad field", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await apply(world, {
      roundId: "x",
      lotNumbers: [1, 1, 8],
      companiesHouseNumber: "123",
      contactName: "",
      contactEmail: "not-an-address",
      contactPhone: "call me",
      settingsOffered: "",
      declarations: { termsVersionId: "x", acceptsTerms: false, safeguarding: false, insurance: "yes", accurateInformation: false },
      colour: "blue",
    });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual([
      "body.colour",
      "body.companiesHouseNumber",
      "body.contactEmail",
      "body.contactName",
      "body.contactPhone",
      "body.declarations.acceptsTerms",
      "body.declarations.accurateInformation",
      "body.declarations.insurance",
      "body.declarations.safeguarding",
      "body.declarations.termsVersionId",
      "body.lotNumbers",
      "body.lotNumbers.2",
      "body.roundId",
      "body.settingsOffered",
    ]);
  });

  it("should answer 409 'the round is not open' for an upcoming or closed round, and 400 for another framework's round", async () => {
    const world = await buildFrameworkWorld(db());
    for (const state of ["upcoming", "closed"] as const) {
      const round = await buildRound(db(), { frameworkId: world.framework.id, state });
      const res = await apply(world, applicationBody(world, { roundId: round.id }));
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/round is not open/);
    }
    const foreign = await buildRound(db(), { frameworkId: (await buildFramework(db())).id });
    const res = await apply(world, applicationBody(world, { roundId: foreign.id }));
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(["body.roundId"]);
    expect(await lotAdmissionStatus(db(), world.framework, world.provider.id, 1)).toBeUndefined();
  });

  it("should answer 400 on the terms version unless it is the latest", async () => {
    const world = await buildFrameworkWorld(db());
    const newer = await buildTermsVersion(db(), { frameworkId: world.framework.id, version: "2.0", publishedAt: new Date(Date.now() + 1000) });
    const res = await apply(world, applicationBody(world));
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "body.declarations.termsVersionId", message: "Accept the current terms and conditions (version 2.0)" }]);
    const ok = await apply(world, applicationBody(world, { declarations: { ...applicationBody(world).declarations, termsVersionId: newer.id } }));
    expect(ok.status).toBe(201);
  });

  it("should answer 409 naming the status of a lot already applied for or admitted", async () => {
    const world = await buildFrameworkWorld(db());
    await buildAdmission(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [2] });
    const res = await apply(world, applicationBody(world, { lotNumbers: [1, 2] }));
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/lot 2: its status is "admitted"/);
    expect(await lotAdmissionStatus(db(), world.framework, world.provider.id, 1)).toBeUndefined();
    expect((await apply(world, applicationBody(world, { lotNumbers: [1] }))).status).toBe(201);
    const again = await apply(world, applicationBody(world, { lotNumbers: [1] }));
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/lot 1: its status is "applied"/);
  });

  it("should let a provider rejected on a lot apply again only in a later round", async () => {
    const world = await buildFrameworkWorld(db());
    await buildApplication(db(), {
      framework: world.framework,
      organisationId: world.provider.id,
      lotNumbers: [3],
      status: "rejected",
      roundId: world.round.id,
    });
    const same = await apply(world, applicationBody(world, { lotNumbers: [3] }));
    expect(same.status).toBe(409);
    expect(same.body.message).toMatch(/its status is "rejected" .*later round/);
    const later = await buildRound(db(), { frameworkId: world.framework.id });
    const res = await apply(world, applicationBody(world, { roundId: later.id, lotNumbers: [3] }));
    expect(res.status).toBe(201);
    expect(ProviderApplicationResponseSchema.parse(res.body).data.lots).toEqual([{ lotNumber: 3, status: "applied", reason: null, decidedAt: null }]);
  });

  it("should refuse (403) a provider's ordinary member and other roles, and (404) another region's provider", async () => {
    const world = await buildFrameworkWorld(db());
    expect((await apply(world, applicationBody(world), world.providerStaff)).status).toBe(403);
    expect((await apply(world, applicationBody(world), world.admin)).status).toBe(403);
    const commissioner = await buildUser(db(), { role: "commissioner", orgAdmin: true, regionId: world.region.id });
    expect((await apply(world, applicationBody(world), commissioner)).status).toBe(403);
    const outsider = await buildUser(db(), { role: "provider", orgAdmin: true });
    expect((await apply(world, applicationBody(world), outsider)).status).toBe(404);
  });
});

describe("GET /api/v1/frameworks/:id/applications", () => {
  it("should answer 401 without credentials, and 403 to a commissioner, a panel member or someone in no organisation", async () => {
    const world = await buildFrameworkWorld(db());
    const path = `/api/v1/frameworks/${world.framework.id}/applications`;
    expect((await request(t.app).get(path)).status).toBe(401);
    for (const role of ["commissioner", "parent_panel"] as const) {
      expect(
        (
          await request(t.app)
            .get(path)
            .set((await buildUser(db(), { role, orgAdmin: true, regionId: world.region.id })).auth)
        ).status,
      ).toBe(403);
    }
    expect(
      (
        await request(t.app)
          .get(path)
          .set((await buildUnaffiliatedUser(db())).auth)
      ).status,
    ).toBe(403);
  });

  it("should show the hub every application (filtered by a lot status), and a provider only its own", async () => {
    const world = await buildFrameworkWorld(db());
    const other = await buildOrganisation(db(), { kind: "provider", regionId: world.region.id });
    const ours = await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1] });
    const theirs = await buildAdmission(db(), { framework: world.framework, organisationId: other.id, lotNumbers: [2] });
    const path = `/api/v1/frameworks/${world.framework.id}/applications`;

    const all = ProviderApplicationListSchema.parse((await request(t.app).get(path).set(world.admin.auth)).body).data;
    expect(all.map((a) => a.id).sort()).toEqual([ours.id, theirs.id].sort());
    const applied = ProviderApplicationListSchema.parse((await request(t.app).get(`${path}?status=applied`).set(world.admin.auth)).body).data;
    expect(applied.map((a) => a.id)).toEqual([ours.id]);
    const own = ProviderApplicationListSchema.parse((await request(t.app).get(path).set(world.providerStaff.auth)).body).data;
    expect(own.map((a) => a.id)).toEqual([ours.id]);
  });

  it("should list bad query fields, and answer 404 for another region's framework", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app).get(`/api/v1/frameworks/${world.framework.id}/applications?status=pending&page=-1`).set(world.admin.auth);
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(["query.page", "query.status.0"]);
    const elsewhere = await buildFramework(db());
    expect((await request(t.app).get(`/api/v1/frameworks/${elsewhere.id}/applications`).set(world.admin.auth)).status).toBe(404);
  });
});

describe("GET /api/v1/frameworks/:id/applications/:applicationId", () => {
  it("should show the application to the hub and to the applying provider's members, and 404 to anyone else", async () => {
    const world = await buildFrameworkWorld(db());
    const application = await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [4] });
    const path = `/api/v1/frameworks/${world.framework.id}/applications/${application.id}`;
    expect((await request(t.app).get(path)).status).toBe(401);
    for (const who of [world.admin, world.providerStaff]) {
      const res = await request(t.app).get(path).set(who.auth);
      expect(res.status).toBe(200);
      expect(ProviderApplicationResponseSchema.parse(res.body).data.id).toBe(application.id);
    }
    const otherProvider = await buildUser(db(), { role: "provider", orgAdmin: true, regionId: world.region.id });
    const commissioner = await buildUser(db(), { role: "commissioner", orgAdmin: true, regionId: world.region.id });
    const otherHub = await buildUser(db(), { role: "regional_admin", orgAdmin: true });
    for (const who of [otherProvider, commissioner, otherHub]) expect((await request(t.app).get(path).set(who.auth)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/frameworks/${world.framework.id}/applications/${world.round.id}`).set(world.admin.auth)).status).toBe(404);
    const bad = await request(t.app).get(`/api/v1/frameworks/${world.framework.id}/applications/x`).set(world.admin.auth);
    expect(issuePaths(bad.body)).toEqual(["params.applicationId"]);
  });
});

describe("PUT /api/v1/frameworks/:id/admissions/:organisationId/lots/:lotNumber", () => {
  it("should answer 401 without credentials", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app)
      .put(`/api/v1/frameworks/${world.framework.id}/admissions/${world.provider.id}/lots/1`)
      .send({ status: "admitted", reason: "x" });
    expect(res.status).toBe(401);
  });

  it("should admit a provider with a reason it then sees, and audit the decision with the reason", async () => {
    const world = await buildFrameworkWorld(db());
    const application = await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1, 2] });
    const res = await decide(world, world.provider.id, 2, { status: "admitted", reason: "Meets the quality criteria." });
    expect(res.status).toBe(200);
    const { data } = ProviderApplicationResponseSchema.parse(res.body);
    expect(data.id).toBe(application.id);
    expect(data.lots.map((l) => [l.lotNumber, l.status, l.reason])).toEqual([
      [1, "applied", null],
      [2, "admitted", "Meets the quality criteria."],
    ]);
    expect(data.lots[1]?.decidedAt).not.toBeNull();

    const seen = await request(t.app).get(`/api/v1/frameworks/${world.framework.id}/applications/${application.id}`).set(world.providerStaff.auth);
    expect(seen.body.data.lots[1]).toMatchObject({ status: "admitted", reason: "Meets the quality criteria." });
    const row = await lotAdmissionStatus(db(), world.framework, world.provider.id, 2);
    expect(row?.decidedBy).toBe(world.admin.user.id);
    const audit = await sql().query<{ action: string; reason: string; details: unknown }>(
      "SELECT action, reason, details FROM audit_log WHERE record_id = $1",
      [row?.id],
    );
    expect(audit).toEqual([
      {
        action: "lot_admission.status_change",
        reason: "Meets the quality criteria.",
        details: {
          frameworkId: world.framework.id,
          organisationId: world.provider.id,
          lotNumber: 2,
          applicationId: application.id,
          from: "applied",
          to: "admitted",
        },
      },
    ]);
  });

  it("should follow the transitions: applied→admitted|rejected, admitted→suspended, suspended→admitted; anything else 409 with the current status", async () => {
    const world = await buildFrameworkWorld(db());
    await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1, 2] });
    const steps: [number, string, number, RegExp?][] = [
      [1, "suspended", 409, /Lot 1 is "applied".*admit or reject/],
      [1, "admitted", 200],
      [1, "admitted", 409, /Lot 1 is "admitted".*suspend/],
      [1, "rejected", 409, /Lot 1 is "admitted"/],
      [1, "suspended", 200],
      [1, "rejected", 409, /Lot 1 is "suspended"/],
      [1, "admitted", 200],
      [2, "rejected", 200],
      [2, "admitted", 409, /Lot 2 is "rejected".*later admission round/],
      [2, "suspended", 409, /Lot 2 is "rejected"/],
    ];
    for (const [lot, status, expected, message] of steps) {
      const res = await decide(world, world.provider.id, lot, { status, reason: `To ${status}` });
      expect([lot, status, res.status]).toEqual([lot, status, expected]);
      if (message) expect(res.body.message).toMatch(message);
    }
    expect((await lotAdmissionStatus(db(), world.framework, world.provider.id, 1))?.status).toBe("admitted");
    expect((await lotAdmissionStatus(db(), world.framework, world.provider.id, 2))?.status).toBe("rejected");
  });

  it("should answer 404 for a lot the provider never applied for, or a provider of another region", async () => {
    const world = await buildFrameworkWorld(db());
    await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1] });
    expect((await decide(world, world.provider.id, 3, { status: "admitted", reason: "x" })).status).toBe(404);
    const stranger = await buildOrganisation(db(), { kind: "provider" });
    expect((await decide(world, stranger.id, 1, { status: "admitted", reason: "x" })).status).toBe(404);
  });

  it("should list every bad field", async () => {
    const world = await buildFrameworkWorld(db());
    const res = await request(t.app)
      .put(`/api/v1/frameworks/${world.framework.id}/admissions/x/lots/0`)
      .set(world.admin.auth)
      .send({ status: "applied", reason: " " });
    expect(res.status).toBe(400);
    expect(issuePaths(res.body)).toEqual(["body.reason", "body.status", "params.lotNumber", "params.organisationId"]);
  });

  it("should refuse (403) a provider's administrator, and (404) another region's admin", async () => {
    const world = await buildFrameworkWorld(db());
    await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [1] });
    expect((await decide(world, world.provider.id, 1, { status: "admitted", reason: "Self-admitted" }, world.providerAdmin)).status).toBe(403);
    const outsider = await buildUser(db(), { role: "regional_admin", orgAdmin: true });
    expect((await decide(world, world.provider.id, 1, { status: "admitted", reason: "x" }, outsider)).status).toBe(404);
    expect((await lotAdmissionStatus(db(), world.framework, world.provider.id, 1))?.status).toBe("applied");
  });
});
