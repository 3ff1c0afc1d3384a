import request from "supertest";
import { DIGEST_TEMPLATE, NOTIFICATION_KINDS } from "@shared/codes/notifications";
import { LivenessSchema, ReadinessSchema } from "@shared/schemas/probes";
import { parseEnv } from "../../server/src/env";
import { createTestApp, type TestApp } from "../setup/test-app";

// What an orchestrator sees: liveness (restart me?) never depends on the database; readiness
// (send me traffic?) fails while the database is unreachable or the node is draining.
describe("Liveness and readiness probes", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it("should say live and ready, uncached, when the database answers", async () => {
    const live = await request(t.app).get("/api/v1/health/live");
    expect(live.status).toBe(200);
    expect(LivenessSchema.parse(live.body)).toEqual({ status: "ok" });
    const ready = await request(t.app).get("/api/v1/health/ready");
    expect(ready.status).toBe(200);
    expect(ReadinessSchema.parse(ready.body)).toEqual({ status: "ready", draining: false, db: "ok" });
    expect(ready.headers["cache-control"]).toBe("no-store");
    expect(ready.headers["retry-after"]).toBeUndefined();
  });

  it("should stay live but not ready, with Retry-After, while the database is gone", async () => {
    const broken = await createTestApp({ seed: false });
    await broken.database.handle.close();
    const ready = await request(broken.app).get("/api/v1/health/ready");
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({ status: "database_unreachable", draining: false, db: "down" });
    expect(Number(ready.headers["retry-after"])).toBeGreaterThan(0);
    expect((await request(broken.app).get("/api/v1/health/live")).status).toBe(200);
    await broken.close();
  });

  it("should turn not ready, saying it is draining, once the node starts stopping, and stay live", async () => {
    t.built.drain.draining = true;
    try {
      const ready = await request(t.app).get("/api/v1/health/ready");
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({ status: "draining", draining: true, db: "not_checked" });
      expect(ready.headers["retry-after"]).toBeDefined();
      expect((await request(t.app).get("/api/v1/health/live")).status).toBe(200);
      // Everything else is still served while the load balancer catches up.
      expect((await request(t.app).get("/api/v1/regions")).status).toBe(200);
    } finally {
      t.built.drain.draining = false;
    }
  });
});

describe("DRAIN_DELAY_MS", () => {
  it("should default to 5 s in production and 0 elsewhere, and refuse what is not a number of milliseconds", () => {
    const uuid = "0b5c2a4e-1f3d-4c6b-9a8e-7d6f5e4c3b2a";
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "x".repeat(32),
      PUBLIC_URL: "https://placements.example.gov.uk",
      OIDC_ISSUER: "https://login.example.gov.uk",
      OIDC_CLIENT_ID: "placements",
      OIDC_CLIENT_SECRET: "secret",
      STRIPE_SECRET_KEY: "sk_live_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      NOTIFY_API_KEY: `live-${uuid}-${uuid}`,
      ...Object.fromEntries([...NOTIFICATION_KINDS, DIGEST_TEMPLATE].map((n) => [`NOTIFY_TEMPLATE_${n.toUpperCase()}`, uuid])),
    };
    const prod = parseEnv(production);
    expect(prod.ok && prod.env.drainDelayMs).toBe(5000);
    const prodSet = parseEnv({ ...production, DRAIN_DELAY_MS: "0" });
    expect(prodSet.ok && prodSet.env.drainDelayMs).toBe(0);
    const dev = parseEnv({ NODE_ENV: "development" });
    expect(dev.ok && dev.env.drainDelayMs).toBe(0);
    const set = parseEnv({ NODE_ENV: "development", DRAIN_DELAY_MS: "2500" });
    expect(set.ok && set.env.drainDelayMs).toBe(2500);
    const bad = parseEnv({ DRAIN_DELAY_MS: "five seconds" });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.join("\n")).toMatch(/DRAIN_DELAY_MS \(got "five seconds"\): must be a whole number of milliseconds/);
    expect(parseEnv({ DRAIN_DELAY_MS: "-1" }).ok).toBe(false);
  });
});
