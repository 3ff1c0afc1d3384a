import request from "supertest";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

// Issue 11, hole 4: the hub's `staff@` member (not an administrator) could invite administrators
// to the hub and to councils, and add organisations. Only administrators hand out access.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());
const db = () => t.database.handle.db;

async function region() {
  const { id: regionId } = await buildRegion(db());
  const hub = await buildOrganisation(db(), { kind: "regional_hub", regionId });
  const council = await buildOrganisation(db(), { kind: "council", regionId });
  const staff = await buildUser(db(), { role: "regional_admin", orgAdmin: false, organisationId: hub.id });
  const admin = await buildUser(db(), { role: "regional_admin", orgAdmin: true, organisationId: hub.id });
  const member = await buildUser(db(), { role: "commissioner", organisationId: council.id });
  return { hub, council, staff, admin, member };
}

const count = async (table: string) => (await t.database.handle.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]?.n;

describe("A hub member who is not an administrator", () => {
  it("should not invite anyone to the hub or a council, promote anyone, or add organisations: 403, and nothing changes", async () => {
    const { hub, council, staff, member } = await region();
    const [invitationsBefore, organisationsBefore] = [await count("invitations"), await count("organisations")];
    const attempts = [
      request(t.app)
        .post(`/api/v1/organisations/${hub.id}/invitations`)
        .set(staff.auth)
        .send({ email: "new.admin@hub.example", role: "regional_admin", orgAdmin: true }),
      request(t.app)
        .post(`/api/v1/organisations/${council.id}/invitations`)
        .set(staff.auth)
        .send({ email: "new.admin@council.example", role: "commissioner", orgAdmin: true }),
      request(t.app)
        .post(`/api/v1/organisations/${council.id}/invitations`)
        .set(staff.auth)
        .send({ email: "new.member@council.example", role: "commissioner" }),
      request(t.app).patch(`/api/v1/organisations/${council.id}/members/${member.user.id}`).set(staff.auth).send({ orgAdmin: true }),
      request(t.app).delete(`/api/v1/organisations/${council.id}/members/${member.user.id}`).set(staff.auth),
      request(t.app).post("/api/v1/organisations").set(staff.auth).send({ name: "Staff-made provider", kind: "provider" }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.body.code).toBe("forbidden");
    }
    expect([await count("invitations"), await count("organisations")]).toEqual([invitationsBefore, organisationsBefore]);
    // The staff member still sees the region's organisations.
    expect((await request(t.app).get(`/api/v1/organisations/${council.id}`).set(staff.auth)).status).toBe(200);
  });

  it("should leave all of that to the hub's administrators", async () => {
    const { hub, council, admin, member } = await region();
    expect(
      (
        await request(t.app)
          .post(`/api/v1/organisations/${hub.id}/invitations`)
          .set(admin.auth)
          .send({ email: "second.admin@hub.example", role: "regional_admin", orgAdmin: true })
      ).status,
    ).toBe(201);
    expect(
      (
        await request(t.app)
          .post(`/api/v1/organisations/${council.id}/invitations`)
          .set(admin.auth)
          .send({ email: "first.admin@council.example", role: "commissioner", orgAdmin: true })
      ).status,
    ).toBe(201);
    expect((await request(t.app).patch(`/api/v1/organisations/${council.id}/members/${member.user.id}`).set(admin.auth).send({ orgAdmin: true })).status).toBe(
      200,
    );
    expect((await request(t.app).post("/api/v1/organisations").set(admin.auth).send({ name: "Admin-made provider", kind: "provider" })).status).toBe(201);
  });
});
