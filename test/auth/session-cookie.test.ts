import express from "express";
import request from "supertest";
import { sessionMiddleware } from "../../server/src/modules/auth/session-middleware";
import { testEnv } from "../setup/test-app";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

/** The real session middleware in front of a route that starts a session. */
function appFor(publicUrl: string) {
  const app = express();
  app.set("trust proxy", 1);
  app.use(sessionMiddleware({ db: t.handle.db, env: testEnv({ PUBLIC_URL: publicUrl }) }).middleware);
  app.get("/start", (req, res) => {
    req.session.csrfToken = "x";
    res.end();
  });
  return app;
}

describe("The session cookie", () => {
  it("should be __Host- prefixed, Secure, HttpOnly, SameSite=Lax and Path=/ when the service is on https", async () => {
    const res = await request(appFor("https://placements.example.gov.uk")).get("/start").set("X-Forwarded-Proto", "https");
    const cookie = res.headers["set-cookie"]?.[0] ?? "";
    expect(cookie).toMatch(/^__Host-px\.sid=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
  });

  it("should be a plain HttpOnly cookie on http (local development)", async () => {
    const res = await request(appFor("http://localhost:3000")).get("/start");
    const cookie = res.headers["set-cookie"]?.[0] ?? "";
    expect(cookie).toMatch(/^px\.sid=/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it("should not be set for a visitor who has nothing in their session", async () => {
    const app = express();
    app.use(sessionMiddleware({ db: t.handle.db, env: testEnv() }).middleware);
    app.get("/", (_req, res) => res.end());
    expect((await request(app).get("/")).headers["set-cookie"]).toBeUndefined();
  });
});
