import { randomInt } from "node:crypto";
import request from "supertest";
import { describeWithServers } from "../setup/describe-with-servers";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { startTestServer, type TestServer } from "../setup/test-server";
import { type PrivateRedis, startPrivateRedis } from "./private-redis";

// Rate-limit counters with REDIS_URL set: shared by the nodes of one deployment through Redis,
// and counted in each node's memory while Redis is unreachable (never a 5xx, never unlimited).
const LIMIT = 6;
let redis: PrivateRedis;
let database: TestDatabase;
let a: TestServer;
let b: TestServer;
let elsewhere: TestServer;

/** A fresh client address per test (documentation range), so no test counts for another. */
const newAddress = () => `198.51.100.${randomInt(1, 255)}`;
// Listening servers: /auth/login redirects to the embedded identity provider at PUBLIC_URL (302).
const signIn = async (node: TestServer, address: string) => (await request(node.url).get("/auth/login").set("X-Forwarded-For", address)).status;

describeWithServers("Rate limits shared through Redis", { database: true }, () => {
  beforeAll(async () => {
    redis = await startPrivateRedis();
    database = await createTestDatabase({ seed: false });
    const options = { requireClient: false, seed: false, env: { REDIS_URL: redis.url }, rateLimits: { signInPerMinute: LIMIT } };
    a = await startTestServer({ ...options, database });
    b = await startTestServer({ ...options, database });
    // Another deployment (its own database) on the same Redis.
    elsewhere = await startTestServer(options);
  });
  afterAll(async () => {
    for (const t of [a, b, elsewhere]) await t?.close();
    await database?.drop();
    await redis?.stop();
  });

  it("should count sign-in attempts split over two nodes together, refusing the one past the limit on either node", async () => {
    const address = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT; i++) statuses.push(await signIn(i % 2 === 0 ? a : b, address));
    expect(statuses.every((s) => s === 302)).toBe(true);
    expect(await signIn(a, address)).toBe(429);
    expect(await signIn(b, address)).toBe(429);
    // Counters belong to one deployment: another on the same Redis has its own.
    expect(await signIn(elsewhere, address)).toBe(302);
  });

  it("should keep limiting, per node and without a 5xx, while Redis is down, and share the count again when it returns", async () => {
    await redis.kill();
    try {
      const address = newAddress();
      const onA: number[] = [];
      for (let i = 0; i < LIMIT + 1; i++) onA.push(await signIn(a, address));
      // Not failing open: each node still stops a client hammering it.
      expect(onA).toEqual([...Array<number>(LIMIT).fill(302), 429]);
      // Node B counts on its own meanwhile.
      expect(await signIn(b, address)).toBe(302);
    } finally {
      await redis.start();
    }
    // Back to the shared count once the connection is re-established.
    for (let i = 0; i < 100 && (await request(a.url).get("/api/v1/health")).body.redis !== "ok"; i++) await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 100 && (await request(b.url).get("/api/v1/health")).body.redis !== "ok"; i++) await new Promise((r) => setTimeout(r, 100));
    const address = newAddress();
    for (let i = 0; i < LIMIT; i++) expect(await signIn(i % 2 === 0 ? b : a, address)).toBe(302);
    expect(await signIn(a, address)).toBe(429);
  });
});
