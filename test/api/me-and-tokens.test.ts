import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { ApiTokenCreatedSchema, ApiTokenListSchema, MeSchema } from "@shared/schemas/identity";
import { buildSession } from "../factories/sessions";
import { buildUser } from "../factories/users";
import { signInAs } from "../setup/browserless-sign-in";
import { startTestServer, type TestServer } from "../setup/test-server";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ requireClient: false });
});
afterAll(() => t.close());

const db = () => t.testApp.database.handle.db;
const sql = () => t.testApp.database.handle.sql;

/** A signed-in browser session: cookie plus the CSRF token from /me. */
async function browserSession(email = "commissioner@bolton-council.example") {
  const { jar } = await signInAs(t.url, email);
  const me = MeSchema.parse(await (await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).json());
  return { cookie: jar.header(), csrf: me.data.csrfToken ?? "" };
}

describe("GET /api/v1/me", () => {
  it("should answer 401 JSON without credentials", async () => {
    const res = await request(t.url).get("/api/v1/me");
    expect(res.status).toBe(401);
    expect(ApiErrorSchema.parse(res.body).code).toBe("unauthorized");
  });

  it("should answer 401 for a bearer token that is not a live token", async () => {
    const res = await request(t.url).get("/api/v1/me").set("Authorization", "Bearer pxt_notarealtokennotarealtokennotarealtoken123");
    expect(res.status).toBe(401);
  });

  it("should describe the person behind an API token, with their organisation and role", async () => {
    const person = await buildUser(db(), { role: "provider", orgAdmin: true });
    const res = await request(t.url).get("/api/v1/me").set(person.auth);
    expect(res.status).toBe(200);
    const { data } = MeSchema.parse(res.body);
    expect(data).toMatchObject({ user: { id: person.user.id, role: "provider", orgAdmin: true }, authenticatedBy: "token" });
    expect(data.csrfToken).toBeUndefined();
  });
});

describe("API tokens", () => {
  it("should make a token from a browser session, show the secret once, store only its hash, and audit it", async () => {
    const session = await browserSession();
    const created = await request(t.url)
      .post("/api/v1/me/tokens")
      .set({ cookie: session.cookie, "X-CSRF-Token": session.csrf })
      .send({ name: "Case management system", expiresInDays: 30 });
    expect(created.status).toBe(201);
    const { data } = ApiTokenCreatedSchema.parse(created.body);
    expect(data.token).toMatch(/^pxt_/);
    expect(data.token.startsWith(data.prefix)).toBe(true);

    const stored = await sql().query<{ token_hash: string }>("SELECT token_hash FROM api_tokens WHERE id = $1", [data.id]);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await sql().query("SELECT * FROM api_tokens"))).not.toContain(data.token);

    const me = await request(t.url).get("/api/v1/me").set("Authorization", `Bearer ${data.token}`);
    expect(me.body.data.user.email).toBe("commissioner@bolton-council.example");
    const list = ApiTokenListSchema.parse((await request(t.url).get("/api/v1/me/tokens").set({ cookie: session.cookie })).body);
    expect(list.data.find((tk) => tk.id === data.id)).not.toHaveProperty("token");
    const audit = await sql().query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1", [data.id]);
    expect(audit.map((a) => a.action)).toEqual(["token.create"]);
  });

  it("should refuse to make a token with a token, or without a CSRF proof from a cookie", async () => {
    const person = await buildUser(db());
    expect((await request(t.url).post("/api/v1/me/tokens").set(person.auth).send({ name: "x" })).status).toBe(403);
    const session = await browserSession();
    const forged = await request(t.url).post("/api/v1/me/tokens").set({ cookie: session.cookie }).send({ name: "x" });
    expect(forged.status).toBe(403);
  });

  it("should list every bad field of a token request", async () => {
    const session = await browserSession();
    const res = await request(t.url)
      .post("/api/v1/me/tokens")
      .set({ cookie: session.cookie, "X-CSRF-Token": session.csrf })
      .send({ name: "", expiresInDays: 400, scope: "all" });
    expect(res.status).toBe(400);
    expect(
      ApiErrorSchema.parse(res.body)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(["body.expiresInDays", "body.name", "body.scope"]);
  });

  it("should stop a revoked token at once, and answer 404 for someone else's token", async () => {
    const session = await browserSession();
    const { data } = ApiTokenCreatedSchema.parse(
      (await request(t.url).post("/api/v1/me/tokens").set({ cookie: session.cookie, "X-CSRF-Token": session.csrf }).send({ name: "short-lived" })).body,
    );
    const other = await browserSession("commissioner@bury-council.example");
    expect((await request(t.url).delete(`/api/v1/me/tokens/${data.id}`).set({ cookie: other.cookie, "X-CSRF-Token": other.csrf })).status).toBe(404);
    expect((await request(t.url).get("/api/v1/me").set("Authorization", `Bearer ${data.token}`)).status).toBe(200);
    expect((await request(t.url).delete(`/api/v1/me/tokens/${data.id}`).set({ cookie: session.cookie, "X-CSRF-Token": session.csrf })).status).toBe(204);
    expect((await request(t.url).get("/api/v1/me").set("Authorization", `Bearer ${data.token}`)).status).toBe(401);
  });

  it("should refuse (403) a parent carer panel member a token, even from a browser session, and make none", async () => {
    for (const orgAdmin of [false, true]) {
      const panel = await buildUser(db(), { role: "parent_panel", orgAdmin });
      const session = await buildSession(db(), t.testApp.env, panel.user.id);
      const res = await request(t.url).post("/api/v1/me/tokens").set(session.headers).send({ name: "my integration" });
      expect(res.status).toBe(403);
      expect(ApiErrorSchema.parse(res.body).message).toBe("Parent carer panels do not use API tokens: they are for councils' and providers' own systems.");
      const made = await sql().query("SELECT 1 FROM api_tokens WHERE user_id = $1 AND name = 'my integration'", [panel.user.id]);
      expect(made).toEqual([]);
    }
    // The same session route makes one for a provider.
    const provider = await buildUser(db(), { role: "provider" });
    const session = await buildSession(db(), t.testApp.env, provider.user.id);
    expect((await request(t.url).post("/api/v1/me/tokens").set(session.headers).send({ name: "my integration" })).status).toBe(201);
  });

  it("should refuse an expired token", async () => {
    const person = await buildUser(db());
    await sql().query("UPDATE api_tokens SET created_at = now() - interval '3 days', expires_at = now() - interval '1 second' WHERE user_id = $1", [
      person.user.id,
    ]);
    expect((await request(t.url).get("/api/v1/me").set(person.auth)).status).toBe(401);
  });

  it("should slow down someone making many tokens (429 with a code)", async () => {
    const limited = await startTestServer({ requireClient: false, rateLimits: { tokensPerHour: 2 } });
    try {
      const { jar } = await signInAs(limited.url, "commissioner@wigan-council.example");
      const me = MeSchema.parse(await (await fetch(`${limited.url}/api/v1/me`, { headers: { cookie: jar.header() } })).json());
      const make = () =>
        request(limited.url)
          .post("/api/v1/me/tokens")
          .set({ cookie: jar.header(), "X-CSRF-Token": me.data.csrfToken ?? "" })
          .send({ name: "n" });
      expect((await make()).status).toBe(201);
      expect((await make()).status).toBe(201);
      const third = await make();
      expect(third.status).toBe(429);
      expect(third.body.code).toBe("rate_limited");
    } finally {
      await limited.close();
    }
  });
});
