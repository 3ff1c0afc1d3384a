import request from "supertest";
import { MeSchema } from "@shared/schemas/identity";
import { buildUser } from "../factories/users";
import { signInAs } from "../setup/browserless-sign-in";
import { startTestServer, type TestServer } from "../setup/test-server";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ requireClient: false, env: { ADMIN_EMAILS: "Lead@Hub.Example" } });
});
afterAll(() => t.close());
const db = () => t.testApp.database.handle.db;

async function invite(email: string) {
  const admin = await buildUser(db(), { role: "commissioner", orgAdmin: true });
  const res = await request(t.url).post(`/api/v1/organisations/${admin.user.organisationId}/invitations`).set(admin.auth).send({ email, role: "commissioner" });
  expect(res.status).toBe(201);
  return { admin, invitationId: res.body.data.id as string };
}

const meOf = async (cookie: string) => MeSchema.parse(await (await fetch(`${t.url}/api/v1/me`, { headers: { cookie } })).json()).data;

describe("Joining an organisation at first sign-in", () => {
  it("should join the organisation whose open invitation matches the verified address", async () => {
    const { admin, invitationId } = await invite("joiner@council.example");
    const result = await signInAs(t.url, "Joiner@Council.Example");
    expect(result.landedOn).toBe("/commissioner");
    const me = await meOf(result.jar.header());
    expect(me.organisation?.id).toBe(admin.user.organisationId);
    const invitation = await request(t.url).get(`/api/v1/organisations/${admin.user.organisationId}/invitations`).set(admin.auth);
    expect(invitation.body.data.find((i: { id: string }) => i.id === invitationId).acceptedAt).not.toBeNull();
  });

  it("should not join through an invitation when the provider has not verified the address", async () => {
    await invite("unverified@council.example");
    const result = await signInAs(t.url, "unverified@council.example", { verified: false });
    expect(result.landedOn).toBe("/no-access");
  });

  it("should not join through an expired invitation", async () => {
    const { invitationId } = await invite("late@council.example");
    await t.testApp.database.handle.sql.query("UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1", [invitationId]);
    expect((await signInAs(t.url, "late@council.example")).landedOn).toBe("/no-access");
  });

  it("should make an ADMIN_EMAILS address a regional administrator of the hub, and audit it", async () => {
    const result = await signInAs(t.url, "lead@hub.example");
    expect(result.landedOn).toBe("/admin");
    const me = await meOf(result.jar.header());
    expect(me.user).toMatchObject({ role: "regional_admin", orgAdmin: true });
    expect(me.organisation?.kind).toBe("regional_hub");
    const rows = await t.testApp.database.handle.sql.query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1", [me.user.id]);
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["member.bootstrap_admin", "auth.sign_in"]));
  });

  it("should keep the same person across sign-ins (issuer and subject, not e-mail)", async () => {
    const first = await meOf((await signInAs(t.url, "steady@council.example")).jar.header());
    const second = await meOf((await signInAs(t.url, "steady@council.example")).jar.header());
    expect(second.user.id).toBe(first.user.id);
  });
});
