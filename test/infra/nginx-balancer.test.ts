import { io } from "socket.io-client";
import supertest from "supertest";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { pause, recordEvents, snapshotOf } from "../realtime/live-recorder";
import { type Cluster, startCluster } from "../setup/cluster";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningNginx, startNginx } from "../setup/nginx";
import { getThroughBalancer, keyPerNode } from "../setup/node-keys";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// docker compose's load balancer without Docker: infra/nginx/nginx.conf itself (only the nodes'
// addresses, its port and its temporary files changed, test/setup/nginx.ts) in front of three app
// nodes on one database and one Redis. What a browser relies on: it keeps to one node (socket.io's
// long-polling fallback and the embedded sign-in need that), WebSockets pass through and hear
// what any node publishes, and a node that dies is stepped round.

let database: TestDatabase;
let cluster: Cluster | undefined;
let nginx: RunningNginx | undefined;
let m: Market;
const sockets: LiveClient[] = [];

const get = (path: string, key?: string) => getThroughBalancer(nginx!.url, path, key);

/** Which node served a request: the one whose log has its id (logs are written a moment after the answer). */
async function servedBy(requestId: string): Promise<number> {
  for (let waited = 0; waited < 3000; waited += 50) {
    const nodes = [0, 1, 2].filter((i) => cluster!.node(i)?.output.some((line) => line.includes(requestId)));
    if (nodes.length > 1) throw new Error(`request ${requestId} logged by nodes ${nodes.join(", ")}`);
    if (nodes[0] !== undefined) return nodes[0];
    await pause(50);
  }
  throw new Error(`no node logged request ${requestId}`);
}

/** A provider's offer through nginx (whichever node it reaches); its status. */
async function offer(requestId: string, provider: Market["providers"][number]) {
  return (await supertest(nginx!.url).post(`/api/v1/placement-requests/${requestId}/offers`).set(provider.person.auth).send(offerBody(provider.settingId)))
    .status;
}

describeWithServers("nginx in front of three nodes (infra/nginx/nginx.conf, as docker compose runs it)", { database: true, redis: true, nginx: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    m = await buildMarket(database.handle.db, { providers: 2 });
    // Each node with its LIVE_PORT, where nginx sends live connections, as docker compose runs them.
    cluster = await startCluster({ size: 3, databaseUrl: database.url ?? "", redisUrl: process.env.REDIS_URL, livePorts: true });
    nginx = await startNginx(
      [0, 1, 2].map((i) => Number(new URL(cluster!.nodeUrl(i)!).port)),
      { livePorts: [0, 1, 2].map((i) => cluster!.livePort(i)!) },
    );
  }, 150_000);
  afterAll(async () => {
    for (const s of sockets.splice(0)) s.disconnect();
    await nginx?.stop();
    await cluster?.stop();
    await database?.drop();
  });

  it("should accept the repository's configuration", () => {
    expect(nginx!.checked.code).toBe(0);
    expect(nginx!.checked.output).toMatch(/syntax is ok/);
  });

  it("should give a browser a node key on its first request and keep it on that node, while browsers without one are spread", async () => {
    const first = await get("/api/v1/health/ready");
    expect(first.status).toBe(200);
    expect(first.cookie).toMatch(/; Path=\/; HttpOnly; SameSite=Lax$/);
    const key = first.key!;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const node = await servedBy(first.id);
    for (let i = 0; i < 10; i++) {
      const again = await get("/api/v1/health/ready", key);
      expect(again).toMatchObject({ status: 200, key });
      expect(await servedBy(again.id)).toBe(node);
    }
    const spread = new Set<number>();
    for (let i = 0; i < 12; i++) spread.add(await servedBy((await get("/api/v1/health/ready")).id));
    expect(spread.size).toBeGreaterThan(1);
  }, 60_000);

  it("should carry socket.io's long-polling fallback on the browser's node, with events from the node that took the offer", async () => {
    const { request } = await openRequest(nginx!.url, m);
    // Polling only, keeping cookies as a browser does: every poll is a new HTTP request, which
    // only the node holding the session can answer ("Session ID unknown" from any other).
    const council: LiveClient = io(`${nginx!.url}/live`, {
      autoConnect: false,
      reconnection: false,
      transports: ["polling"],
      withCredentials: true,
      auth: { token: m.commissioner.token },
    });
    sockets.push(council);
    const log = recordEvents(await connected(council));
    expect(council.io.engine.transport.name).toBe("polling");
    expect((await snapshotOf(council, request.id)).request.id).toBe(request.id);
    for (const provider of m.providers) {
      expect(await offer(request.id, provider)).toBe(201);
      await log.waitFor("response:received", (e) => e.invitation.settingId === provider.settingId && e.invitation.status === "offered", 5000);
    }
    await pause(1000); // a few more polls, on the same node
    expect(council.connected).toBe(true);
    expect(log.problems).toEqual([]);
  }, 60_000);

  it("should pass WebSocket upgrades to every node, each socket hearing an offer taken by any node", async () => {
    const keys = await keyPerNode(nginx!.url, 3, servedBy);
    const { request } = await openRequest(nginx!.url, m);
    const boards = await Promise.all(
      Object.values(keys).map(async (key) => {
        const socket = liveClient(nginx!.url, { token: m.commissioner.token, cookie: `px_node=${key}` });
        sockets.push(socket);
        const log = recordEvents(await connected(socket));
        await snapshotOf(socket, request.id);
        return { socket, log };
      }),
    );
    for (const b of boards) expect(b.socket.io.engine.transport.name).toBe("websocket");
    expect(await offer(request.id, m.providers[0]!)).toBe(201);
    for (const b of boards)
      await b.log.waitFor("response:received", (e) => e.invitation.settingId === m.providers[0]!.settingId && e.invitation.status === "offered", 5000);
  }, 90_000);

  it("should send a killed node's browsers to the others: pages load and live pages reconnect and watch again", async () => {
    const keys = await keyPerNode(nginx!.url, 3, servedBy);
    const { request } = await openRequest(nginx!.url, m);
    const socket = liveClient(nginx!.url, { token: m.commissioner.token, cookie: `px_node=${keys[1]}`, reconnect: true });
    sockets.push(socket);
    let connects = 0;
    socket.on("connect", () => (connects += 1));
    const log = recordEvents(await connected(socket));
    await snapshotOf(socket, request.id);

    await cluster!.kill(1);
    // Requests with the dead node's key: nginx finds it refusing and tries the next node.
    for (let i = 0; i < 5; i++) {
      const served = await get("/api/v1/health/ready", keys[1]);
      expect(served.status).toBe(200);
      expect(await servedBy(served.id)).not.toBe(1);
    }
    for (let waited = 0; connects < 2 && waited < 15_000; waited += 100) await pause(100);
    expect(connects).toBe(2);
    await snapshotOf(socket, request.id);
    expect(await offer(request.id, m.providers[1]!)).toBe(201);
    await log.waitFor("response:received", (e) => e.invitation.settingId === m.providers[1]!.settingId && e.invitation.status === "offered", 5000);
    expect(cluster!.crashes()).toEqual([]);
  }, 90_000);
});
