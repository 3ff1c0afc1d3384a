import { HealthSchema } from "@shared/schemas/health";
import { buildMarket, type Market } from "../factories/placement-requests";
import { connected, liveClient } from "../realtime/live-client";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningServer, spawnServer } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { startTestServer } from "../setup/test-server";
import { type PrivateRedis, startPrivateRedis } from "./private-redis";

// Each start compiles the TypeScript: slow on a busy machine.
const START_MS = 90_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms).unref())]);
}

// A node stopped (a rollout, a scale-down, a pod moved) while Redis is down must still tell its
// pages to go elsewhere and exit: otherwise the pages sit on a closed namespace until the
// orchestrator kills the process, and the rollout waits on every such node.
describeWithServers("A node stopped while Redis is down", { database: true }, () => {
  let redis: PrivateRedis;
  let database: TestDatabase;
  let node: RunningServer | undefined;
  let m: Market;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    database = await createTestDatabase();
    m = await buildMarket(database.handle.db, { providers: 1 });
  });
  afterAll(async () => {
    node?.child.kill("SIGKILL");
    await node?.exited;
    await database?.drop();
    await redis?.stop();
  });

  it(
    "should close its live connections and exit on SIGTERM",
    async () => {
      node = await spawnServer({ DATABASE_URL: database.url ?? "", REDIS_URL: redis.url, SEED_DEMO: "false", DRAIN_DELAY_MS: "200" }, START_MS);
      const socket = liveClient(node.url, { token: m.commissioner.token });
      const disconnected = new Promise<string>((resolve) => socket.on("disconnect", (reason) => resolve(reason)));
      try {
        await connected(socket);
        await redis.kill();
        for (let i = 0; i < 100; i++) {
          const health = HealthSchema.parse(await (await fetch(`${node.url}/api/v1/health`)).json());
          if (health.redis === "down") break;
          await new Promise((r) => setTimeout(r, 100));
        }

        node.child.kill("SIGTERM");
        expect(await within(disconnected, 5000, "the page told to go")).toBe("transport close");
        expect(await within(node.exited, 5000, "the process exiting")).toBe(0);
        expect(node.output.join("\n")).toContain('"msg":"stopped"');
      } finally {
        socket.close();
      }
    },
    2 * START_MS,
  );

  it("should close its live server in process too, without waiting for Redis to return", async () => {
    // What the tests' own nodes do in their teardown: a subscriber's QUIT queued until Redis came
    // back held it for ever, so a test that failed while Redis was down hung instead of failing.
    await redis.kill();
    await redis.start();
    const inProcess = await startTestServer({ requireClient: false, seed: false, database, env: { REDIS_URL: redis.url } });
    const socket = liveClient(inProcess.url, { token: m.commissioner.token });
    try {
      await connected(socket);
      await redis.kill();
      await new Promise((r) => setTimeout(r, 300));
      await within(inProcess.close(), 5000, "closing the node");
    } finally {
      socket.close();
    }
  });
});
