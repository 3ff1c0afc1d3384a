import { signInAs } from "../setup/browserless-sign-in";
import { startTestServer, type TestServer } from "../setup/test-server";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ requireClient: false, rateLimits: { signInPerMinute: 8 } });
});
afterAll(() => t.close());

const sql = () => t.testApp.database.handle.sql;
const sidOf = (cookie: string | undefined) =>
  decodeURIComponent(cookie ?? "")
    .slice(2)
    .split(".")[0] ?? "";

describe("Session limits", () => {
  it("should end a session idle for more than 30 minutes", async () => {
    const { jar } = await signInAs(t.url, "commissioner@oldham-council.example");
    const [row] = await sql().query<{ expires_at: Date; created_at: Date }>("SELECT expires_at, created_at FROM sessions WHERE sid = $1", [
      sidOf(jar.get("px.sid")),
    ]);
    const idleMinutes = ((row?.expires_at.getTime() ?? 0) - Date.now()) / 60_000;
    expect(idleMinutes).toBeGreaterThan(29);
    expect(idleMinutes).toBeLessThanOrEqual(30);
    await sql().query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE sid = $1", [sidOf(jar.get("px.sid"))]);
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).status).toBe(401);
  });

  it("should end a session 12 hours after sign-in, however active", async () => {
    const { jar } = await signInAs(t.url, "commissioner@oldham-council.example");
    const sid = sidOf(jar.get("px.sid"));
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).status).toBe(200);
    await sql().query(
      `UPDATE sessions SET data = jsonb_set(data, '{signedInAt}', to_jsonb((extract(epoch from now()) * 1000 - 12 * 3600 * 1000 - 1000)::bigint)) WHERE sid = $1`,
      [sid],
    );
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).status).toBe(401);
    expect(await sql().query("SELECT 1 FROM sessions WHERE sid = $1", [sid])).toEqual([]);
  });

  it("should end every session of a person who is disabled", async () => {
    const { jar } = await signInAs(t.url, "staff@pennine-learning-trust.example");
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).status).toBe(200);
    await sql().query("UPDATE users SET disabled_at = now() WHERE email = 'staff@pennine-learning-trust.example'");
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } })).status).toBe(401);
  });
});

describe("Sign-in rate limit", () => {
  it("should answer 429 with a code after too many sign-in attempts from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await fetch(`${t.url}/auth/login`, { redirect: "manual" })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await fetch(`${t.url}/auth/login`, { redirect: "manual" });
    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe("rate_limited");
  });
});
