import request from "supertest";
import { HealthSchema } from "@shared/schemas/health";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { recordEvents, snapshotOf } from "../realtime/live-recorder";
import { describeWithServers } from "../setup/describe-with-servers";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { startTestServer, type TestServer } from "../setup/test-server";
import { type PrivateRedis, startPrivateRedis } from "./private-redis";

// A node restarted (or scaled up) while Redis is down must start and serve, and join the
// others' live events once Redis is back, without being restarted again.
let redis: PrivateRedis;
let database: TestDatabase;
const nodes: TestServer[] = [];
let m: Market;
const sockets: LiveClient[] = [];

const redisHealth = async (node: TestServer) => HealthSchema.parse((await request(node.url).get("/api/v1/health")).body).redis;

describeWithServers("A node started while Redis is down", { database: true }, () => {
  beforeAll(async () => {
    redis = await startPrivateRedis();
    await redis.kill();
    database = await createTestDatabase();
    m = await buildMarket(database.handle.db, { providers: 2 });
  });
  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    for (const node of nodes.splice(0)) await node.close();
    await database?.drop();
    await redis?.stop();
  });

  it("should start and serve without Redis, then carry live events from a node started later once Redis is back", async () => {
    const early = await startTestServer({ requireClient: false, seed: false, database, env: { REDIS_URL: redis.url } });
    nodes.push(early);
    expect((await request(early.url).get("/api/v1/health")).status).toBe(200);
    expect(await redisHealth(early)).toBe("down");
    // Sign-in is rate limited in memory meanwhile, not refused.
    expect((await request(early.url).get("/auth/login")).status).toBe(302);

    await redis.start();
    let state = await redisHealth(early);
    for (let i = 0; i < 100 && state !== "ok"; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = await redisHealth(early);
    }
    expect(state).toBe("ok");

    const late = await startTestServer({ requireClient: false, seed: false, database, env: { REDIS_URL: redis.url } });
    nodes.push(late);
    const { request: made } = await openRequest(late.url, m);
    const socket = liveClient(early.url, { token: m.commissioner.token });
    sockets.push(socket);
    const log = recordEvents(socket);
    await connected(socket);
    await snapshotOf(socket, made.id);

    const res = await request(late.url)
      .post(`/api/v1/placement-requests/${made.id}/offers`)
      .set(m.providers[0]!.person.auth)
      .send(offerBody(m.providers[0]!.settingId));
    expect(res.status).toBe(201);
    expect(
      await log.waitFor("response:received", (p) => p.invitation.settingId === m.providers[0]!.settingId && p.invitation.status === "offered", 5000),
    ).toBeDefined();
    expect(log.problems).toEqual([]);
  });
});
