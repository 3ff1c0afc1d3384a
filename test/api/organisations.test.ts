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
