import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { OrganisationListSchema, OrganisationResponseSchema } from "@shared/schemas/identity";
import { buildOrganisation } from "../factories/organisations";
import { buildUnaffiliatedUser, buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
beforeAll(async () => {
  t = await createTestApp({ seed: true });
  regionId = (await t.database.handle.sql.query<{ id: string }>("SELECT id FROM regions WHERE code = 'north-west'"))[0]?.id ?? "";
});
afterAll(() => t.close());
const db = () => t.database.handle.db;

async function hubAdmin() {
  const [hub] = await t.database.handle.sql.query<{ id: string }>("SELECT id FROM organisations WHERE kind = 'regional_hub' AND region_id = $1", [regionId]);
  return buildUser(db(), { role: "regional_admin", orgAdmin: true, organisationId: hub?.id ?? "" });
}

describe("POST /api/v1/organisations", () => {
  it("should answer 401 without credentials", async () => {
    expect((await request(t.app).post("/api/v1/organisations").send({ name: "X", kind: "provider" })).status).toBe(401);
  });

  it("should let a regional admin add a provider to the region, and audit it", async () => {
    const admin = await hubAdmin();
    const res = await request(t.app)
      .post("/api/v1/organisations")
      .set(admin.auth)
      .send({ name: "Fellside School Trust", kind: "provider", companiesHouseNumber: "sc123456" });
    expect(res.status).toBe(201);
    const { data } = OrganisationResponseSchema.parse(res.body);
    expect(data).toMatchObject({ name: "Fellside School Trust", kind: "provider", regionId, companiesHouseNumber: "SC123456" });
    const audit = await t.database.handle.sql.query<{ action: string; actor_user_id: string }>(
      "SELECT action, actor_user_id FROM audit_log WHERE record_id = $1",
      [data.id],
    );
    expect(audit).toEqual([{ action: "organisation.create", actor_user_id: admin.user.id }]);
  });

  it("should list every bad field", async () => {
    const admin = await hubAdmin();
    const res = await request(t.app).post("/api/v1/organisations").set(admin.auth).send({ name: "", kind: "council", companiesHouseNumber: "12" });
    expect(res.status).toBe(400);
    expect(
      ApiErrorSchema.parse(res.body)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(["body.companiesHouseNumber", "body.laCode", "body.name"]);
  });

  it("should keep a council's placements contact, and refuse one not written as an e-mail address or a phone number", async () => {
    const admin = await hubAdmin();
    const made = await request(t.app)
      .post("/api/v1/organisations")
      .set(admin.auth)
      .send({ name: "Contact Council", kind: "council", laCode: "998", contactEmail: "placements@contact.example", contactPhone: "0161 234 5000" });
    expect(made.status).toBe(201);
    expect(made.body.data).toMatchObject({ contactEmail: "placements@contact.example", contactPhone: "0161 234 5000" });
    const bad = await request(t.app)
      .post("/api/v1/organisations")
      .set(admin.auth)
      .send({ name: "Bad Contact Council", kind: "council", laCode: "997", contactEmail: "not an address", contactPhone: "call us" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["body.contactEmail", "body.contactPhone"]);
  });

  it("should answer 409 with what to do for a council that already exists", async () => {
    const admin = await hubAdmin();
    const res = await request(t.app).post("/api/v1/organisations").set(admin.auth).send({ name: "Manchester Council", kind: "council", laCode: "352" });
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/already exists/);
  });

  it("should refuse (403) anyone but a regional admin, and (403) someone in no organisation", async () => {
    for (const role of ["commissioner", "provider", "parent_panel"] as const) {
      const person = await buildUser(db(), { role, orgAdmin: true });
      expect((await request(t.app).post("/api/v1/organisations").set(person.auth).send({ name: "Sneaky Ltd", kind: "provider" })).status).toBe(403);
    }
    const nobody = await buildUnaffiliatedUser(db());
    const res = await request(t.app).post("/api/v1/organisations").set(nobody.auth).send({ name: "Sneaky Ltd", kind: "provider" });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/not joined an organisation/);
  });
});

describe("GET /api/v1/organisations", () => {
  it("should show a regional admin every organisation of their region and nobody else's", async () => {
    const admin = await hubAdmin();
    const elsewhere = await buildOrganisation(db(), { kind: "council" });
    const { data } = OrganisationListSchema.parse((await request(t.app).get("/api/v1/organisations").set(admin.auth)).body);
    expect(data.length).toBeGreaterThan(40);
    expect(data.every((o) => o.regionId === regionId)).toBe(true);
    expect(data.map((o) => o.id)).not.toContain(elsewhere.id);
  });

  it("should show anyone else only their own organisation, and 404 for another's", async () => {
    const person = await buildUser(db(), { role: "commissioner" });
    const other = await buildOrganisation(db(), { kind: "council" });
    const { data } = OrganisationListSchema.parse((await request(t.app).get("/api/v1/organisations").set(person.auth)).body);
    expect(data.map((o) => o.id)).toEqual([person.user.organisationId]);
    expect((await request(t.app).get(`/api/v1/organisations/${person.user.organisationId}`).set(person.auth)).status).toBe(200);
    expect((await request(t.app).get(`/api/v1/organisations/${other.id}`).set(person.auth)).status).toBe(404);
    expect((await request(t.app).get("/api/v1/organisations/not-a-uuid").set(person.auth)).status).toBe(400);
  });
});

describe("PATCH /api/v1/organisations/:id/contact", () => {
  const contact = (orgId: string) => `/api/v1/organisations/${orgId}/contact`;
  const MANCHESTER_CONTACT = { contactEmail: "placements@manchester.example.gov.uk", contactPhone: "0161 496 0123" };

  it("should answer 401 without credentials", async () => {
    const council = await buildOrganisation(db(), { kind: "council" });
    expect((await request(t.app).patch(contact(council.id)).send(MANCHESTER_CONTACT)).status).toBe(401);
  });

  it("should let the organisation's administrator change its contact, show it to its members, and audit which answers changed (not the values)", async () => {
    const admin = await buildUser(db(), { role: "commissioner", orgAdmin: true });
    const orgId = admin.user.organisationId ?? "";
    const res = await request(t.app)
      .patch(contact(orgId))
      .set(admin.auth)
      .send({ contactEmail: "  placements@manchester.example.gov.uk ", contactPhone: "0161 496 0123" });
    expect(res.status).toBe(200);
    expect(OrganisationResponseSchema.parse(res.body).data).toMatchObject({ id: orgId, ...MANCHESTER_CONTACT });

    const colleague = await buildUser(db(), { role: "commissioner", organisationId: orgId });
    const read = OrganisationResponseSchema.parse((await request(t.app).get(`/api/v1/organisations/${orgId}`).set(colleague.auth)).body);
    expect(read.data).toMatchObject(MANCHESTER_CONTACT);

    // Null removes one answer and keeps the other.
    const removed = await request(t.app).patch(contact(orgId)).set(admin.auth).send({ contactEmail: null, contactPhone: "0161 496 0124" });
    expect(removed.body.data).toMatchObject({ contactEmail: null, contactPhone: "0161 496 0124" });

    const audit = await t.database.handle.sql.query<{ action: string; actor_user_id: string; details: unknown }>(
      "SELECT action, actor_user_id, details FROM audit_log WHERE record_id = $1 AND action = 'organisation.contact_change' ORDER BY seq",
      [orgId],
    );
    expect(audit).toEqual([
      { action: "organisation.contact_change", actor_user_id: admin.user.id, details: { contactEmail: "added", contactPhone: "added" } },
      { action: "organisation.contact_change", actor_user_id: admin.user.id, details: { contactEmail: "removed", contactPhone: "changed" } },
    ]);
    expect(JSON.stringify(audit)).not.toContain("placements@");
  });

  it("should let the region's hub administrator change a provider's contact, and not another region's", async () => {
    const admin = await hubAdmin();
    const provider = await buildOrganisation(db(), { kind: "provider", regionId });
    const res = await request(t.app).patch(contact(provider.id)).set(admin.auth).send({ contactEmail: "referrals@pennine.example.org.uk", contactPhone: null });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ contactEmail: "referrals@pennine.example.org.uk", contactPhone: null });
    const elsewhere = await buildOrganisation(db(), { kind: "council" });
    expect((await request(t.app).patch(contact(elsewhere.id)).set(admin.auth).send(MANCHESTER_CONTACT)).status).toBe(404);
  });

  it("should refuse (403) a member who is not an administrator, and the hub's staff who are not; (404) another organisation's administrator", async () => {
    const admin = await buildUser(db(), { role: "provider", orgAdmin: true });
    const orgId = admin.user.organisationId ?? "";
    const member = await buildUser(db(), { role: "provider", organisationId: orgId });
    const refused = await request(t.app).patch(contact(orgId)).set(member.auth).send(MANCHESTER_CONTACT);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe("Only your organisation's administrators change its contact details.");

    const [hub] = await t.database.handle.sql.query<{ id: string }>("SELECT id FROM organisations WHERE kind = 'regional_hub' AND region_id = $1", [regionId]);
    const staff = await buildUser(db(), { role: "regional_admin", orgAdmin: false, organisationId: hub?.id ?? "" });
    const ours = await buildOrganisation(db(), { kind: "council", regionId });
    expect((await request(t.app).patch(contact(ours.id)).set(staff.auth).send(MANCHESTER_CONTACT)).status).toBe(403);

    const otherAdmin = await buildUser(db(), { role: "commissioner", orgAdmin: true, regionId });
    expect((await request(t.app).patch(contact(orgId)).set(otherAdmin.auth).send(MANCHESTER_CONTACT)).status).toBe(404);
    const after = await t.database.handle.sql.query<{ contact_email: string | null }>("SELECT contact_email FROM organisations WHERE id = ANY($1)", [
      [orgId, ours.id],
    ]);
    expect(after.map((r) => r.contact_email)).toEqual([null, null]);
  });

  it("should answer 400 listing each bad field: NUL, huge, not an e-mail address or a phone number, unknown, missing", async () => {
    const admin = await buildUser(db(), { role: "commissioner", orgAdmin: true });
    const orgId = admin.user.organisationId ?? "";
    const cases: { body: unknown; paths: string[] }[] = [
      { body: { contactEmail: "placements\u0000@council.example", contactPhone: "0161\u0000496 0000" }, paths: ["body.contactEmail", "body.contactPhone"] },
      {
        body: { contactEmail: `${"a".repeat(400_000)}@council.example`, contactPhone: "0".repeat(100_000) },
        paths: ["body.contactEmail", "body.contactPhone"],
      },
      { body: { contactEmail: "not an address", contactPhone: "call the switchboard" }, paths: ["body.contactEmail", "body.contactPhone"] },
      { body: { contactEmail: "", contactPhone: "" }, paths: ["body.contactEmail", "body.contactPhone"] },
      { body: { contactEmail: 12, contactPhone: ["0161"] }, paths: ["body.contactEmail", "body.contactPhone"] },
      { body: {}, paths: ["body.contactEmail", "body.contactPhone"] },
      { body: { ...MANCHESTER_CONTACT, name: "Renamed Council" }, paths: ["body.name"] },
    ];
    for (const { body, paths } of cases) {
      const res = await request(t.app)
        .patch(contact(orgId))
        .set(admin.auth)
        .send(body as object);
      expect(res.status).toBe(400);
      const issues = ApiErrorSchema.parse(res.body).issues ?? [];
      expect(issues.map((i) => i.path).sort()).toEqual(paths);
      for (const issue of issues) expect(issue.message).not.toMatch(/expected|received|invalid/i);
    }
    expect((await request(t.app).patch(contact("not-a-uuid")).set(admin.auth).send(MANCHESTER_CONTACT)).status).toBe(400);
    const [row] = await t.database.handle.sql.query<{ contact_email: string | null; contact_phone: string | null }>(
      "SELECT contact_email, contact_phone FROM organisations WHERE id = $1",
      [orgId],
    );
    expect(row).toEqual({ contact_email: null, contact_phone: null });
  });
});
