import request from "supertest";
import { InvitationResponseSchema, MemberListSchema } from "@shared/schemas/identity";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());
const db = () => t.database.handle.db;
const sql = () => t.database.handle.sql;

async function councilWithAdmin() {
  const admin = await buildUser(db(), { role: "commissioner", orgAdmin: true });
  return { admin, orgId: admin.user.organisationId ?? "" };
}

describe("Invitations", () => {
  it("should let an organisation's administrator invite someone with a role fitting the organisation, and audit it without the address", async () => {
    const { admin, orgId } = await councilWithAdmin();
    const res = await request(t.app)
      .post(`/api/v1/organisations/${orgId}/invitations`)
      .set(admin.auth)
      .send({ email: "  New.Person@Council.Example ", role: "commissioner" });
    expect(res.status).toBe(201);
    const { data } = InvitationResponseSchema.parse(res.body);
    expect(data).toMatchObject({ email: "new.person@council.example", role: "commissioner", orgAdmin: false, acceptedAt: null });
    expect(new Date(data.expiresAt ?? 0).getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    const audit = await sql().query<{ action: string; details: unknown }>("SELECT action, details FROM audit_log WHERE record_id = $1", [data.id]);
    expect(audit[0]?.action).toBe("invitation.create");
    expect(JSON.stringify(audit)).not.toContain("new.person");
  });

  it("should refuse a role that does not fit the organisation, naming the field", async () => {
    const { admin, orgId } = await councilWithAdmin();
    const res = await request(t.app).post(`/api/v1/organisations/${orgId}/invitations`).set(admin.auth).send({ email: "x@council.example", role: "provider" });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([{ path: "body.role", message: expect.stringContaining("choose commissioner") }]);
  });

  it("should answer 409 for a second open invitation to one address, and allow it once the first is revoked", async () => {
    const { admin, orgId } = await councilWithAdmin();
    const first = await request(t.app)
      .post(`/api/v1/organisations/${orgId}/invitations`)
      .set(admin.auth)
      .send({ email: "twice@council.example", role: "commissioner" });
    const second = await request(t.app)
      .post(`/api/v1/organisations/${orgId}/invitations`)
      .set(admin.auth)
      .send({ email: "twice@council.example", role: "commissioner" });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/Revoke it first/);
    expect((await request(t.app).delete(`/api/v1/organisations/${orgId}/invitations/${first.body.data.id}`).set(admin.auth)).status).toBe(204);
    const third = await request(t.app)
      .post(`/api/v1/organisations/${orgId}/invitations`)
      .set(admin.auth)
      .send({ email: "twice@council.example", role: "commissioner" });
    expect(third.status).toBe(201);
  });

  it("should refuse (403) a member who is not an administrator, and (404) another organisation's administrator", async () => {
    const { orgId } = await councilWithAdmin();
    const colleague = await buildUser(db(), { role: "commissioner", organisationId: orgId });
    const outsider = await buildUser(db(), { role: "commissioner", orgAdmin: true });
    const body = { email: "y@council.example", role: "commissioner" };
    expect((await request(t.app).post(`/api/v1/organisations/${orgId}/invitations`).set(colleague.auth).send(body)).status).toBe(403);
    expect((await request(t.app).post(`/api/v1/organisations/${orgId}/invitations`).set(outsider.auth).send(body)).status).toBe(404);
    expect((await request(t.app).get(`/api/v1/organisations/${orgId}/members`).set(outsider.auth)).status).toBe(404);
  });
});

describe("Members", () => {
  it("should change a colleague's administrator setting and audit the change from and to", async () => {
    const { admin, orgId } = await councilWithAdmin();
    const colleague = await buildUser(db(), { role: "commissioner", organisationId: orgId });
    const res = await request(t.app).patch(`/api/v1/organisations/${orgId}/members/${colleague.user.id}`).set(admin.auth).send({ orgAdmin: true });
    expect(res.status).toBe(200);
    expect(res.body.data.orgAdmin).toBe(true);
    const [row] = await sql().query<{ details: { from: unknown; to: unknown } }>(
      "SELECT details FROM audit_log WHERE action = 'member.role_change' AND record_id = $1",
      [colleague.user.id],
    );
    expect(row?.details).toMatchObject({ from: { role: "commissioner", orgAdmin: false }, to: { role: "commissioner", orgAdmin: true } });
  });

  it("should answer 409 when an administrator tries to change or remove themselves", async () => {
    const { admin, orgId } = await councilWithAdmin();
    expect((await request(t.app).patch(`/api/v1/organisations/${orgId}/members/${admin.user.id}`).set(admin.auth).send({ orgAdmin: false })).status).toBe(409);
    expect((await request(t.app).delete(`/api/v1/organisations/${orgId}/members/${admin.user.id}`).set(admin.auth)).status).toBe(409);
  });

  it("should remove a colleague: gone from the list, their token dead at once", async () => {
    const { admin, orgId } = await councilWithAdmin();
    const colleague = await buildUser(db(), { role: "commissioner", organisationId: orgId });
    expect((await request(t.app).get("/api/v1/me").set(colleague.auth)).status).toBe(200);
    expect((await request(t.app).delete(`/api/v1/organisations/${orgId}/members/${colleague.user.id}`).set(admin.auth)).status).toBe(204);
    expect((await request(t.app).get("/api/v1/me").set(colleague.auth)).status).toBe(401);
    const { data } = MemberListSchema.parse((await request(t.app).get(`/api/v1/organisations/${orgId}/members`).set(admin.auth)).body);
    expect(data.map((m) => m.id)).toEqual([admin.user.id]);
    expect((await request(t.app).delete(`/api/v1/organisations/${orgId}/members/${colleague.user.id}`).set(admin.auth)).status).toBe(404);
  });
});
