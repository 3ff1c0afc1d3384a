import request from "supertest";
import { OfferReceiptSchema } from "@shared/schemas/placement-requests";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { describeWithServers } from "../setup/describe-with-servers";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";
import { type EventLog, pause, recordEvents, snapshotOf } from "./live-recorder";

// Two app nodes as production runs them: one PostgreSQL database (each node its own pool, as
// two processes would have) and one Redis carrying socket.io events between them.
const TICK_MS = 200;
let database: TestDatabase;
let secondHandle: DbHandle;
let nodes: [TestServer, TestServer];
let m: Market;
const sockets: LiveClient[] = [];
const logs: EventLog[] = [];

describeWithServers("Two app nodes sharing PostgreSQL and Redis", { database: true, redis: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    secondHandle = await openDatabase({ databaseUrl: database.url, poolSize: 5 });
    const env = { REDIS_URL: process.env.REDIS_URL ?? "" };
    const common = { requireClient: false, seed: false, env, clockTickMs: TICK_MS };
    nodes = [
      // Node A sweeps no live outbox, so what it stores and does not publish is left to node B (claims of 1 s here).
      await startTestServer({ ...common, database, liveSweep: false }),
      await startTestServer({
        ...common,
        database: { handle: secondHandle, url: database.url, drop: () => secondHandle.close() },
        liveSweep: { everyMs: 200, claimMs: 1000 },
      }),
    ];
    m = await buildMarket(database.handle.db, { providers: 2 });
  });
  afterEach(() => {
    sockets.splice(0).forEach((s) => s.disconnect());
    expect(logs.splice(0).flatMap((l) => l.problems)).toEqual([]);
  });
  afterAll(async () => {
    for (const node of nodes ?? []) await node.close();
    await secondHandle?.close();
    await database?.drop();
  });

  const watcherOn = async (node: TestServer, who: BuiltUser, requestId: string) => {
    const socket = liveClient(node.url, { token: who.token });
    const log = recordEvents(socket);
    sockets.push(socket);
    logs.push(log);
    await connected(socket);
    await snapshotOf(socket, requestId);
    return log;
  };

  it("should bring an offer posted to node A to the council's and the author's sockets on node B, once each", async () => {
    const [a, b] = nodes;
    const { request: made } = await openRequest(a.testApp.app, m);
    const council = await watcherOn(b, m.commissioner, made.id);
    const author = await watcherOn(b, m.providers[0]!.person, made.id);
    const other = await watcherOn(b, m.providers[1]!.person, made.id);

    const res = await request(a.url)
      .post(`/api/v1/placement-requests/${made.id}/offers`)
      .set(m.providers[0]!.person.auth)
      .send(offerBody(m.providers[0]!.settingId));
    expect(res.status).toBe(201);
    const receipt = OfferReceiptSchema.parse(res.body.data);
    expect(await author.waitFor("offer:receipt")).toEqual(receipt);
    expect(await council.waitFor("response:received", (p) => p.invitation.status === "offered")).toMatchObject({
      offer: null,
      invitation: { settingId: m.providers[0]!.settingId },
    });
    await pause(300);
    expect(council.of("response:received").filter((p) => p.invitation.status === "offered")).toHaveLength(1);
    expect(author.of("offer:receipt")).toHaveLength(1);
    expect(other.json()).not.toContain(m.providers[0]!.settingId);
  });

  it("should bring an offer to the sockets on node B when node A stored and acknowledged it but never published it (B's sweep)", async () => {
    const [a, b] = nodes;
    const { request: made } = await openRequest(a.testApp.app, m);
    const council = await watcherOn(b, m.commissioner, made.id);
    const author = await watcherOn(b, m.providers[1]!.person, made.id);
    // Node A answers and then publishes nothing: as if killed between its 201 and its publish.
    const live = a.testApp.built.live;
    const emit = live.emit;
    live.emit = () => {
      throw new Error("node A is gone");
    };
    try {
      const res = await request(a.url)
        .post(`/api/v1/placement-requests/${made.id}/offers`)
        .set(m.providers[1]!.person.auth)
        .send(offerBody(m.providers[1]!.settingId));
      expect(res.status).toBe(201);
      const receipt = OfferReceiptSchema.parse(res.body.data);
      expect(await author.waitFor("offer:receipt", (p) => p.requestId === made.id, 5000)).toEqual(receipt);
      expect(await council.waitFor("response:received", (p) => p.requestId === made.id && p.invitation.status === "offered", 5000)).toMatchObject({
        offer: null,
        invitation: { settingId: m.providers[1]!.settingId },
      });
    } finally {
      live.emit = emit;
    }
    await pause(1500); // past another claim: published once, and no longer stored
    expect(author.of("offer:receipt")).toHaveLength(1);
    expect(await database.handle.sql.query("SELECT id FROM live_outbox")).toEqual([]);
  });

  it("should close a due request exactly once with both nodes' schedulers running, and tell the sockets on both nodes", async () => {
    const [a, b] = nodes;
    const { request: made } = await openRequest(a.testApp.app, m);
    const onA = await watcherOn(a, m.commissioner, made.id);
    const onB = await watcherOn(b, m.providers[1]!.person, made.id);
    await request(b.url).post(`/api/v1/placement-requests/${made.id}/offers`).set(m.providers[1]!.person.auth).send(offerBody(m.providers[1]!.settingId));

    await passDeadline(database.handle.db, made.id);
    for (const log of [onA, onB]) expect(await log.waitFor("request:closed", (p) => p.requestId === made.id, 1500)).toMatchObject({ state: "closed" });
    await pause(600); // two more polls of each scheduler: nothing closes it again
    const audit = await database.handle.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE record_id = $1 AND action = 'placement_request.closed'",
      [made.id],
    );
    expect(audit).toEqual([{ n: 1 }]);
    for (const log of [onA, onB]) expect(log.of("request:closed")).toHaveLength(1);
  });

  it("should send `time` to a socket from its own node only (not fanned out through Redis)", async () => {
    const [a, b] = nodes;
    const { request: made } = await openRequest(a.testApp.app, m);
    // Watchers on both nodes, so both nodes tick for this request.
    await watcherOn(a, m.commissioner, made.id);
    const onB = await watcherOn(b, m.commissioner, made.id);
    const from = onB.of("time").length;
    await pause(10 * TICK_MS);
    const ticks = onB.of("time").length - from;
    // Its own node's ticks alone are about 10; with the other node's too they would be about 20.
    expect(ticks).toBeGreaterThanOrEqual(7);
    expect(ticks).toBeLessThanOrEqual(12);
  });
});
