import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RequestWatchAckSchema } from "@shared/events";
import { ReadinessSchema } from "@shared/schemas/probes";
import { openDatabase } from "../../server/src/db/client";
import { buildMarket, openRequest } from "../factories/placement-requests";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningServer, spawnServer } from "../setup/spawn-server";
import { startBalancer } from "../setup/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// Each start compiles the TypeScript: slow on a busy machine (several test runs at once).
const START_MS = 90_000;

// The process-level promises of `npm start`: it serves, shuts down gracefully, and keeps its data.
let dataDir: string;
let serverDb: TestDatabase | undefined;
let dbEnv: Record<string, string>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "px-lifecycle-"));
  if (process.env.DATABASE_URL) {
    serverDb = await createTestDatabase();
    dbEnv = { DATABASE_URL: serverDb.url ?? "" };
  } else {
    dbEnv = { DATA_DIR: dataDir };
  }
});
afterAll(async () => {
  await serverDb?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts a POST whose body arrives in two parts, so it is still in flight when we signal. */
function slowFeedbackPost(url: string, comments: string) {
  const body = JSON.stringify({ rating: "satisfied", comments });
  const req = httpRequest(`${url}/api/v1/service-feedback`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) },
  });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on("response", (res) => {
      let text = "";
      res.on("data", (d: Buffer) => (text += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return { response, finish: () => req.end(body.slice(half)) };
}

describe("Starting, stopping and restarting the server", () => {
  it(
    "should serve, finish an in-flight request on SIGTERM, exit 0, and keep its data across a restart",
    async () => {
      const first = await spawnServer({ ...dbEnv, SEED_DEMO: "true" }, START_MS);
      const health = await fetch(`${first.url}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(first.output.join("\n")).toContain("seeded the North West demo region");
      const regionsBefore = (await (await fetch(`${first.url}/api/v1/regions`)).json()) as { data: { id: string }[] };

      const inFlight = slowFeedbackPost(first.url, "sent while the server was stopping");
      await new Promise((r) => setTimeout(r, 200));
      const signalledAt = Date.now();
      first.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 300));
      inFlight.finish();
      const answer = await inFlight.response;
      expect(answer.status).toBe(201);
      expect(await first.exited).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(10_000);

      const second = await spawnServer({ ...dbEnv, SEED_DEMO: "true" }, START_MS);
      const regionsAfter = (await (await fetch(`${second.url}/api/v1/regions`)).json()) as { data: { id: string }[] };
      expect(regionsAfter.data.map((r) => r.id)).toEqual(regionsBefore.data.map((r) => r.id));
      expect(second.output.join("\n")).not.toContain("seeded the North West demo region");
      second.child.kill("SIGINT");
      expect(await second.exited).toBe(0);

      const stored = await openDatabase(serverDb ? { databaseUrl: serverDb.url } : { dataDir });
      const rows = await stored.sql.query<{ comments: string }>("SELECT comments FROM service_feedback");
      await stored.close();
      expect(rows).toEqual([{ comments: "sent while the server was stopping" }]);
      // Two starts in a row, each compiling TypeScript on a busy machine.
    },
    4 * START_MS,
  );

  it(
    "should refuse to open an embedded data folder another running server holds",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "px-lock-"));
      const holder = await spawnServer({ DATA_DIR: folder, SEED_DEMO: "false" }, START_MS);
      try {
        await expect(spawnServer({ DATA_DIR: folder, SEED_DEMO: "false" }, START_MS)).rejects.toThrow(/in use by process \d+/);
      } finally {
        holder.child.kill("SIGTERM");
        await holder.exited;
        rmSync(folder, { recursive: true, force: true });
      }
    },
    4 * START_MS,
  );

  it(
    "should hold the connections that arrive while it is busy, for the load balancer, not drop them",
    async () => {
      // A lost node's pages reconnect within a second or two, to nodes whose loops are busy.
      // Connections wait in the kernel's queue until the node accepts them; when that queue was
      // Node's default (511), the rest were dropped, nginx's 1 s connect gave up on a healthy
      // node and turned pages away. A stopped process accepts nothing: the queue alone holds them.
      const server = await spawnServer({ ...dbEnv, SEED_DEMO: "false" }, START_MS);
      const port = Number(new URL(server.url).port);
      const sockets: Socket[] = [];
      try {
        server.child.kill("SIGSTOP");
        sockets.push(...Array.from({ length: 1500 }, () => connect(port, "127.0.0.1")));
        const held = await Promise.all(
          sockets.map(
            (socket) =>
              new Promise<boolean>((resolve) => {
                const timer = setTimeout(() => resolve(false), 1000);
                socket.once("connect", () => {
                  clearTimeout(timer);
                  resolve(true);
                });
                socket.once("error", () => resolve(false));
              }),
          ),
        );
        expect(held.filter(Boolean).length).toBe(1500);
        // Once it runs again, the last connection held is served.
        server.child.kill("SIGCONT");
        const last = sockets.at(-1)!;
        const answer = new Promise<string>((resolve) => last.once("data", (d: Buffer) => resolve(d.toString())));
        last.write("GET /api/v1/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
      } finally {
        for (const socket of sockets) socket.destroy();
        server.child.kill("SIGCONT");
        server.child.kill("SIGTERM");
        await server.exited;
      }
    },
    4 * START_MS,
  );
});

/**
 * A load balancer as Kubernetes or nginx runs one: it polls each node's readiness and sends new
 * connections to a ready node only. It records which node each connection went to.
 */
async function readinessBalancer(nodes: RunningServer[]) {
  const ready = new Set<number>();
  const routed: number[] = [];
  const poll = async () => {
    await Promise.all(
      nodes.map(async (node, i) => {
        const ok = await fetch(`${node.url}/api/v1/health/ready`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) ready.add(i);
        else ready.delete(i);
      }),
    );
  };
  await poll();
  const timer = setInterval(() => void poll(), 100);
  const balancer = await startBalancer(() => {
    // The first ready node in the list, not the first in the set, whose order follows which
    // readiness answer came first (and puts a node that failed one poll behind the others).
    const index = nodes.findIndex((_, i) => ready.has(i));
    if (index < 0) return undefined;
    routed.push(index);
    return Number(new URL(nodes[index]!.url).port);
  });
  return {
    url: balancer.url,
    routed,
    async stop() {
      clearInterval(timer);
      await balancer.stop();
    },
  };
}

const watchOnEveryConnect = (socket: LiveClient, requestId: string) => {
  const acks: boolean[] = [];
  // What the browser's pages do (use-request-live.ts): re-watch on every connect.
  socket.on("connect", () => socket.emit("request:watch", { requestId }, (ack) => acks.push(RequestWatchAckSchema.parse(ack).ok)));
  return acks;
};

const until = async (check: () => boolean, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

// Two nodes on one database: only a PostgreSQL server is shared by several processes.
describeWithServers("Draining a node on SIGTERM", { database: true }, () => {
  let database: TestDatabase;
  const nodes: RunningServer[] = [];
  afterAll(async () => {
    for (const node of nodes) node.child.kill("SIGKILL");
    await Promise.all(nodes.map((n) => n.exited));
    await database?.drop();
  });

  it(
    "should fail readiness at once, still finish a request in flight, then move its live clients to another node",
    async () => {
      database = await createTestDatabase();
      const m = await buildMarket(database.handle.db, { providers: 1 });
      const env = { DATABASE_URL: database.url ?? "", SEED_DEMO: "false", DRAIN_DELAY_MS: "1500" };
      // One after the other, each kept as soon as it runs, so afterAll stops it whatever fails.
      const start = async () => {
        const node = await spawnServer(env, START_MS);
        nodes.push(node);
        return node;
      };
      const a = await start();
      const b = await start();
      const { request: made } = await openRequest(a.url, m);
      const balancer = await readinessBalancer([a, b]);
      const socket = liveClient(balancer.url, { token: m.providers[0]!.person.token, reconnect: true });
      const acks = watchOnEveryConnect(socket, made.id);
      const disconnects: string[] = [];
      socket.on("disconnect", (reason) => disconnects.push(reason));
      try {
        await connected(socket);
        await until(() => acks.length === 1, 5000, "the first watch");
        expect(balancer.routed).toEqual([0]);

        const inFlight = slowFeedbackPost(a.url, "sent while the node was draining");
        await new Promise((r) => setTimeout(r, 200));
        a.child.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 200));
        const ready = await fetch(`${a.url}/api/v1/health/ready`);
        expect(ready.status).toBe(503);
        expect(ready.headers.get("retry-after")).toBeTruthy();
        expect(ReadinessSchema.parse(await ready.json())).toMatchObject({ status: "draining", draining: true });
        // Still serving while the load balancer catches up: liveness too, so it is not restarted.
        expect((await fetch(`${a.url}/api/v1/health/live`)).status).toBe(200);
        inFlight.finish();
        expect((await inFlight.response).status).toBe(201);
        // The live client stays put until the drain delay is over, then is told to go.
        expect(disconnects).toEqual([]);

        await until(() => acks.length === 2, 10_000, "the watch after reconnecting");
        expect(disconnects).toEqual(["transport close"]);
        expect(acks).toEqual([true, true]);
        expect(balancer.routed).toEqual([0, 1]);
        expect(socket.connected).toBe(true);
        expect(await a.exited).toBe(0);
        expect(a.output.join("\n")).toContain("readiness now fails");
      } finally {
        socket.close();
        await balancer.stop();
      }
      // Two processes start on a busy machine.
    },
    4 * START_MS,
  );
});
