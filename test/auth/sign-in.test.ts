import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decodeJwt, decodeProtectedHeader, importJWK, SignJWT } from "jose";
import { MeSchema } from "@shared/schemas/identity";
import { CookieJar, follow, signInAs } from "../setup/browserless-sign-in";
import { startTestServer, type TestServer } from "../setup/test-server";

const COMMISSIONER = "commissioner@manchester-council.example";

const auditActions = async (t: TestServer) =>
  (await t.testApp.database.handle.sql.query<{ action: string; details: { reason?: string } }>("SELECT action, details FROM audit_log ORDER BY seq")).map(
    (r) => ({ action: r.action, reason: r.details.reason ?? "" }),
  );

const me = (t: TestServer, jar: CookieJar) => fetch(`${t.url}/api/v1/me`, { headers: { cookie: jar.header() } });

describe("Sign-in through OpenID Connect (development provider)", () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ requireClient: false });
  });
  afterAll(() => t.close());

  it("should send PKCE (S256), state and nonce, then land a seeded commissioner on the commissioner's home", async () => {
    const result = await signInAs(t.url, COMMISSIONER);
    const authorize = new URL(result.hops.find((h) => h.url.includes("/idp/auth?"))?.url ?? "");
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(authorize.searchParams.get("nonce")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(result.landedOn).toBe("/commissioner");

    const res = await me(t, result.jar);
    expect(res.status).toBe(200);
    const { data } = MeSchema.parse(await res.json());
    expect(data.user).toMatchObject({ email: COMMISSIONER, role: "commissioner", orgAdmin: true });
    expect(data.organisation).toMatchObject({ name: "Manchester Council", kind: "council" });
    expect(data.csrfToken).toBeTruthy();
  });

  it("should set an HttpOnly, SameSite=Lax session cookie with a new id at sign-in", async () => {
    const jar = new CookieJar();
    const start = await fetch(`${t.url}/auth/login`, { redirect: "manual" });
    jar.store(start);
    const before = jar.get("px.sid");
    expect(before).toBeTruthy();
    const setCookie = start.headers.getSetCookie().find((c) => c.startsWith("px.sid="));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const result = await signInAs(t.url, COMMISSIONER, { jar });
    expect(result.landedOn).toBe("/commissioner");
    expect(jar.get("px.sid")).toBeTruthy();
    expect(jar.get("px.sid")).not.toBe(before);
    // The cookie from before sign-in is worth nothing now.
    const stale = await fetch(`${t.url}/api/v1/me`, { headers: { cookie: `px.sid=${before}` } });
    expect(stale.status).toBe(401);
  });

  it("should refuse a replayed callback (its state was used up) and audit the failure", async () => {
    const result = await signInAs(t.url, COMMISSIONER);
    const callback = result.hops.find((h) => h.url.includes("/auth/callback?"))?.url ?? "";
    expect(callback).toContain("state=");
    const replay = await follow(result.jar, callback);
    expect(replay.hops[0]?.location).toBe("/sign-in?error=failed");
    const attacker = await follow(new CookieJar(), callback);
    expect(attacker.hops[0]?.location).toBe("/sign-in?error=failed");
    expect((await auditActions(t)).filter((a) => a.action === "auth.sign_in_failed").length).toBeGreaterThanOrEqual(2);
  });

  it("should end the session on sign-out, for the API and in the database", async () => {
    const { jar } = await signInAs(t.url, COMMISSIONER);
    const sid = jar.get("px.sid") ?? "";
    expect((await me(t, jar)).status).toBe(200);
    const out = await fetch(`${t.url}/auth/logout`, { method: "POST", redirect: "manual", headers: { cookie: jar.header(), origin: t.url } });
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/signed-out");
    expect((await fetch(`${t.url}/api/v1/me`, { headers: { cookie: `px.sid=${sid}` } })).status).toBe(401);
    const rows = await t.testApp.database.handle.sql.query("SELECT 1 FROM sessions WHERE sid = $1", [decodeURIComponent(sid).slice(2).split(".")[0]]);
    expect(rows).toEqual([]);
    expect((await auditActions(t)).map((a) => a.action)).toContain("auth.sign_out");
  });

  it("should refuse a cross-site sign-out (no CSRF token, foreign Origin)", async () => {
    const { jar } = await signInAs(t.url, COMMISSIONER);
    const forged = await fetch(`${t.url}/auth/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie: jar.header(), origin: "https://evil.example" },
    });
    expect(forged.status).toBe(403);
    expect((await me(t, jar)).status).toBe(200);
  });

  it("should send a person with no organisation to the page that says whom to ask", async () => {
    const result = await signInAs(t.url, "stranger@nowhere.example");
    expect(result.landedOn).toBe("/no-access");
    const { data } = MeSchema.parse(await (await me(t, result.jar)).json());
    expect(data.organisation).toBeNull();
    expect(data.user.role).toBeNull();
  });
});

/** A man in the middle on the token endpoint: the ID token arrives altered. */
describe("ID tokens the app must refuse", () => {
  let t: TestServer;
  let front: Server;
  let tamper: ((idToken: string) => Promise<string>) | undefined;

  beforeAll(async () => {
    front = createServer();
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    const frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
    t = await startTestServer({ requireClient: false, env: { PUBLIC_URL: frontUrl } });
    const backend = new URL(t.url);
    front.on("request", (req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      // The relay is its own promise: an event listener's return value is ignored.
      req.on(
        "end",
        () =>
          void (async () => {
            const upstream = await fetch(`${backend.origin}${req.url}`, {
              method: req.method,
              headers: {
                ...(Object.fromEntries(Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "content-length")) as Record<string, string>),
                // The provider builds its endpoint URLs from these, so the browser (and the app) stay on the front.
                "x-forwarded-host": req.headers.host ?? "",
                "x-forwarded-proto": "http",
              },
              body: ["GET", "HEAD"].includes(req.method ?? "GET") ? undefined : Buffer.concat(chunks),
              redirect: "manual",
            });
            let body = Buffer.from(await upstream.arrayBuffer());
            if (req.url?.startsWith("/idp/token") && tamper && upstream.ok) {
              const json = JSON.parse(body.toString()) as { id_token: string };
              json.id_token = await tamper(json.id_token);
              body = Buffer.from(JSON.stringify(json));
            }
            const headers: Record<string, string | string[]> = {};
            upstream.headers.forEach((value, key) => {
              if (!["content-length", "content-encoding", "transfer-encoding", "set-cookie"].includes(key)) headers[key] = value;
            });
            headers["set-cookie"] = upstream.headers.getSetCookie();
            res.writeHead(upstream.status, headers);
            res.end(body);
          })(),
      );
    });
    (t as { url: string }).url = frontUrl;
  });
  afterAll(async () => {
    front.closeAllConnections();
    await new Promise<void>((resolve) => front.close(() => resolve()));
    await t.close();
  });

  const reSigned = async (idToken: string, change: (claims: Record<string, unknown>) => void) => {
    const key = t.testApp.built.devIdp?.signingKey;
    if (!key) throw new Error("no development provider");
    const claims = decodeJwt(idToken) as Record<string, unknown>;
    change(claims);
    return new SignJWT(claims).setProtectedHeader(decodeProtectedHeader(idToken) as { alg: string }).sign(await importJWK(key, "RS256"));
  };

  it("should sign in when the token is untouched (the proxy itself is harmless)", async () => {
    tamper = async (token) => token;
    expect((await signInAs(t.url, COMMISSIONER)).landedOn).toBe("/commissioner");
  });

  it("should refuse an ID token whose signature does not verify", async () => {
    tamper = async (token) => {
      const [header, payload, signature = ""] = token.split(".");
      return `${header}.${payload}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    };
    const result = await signInAs(t.url, COMMISSIONER);
    expect(result.landedOn).toBe("/sign-in");
    expect((await me(t, result.jar)).status).toBe(401);
  });

  it("should refuse a correctly signed ID token issued to another client (wrong audience)", async () => {
    tamper = (token) => reSigned(token, (claims) => (claims.aud = "some-other-client"));
    const result = await signInAs(t.url, COMMISSIONER);
    expect(result.landedOn).toBe("/sign-in");
    expect((await me(t, result.jar)).status).toBe(401);
    const failures = (await auditActions(t)).filter((a) => a.action === "auth.sign_in_failed");
    expect(failures.at(-1)?.reason).toMatch(/aud/i);
  });

  it("should refuse a correctly signed ID token with another request's nonce", async () => {
    tamper = (token) => reSigned(token, (claims) => (claims.nonce = "a-nonce-from-some-other-request"));
    const result = await signInAs(t.url, COMMISSIONER);
    expect(result.landedOn).toBe("/sign-in");
    const failures = (await auditActions(t)).filter((a) => a.action === "auth.sign_in_failed");
    expect(failures.at(-1)?.reason).toMatch(/nonce/i);
  });
});
