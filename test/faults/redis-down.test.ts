import request from "supertest";
import { LivePartialSchema } from "@shared/events";
import { HealthSchema } from "@shared/schemas/health";
import type { RequestView } from "@shared/schemas/placement-requests";
import { withResponse } from "../../client/src/realtime/request-live-state";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { type EventLog, pause, recordEvents, snapshotOf } from "../realtime/live-recorder";
import { describeWithServers } from "../setup/describe-with-servers";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { startTestServer, type TestServer } from "../setup/test-server";
import { type PrivateRedis, startPrivateRedis } from "./private-redis";

// Two app nodes on one database and a Redis of the test's own, which it kills and restarts
// (the machine's Redis is shared with other tests). Redis carries live events between the nodes;
// without it each node must go on serving, and its clients must catch up when it returns.
let redis: PrivateRedis;
let database: TestDatabase;
let secondHandle: DbHandle;
let nodes: [TestServer, TestServer];
let m: Market;
const sockets: LiveClient[] = [];
const logs: EventLog[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

/** What a browser shows for one request: the watch's snapshot, then events applied by id; a reconnection watches again. */
interface Board {
  view(): RequestView | undefined;
  reconnections(): number;
}

function followBoard(socket: LiveClient, requestId: string): Board {
  let view: RequestView | undefined;
  let pending: Parameters<typeof withResponse>[1][] = [];
  let connects = 0;
  socket.on("response:received", (payload) => {
    if (payload.requestId !== requestId) return;
    if (view) view = withResponse(view, payload);
    else pending.push(payload);
  });
  socket.on("connect", () => {
    connects += 1;
    view = undefined;
    pending = [];
    void snapshotOf(socket, requestId).then((snapshot) => {
      view = pending.reduce(withResponse, snapshot);
      pending = [];
    });
  });
  return { view: () => view, reconnections: () => Math.max(0, connects - 1) };
}

const offeredSettings = (view: RequestView | undefined) =>
  (view?.invitations ?? [])
    .filter((i) => i.status === "offered")
    .map((i) => i.settingId)
    .sort();

async function health(node: TestServer) {
  const res = await request(node.url).get("/api/v1/health");
  return { status: res.status, body: HealthSchema.parse(res.body) };
}

async function eventually<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await pause(100);
  }
}

describeWithServers("Redis down and back, with two app nodes", { database: true }, () => {
  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    redis = await startPrivateRedis();
    database = await createTestDatabase();
    secondHandle = await openDatabase({ databaseUrl: database.url, poolSize: 5 });
    const common = { requireClient: false, seed: false, env: { REDIS_URL: redis.url } };
    nodes = [
      await startTestServer({ ...common, database }),
      await startTestServer({ ...common, database: { handle: secondHandle, url: database.url, drop: () => secondHandle.close() } }),
    ];
    m = await buildMarket(database.handle.db, { providers: 3 });
  });
  afterEach(() => {
    expect(logs.splice(0).flatMap((l) => l.problems)).toEqual([]);
  });
  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    for (const node of nodes ?? []) await node.close();
    await secondHandle?.close();
    await database?.drop();
    await redis?.stop();
    process.off("unhandledRejection", onUnhandled);
  });

  const socketOn = async (node: TestServer, who: BuiltUser) => {
    // Reconnects on its own like the browser's client (the test client's back-off is 50 ms).
    const socket = liveClient(node.url, { token: who.token, reconnect: true });
    const log = recordEvents(socket);
    sockets.push(socket);
    logs.push(log);
    return { socket, log };
  };
  const offer = (node: TestServer, requestId: string, provider: number) =>
    request(node.url)
      .post(`/api/v1/placement-requests/${requestId}/offers`)
      .set(m.providers[provider]!.person.auth)
      .send(offerBody(m.providers[provider]!.settingId));

  /** A request opened on node A, the council watching it on node A and, with a board, on node B. */
  const councilOnBothNodes = async () => {
    const [a, b] = nodes;
    const { request: made } = await openRequest(a.url, m);
    const sameNode = await socketOn(a, m.commissioner);
    await connected(sameNode.socket);
    await snapshotOf(sameNode.socket, made.id);
    const otherNode = await socketOn(b, m.commissioner);
    const board = followBoard(otherNode.socket, made.id);
    await connected(otherNode.socket);
    await eventually(board.view, (v) => v !== undefined);
    return { made, sameNode, otherNode, board };
  };

  it("should say redis ok on both nodes while it runs", async () => {
    for (const node of nodes) expect(await health(node)).toEqual({ status: 200, body: expect.objectContaining({ status: "ok", db: "ok", redis: "ok" }) });
  });

  it("should keep serving with Redis killed: REST works, health says redis down (still 200), an offer reaches the council on the same node, and the board on the other node catches up when Redis returns", async () => {
    const [a, b] = nodes;
    const { made, sameNode, otherNode, board } = await councilOnBothNodes();

    await redis.kill();
    for (const node of nodes) {
      const seen = await eventually(
        () => health(node),
        (h) => h.body.redis === "down",
      );
      expect(seen).toEqual({ status: 200, body: expect.objectContaining({ status: "ok", db: "ok", redis: "down" }) });
    }

    // Every page is told that it hears only its own node's changes, and so is one that connects now.
    for (const node of [sameNode, otherNode]) expect(LivePartialSchema.parse(await node.log.waitFor("live:partial"))).toBeDefined();
    const lateComer = await socketOn(b, m.commissioner);
    await connected(lateComer.socket);
    expect(await lateComer.log.waitFor("live:partial")).toBeDefined();

    // REST as usual on both nodes, without waiting on Redis.
    const started = performance.now();
    const during = await offer(a, made.id, 0);
    expect(during.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(1000);
    expect((await request(b.url).get(`/api/v1/placement-requests/${made.id}`).set(m.commissioner.auth)).status).toBe(200);
    expect((await offer(b, made.id, 2)).status).toBe(201);

    // Live delivery falls back to the node's own clients.
    expect(
      await sameNode.log.waitFor("response:received", (p) => p.invitation.settingId === m.providers[0]!.settingId && p.invitation.status === "offered"),
    ).toBeDefined();
    await pause(300);
    // The other node's board heard its own node's offer, not the one posted on node A.
    expect(offeredSettings(board.view())).toEqual([m.providers[2]!.settingId]);

    await redis.start();
    for (const node of nodes) {
      expect(
        await eventually(
          () => health(node),
          (h) => h.body.redis === "ok",
        ),
      ).toEqual({ status: 200, body: expect.objectContaining({ redis: "ok" }) });
    }
    // Node B's clients are told to resynchronise: the board ends with both offers, each once.
    const caughtUp = await eventually(
      () => ({ offered: offeredSettings(board.view()), reconnections: board.reconnections() }),
      (s) => s.offered.length === 2,
    );
    expect(caughtUp.offered).toEqual([m.providers[0]!.settingId, m.providers[2]!.settingId].sort());
    expect(caughtUp.reconnections).toBeGreaterThanOrEqual(1);
    // Each node resynchronises when its own connections are back: wait until no more come.
    await eventually(
      async () => {
        const before = board.reconnections();
        await pause(1000);
        return board.reconnections() === before && board.view() !== undefined;
      },
      (settled) => settled,
    );

    // Back together: reconnected pages are not told they hear only their own node.
    const partialsBefore = otherNode.log.of("live:partial").length;
    lateComer.socket.disconnect();
    const fresh = await socketOn(b, m.commissioner);
    await connected(fresh.socket);
    await fresh.log.waitFor("live:ready");
    await pause(300);
    expect([fresh.log.of("live:partial").length, otherNode.log.of("live:partial").length]).toEqual([0, partialsBefore]);

    // Cross-node delivery works again: an offer posted on node A reaches the socket on node B.
    const from = otherNode.log.of("response:received").length;
    expect((await offer(a, made.id, 1)).status).toBe(201);
    expect(
      await otherNode.log.waitFor("response:received", (p) => p.invitation.settingId === m.providers[1]!.settingId && p.invitation.status === "offered"),
    ).toBeDefined();
    await pause(300);
    expect(otherNode.log.of("response:received").slice(from)).toHaveLength(1);

    // The board matches what the database says, no offer missing or doubled.
    const truth = await snapshotOf(sameNode.socket, made.id);
    const final = board.view();
    expect(offeredSettings(final)).toEqual(offeredSettings(truth));
    expect(offeredSettings(final)).toHaveLength(3);
    expect(new Set(final?.invitations.map((i) => i.settingId)).size).toBe(final?.invitations.length);

    // A dead Redis never became an unhandled rejection (the process guards would count those towards a restart).
    expect(unhandled).toEqual([]);
  });

  it("should treat a Redis that stops answering (hung, its connections open) as down: REST as usual, pages told, and boards caught up when it answers again", async () => {
    const [a, b] = nodes;
    const { made, sameNode, otherNode, board } = await councilOnBothNodes();

    // A stall shorter than two probes is not an outage: no page is disturbed.
    redis.pause();
    await pause(1500);
    redis.resume();
    await pause(2500);
    expect([sameNode.log.of("live:partial").length, otherNode.log.of("live:partial").length, board.reconnections()]).toEqual([0, 0, 0]);

    redis.pause();
    try {
      for (const node of nodes)
        expect(
          (
            await eventually(
              () => health(node),
              (h) => h.body.redis === "down",
            )
          ).body.redis,
        ).toBe("down");
      // Nothing closed, so only the node's own probe can tell: its pages hear it within seconds.
      for (const page of [sameNode, otherNode]) expect(LivePartialSchema.parse(await page.log.waitFor("live:partial", () => true, 10_000))).toBeDefined();

      // Sign-in's rate limit counts in memory at once, not after a command timeout each time.
      const signInStarted = performance.now();
      expect((await request(a.url).get("/auth/login")).status).toBe(302);
      expect(performance.now() - signInStarted).toBeLessThan(500);

      const started = performance.now();
      expect((await offer(a, made.id, 0)).status).toBe(201);
      expect(performance.now() - started).toBeLessThan(1000);
      expect((await offer(b, made.id, 1)).status).toBe(201);
      expect(await sameNode.log.waitFor("response:received", (p) => p.invitation.settingId === m.providers[0]!.settingId)).toBeDefined();
    } finally {
      redis.resume();
    }

    for (const node of nodes)
      expect(
        (
          await eventually(
            () => health(node),
            (h) => h.body.redis === "ok",
          )
        ).body.redis,
      ).toBe("ok");
    const caughtUp = await eventually(
      () => ({ offered: offeredSettings(board.view()), reconnections: board.reconnections() }),
      (s) => s.offered.length === 2 && s.reconnections >= 1,
      15_000,
    );
    expect(caughtUp.offered).toEqual([m.providers[0]!.settingId, m.providers[1]!.settingId].sort());
    expect(caughtUp.reconnections).toBeGreaterThanOrEqual(1);

    // Joined up again: an offer posted on node A reaches the page on node B, once.
    await pause(1500);
    const from = otherNode.log.of("response:received").length;
    expect((await offer(a, made.id, 2)).status).toBe(201);
    expect(await otherNode.log.waitFor("response:received", (p) => p.invitation.settingId === m.providers[2]!.settingId)).toBeDefined();
    await pause(300);
    expect(otherNode.log.of("response:received").slice(from)).toHaveLength(1);
    expect(unhandled).toEqual([]);
  });
});
