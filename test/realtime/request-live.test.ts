import request from "supertest";
import { OfferReceiptSchema, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { evaluateViaApi } from "../factories/evaluation";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";
import { type EventLog, pause, recordEvents, snapshotOf, watchRequest } from "./live-recorder";

let t: TestServer;
let m: Market;
const sockets: LiveClient[] = [];
const logs: EventLog[] = [];
const db = () => t.testApp.database.handle.db;

beforeAll(async () => {
  // A short clock tick so the `time` test need not wait the production 5 s.
  t = await startTestServer({ requireClient: false, seed: false, clockTickMs: 200 });
  m = await buildMarket(db(), { providers: 3 });
});
afterEach(() => {
  sockets.splice(0).forEach((s) => s.disconnect());
  // Every payload any socket got in the test parsed with its shared schema.
  expect(logs.splice(0).flatMap((l) => l.problems)).toEqual([]);
});
afterAll(() => t.close());

/** A connected socket for the person, recording everything it receives from the start. */
async function watcher(who: BuiltUser, options: { reconnect?: boolean } = {}) {
  const socket = liveClient(t.url, { token: who.token, ...options });
  const log = recordEvents(socket);
  sockets.push(socket);
  logs.push(log);
  await connected(socket);
  return { socket, log };
}

const provider = (i: number) => m.providers[i]!;
const offer = (i: number, id: string, overrides: Record<string, unknown> = {}) =>
  request(t.url)
    .post(`/api/v1/placement-requests/${id}/offers`)
    .set(provider(i).person.auth)
    .send(offerBody(provider(i).settingId, overrides));
const fee = (corePence: number) => ({ fee: { corePence, staffingPence: 0, therapiesPence: 0, otherPence: 0 } });
const restView = async (who: BuiltUser, id: string) =>
  RequestViewResponseSchema.parse((await request(t.url).get(`/api/v1/placement-requests/${id}`).set(who.auth)).body).data;
const urgentRequest = async () => {
  await t.testApp.database.handle.sql.query("UPDATE child_profiles SET needed_by = current_date + 2 WHERE id = $1", [m.childId]);
  try {
    return (await openRequest(t.testApp.app, m, { mode: "urgent" })).request;
  } finally {
    await t.testApp.database.handle.sql.query("UPDATE child_profiles SET needed_by = current_date + 30 WHERE id = $1", [m.childId]);
  }
};

describe("request:watch", () => {
  it("should answer with the viewer's own snapshot, and tell anyone else the request does not exist", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const council = await snapshotOf((await watcher(m.commissioner)).socket, made.id);
    expect(council).toMatchObject({ viewer: "commissioner", request: { id: made.id, state: "open" }, offers: [] });
    expect(council.invitations).toHaveLength(3);
    expect(Math.abs(Date.parse(council.serverTime) - Date.now())).toBeLessThan(5000);

    const mine = await snapshotOf((await watcher(provider(0).person)).socket, made.id);
    expect(mine.viewer).toBe("provider");
    expect(mine.invitations.map((i) => i.settingId)).toEqual([provider(0).settingId]);
    expect(mine.request.childReference).toBeNull();

    for (const stranger of [m.otherCommissioner, m.outsider, m.panel]) {
      expect(await watchRequest((await watcher(stranger)).socket, made.id)).toMatchObject({ ok: false, code: "not_found" });
    }
    const { socket } = await watcher(m.commissioner);
    expect(await socket.timeout(3000).emitWithAck("request:watch", { requestId: "nope" } as never)).toMatchObject({ ok: false, code: "validation_error" });
  });

  it("should mark an invited provider's watch as viewed and tell the council at once", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const council = await watcher(m.commissioner);
    await snapshotOf(council.socket, made.id);
    await snapshotOf((await watcher(provider(1).person)).socket, made.id);
    const seen = await council.log.waitFor("response:received", (p) => p.invitation.settingId === provider(1).settingId);
    expect(seen).toMatchObject({ requestId: made.id, invitation: { status: "viewed", viewedAt: expect.any(String) }, offer: null });
  });

  it("should send `time` with the database's clock and the deadline to watchers of an open request", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const { socket, log } = await watcher(m.commissioner);
    const view = await snapshotOf(socket, made.id);
    const tick = await log.waitFor("time", (p) => p.requestId === made.id, 2000);
    expect(tick.deadline).toBe(view.request.deadline);
    expect(Date.parse(tick.serverTime)).toBeGreaterThanOrEqual(Date.parse(view.serverTime));
  });
});

describe("A sealed request, live", () => {
  it("should give an offer's content to its author only, its status to the council, nothing to another provider; and open all at the deadline", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const [council, a, b] = [await watcher(m.commissioner), await watcher(provider(0).person), await watcher(provider(1).person)];
    for (const w of [council, a, b]) await snapshotOf(w.socket, made.id);

    const res = await offer(0, made.id, { ...fee(123_457), notes: "Our own minibus." });
    expect(res.status).toBe(201);
    const submitted = OfferReceiptSchema.parse(res.body.data);
    const receipt = await a.log.waitFor("offer:receipt");
    expect(receipt).toEqual(submitted);
    expect(receipt).toMatchObject({ version: 1, weeklyFeePence: 123_457, serverTime: expect.any(String) });
    const own = await a.log.waitFor("response:received", (p) => p.offer !== null);
    expect(own.offer).toMatchObject({ id: submitted.offerId, current: { weeklyFeePence: 123_457, notes: "Our own minibus." } });

    const status = await council.log.waitFor("response:received", (p) => p.invitation.status === "offered");
    expect(status).toMatchObject({ invitation: { settingId: provider(0).settingId, offeredAt: expect.any(String) }, offer: null });
    await pause(300); // anything else on its way arrives too
    for (const secret of [submitted.offerId, "123457", "Our own minibus", "Small classes", "weeklyFeePence"]) expect(council.log.json()).not.toContain(secret);
    for (const aboutA of [provider(0).settingId, provider(0).organisationId, submitted.offerId, "123457", "Our own minibus"])
      expect(b.log.json()).not.toContain(aboutA);
    // B heard only of itself: its own invitation marked viewed when it watched.
    expect(b.log.of("response:received").map((p) => p.invitation.settingId)).toEqual([provider(1).settingId]);
    expect(b.log.of("offer:receipt")).toEqual([]);

    await passDeadline(db(), made.id);
    const passedAt = performance.now();
    for (const w of [council, a, b]) expect(await w.log.waitFor("request:closed", (p) => p.requestId === made.id, 1500)).toMatchObject({ state: "closed" });
    expect(performance.now() - passedAt).toBeLessThan(1500);
    const opened = await snapshotOf(council.socket, made.id);
    expect(opened.offers.map((o) => [o.id, o.current.weeklyFeePence])).toEqual([[submitted.offerId, 123_457]]);
    for (const aboutA of [provider(0).settingId, submitted.offerId, "123457"]) expect(b.log.json()).not.toContain(aboutA);
  });

  it("should send the council's event with the same invitation a fresh snapshot shows", async () => {
    const { request: made } = await openRequest(t.testApp.app, m);
    const council = await watcher(m.commissioner);
    await snapshotOf(council.socket, made.id);
    expect((await offer(2, made.id)).status).toBe(201);
    const event = await council.log.waitFor("response:received", (p) => p.invitation.status === "offered");
    const view = await restView(m.commissioner, made.id);
    expect(event.invitation).toEqual(view.invitations.find((i) => i.settingId === provider(2).settingId));
  });
});

describe("An urgent request, live", () => {
  it("should show the council each offer as it arrives, as the author sees it", async () => {
    const made = await urgentRequest();
    const council = await watcher(m.commissioner);
    await snapshotOf(council.socket, made.id);
    const author = await watcher(provider(2).person);
    await snapshotOf(author.socket, made.id);
    expect((await offer(2, made.id, fee(99_999))).status).toBe(201);
    const arrived = await council.log.waitFor("response:received", (p) => p.offer !== null);
    expect(arrived.offer).toMatchObject({ settingId: provider(2).settingId, current: { weeklyFeePence: 99_999 } });
    const authors = await author.log.waitFor("response:received", (p) => p.offer !== null);
    // What the events carry is what each one's reload shows.
    const [councilView, authorView] = [await restView(m.commissioner, made.id), await restView(provider(2).person, made.id)];
    expect([arrived.invitation, arrived.offer]).toEqual([councilView.invitations.find((i) => i.settingId === provider(2).settingId), councilView.offers[0]]);
    expect([authors.invitation, authors.offer]).toEqual([authorView.invitations[0], authorView.offers[0]]);
  });
});

describe("Reconnecting", () => {
  const offersOnce = (view: { offers: { id: string; settingId: string }[] }) => {
    expect(new Set(view.offers.map((o) => o.id)).size).toBe(view.offers.length);
    return view.offers.map((o) => o.settingId).sort();
  };

  it("should resynchronise by re-watching after disconnect() and connect(): every offer exactly once, as a reload shows", async () => {
    const made = await urgentRequest();
    const council = await watcher(m.commissioner);
    await snapshotOf(council.socket, made.id);
    await offer(0, made.id);
    await council.log.waitFor("response:received", (p) => p.offer !== null);

    council.socket.disconnect();
    await offer(1, made.id);
    await offer(0, made.id, fee(110_000)); // a revision while away: version 2
    await connected(council.socket);
    // Never recovered (the server keeps no connection state to hand back): the snapshot is the truth.
    expect(council.socket.recovered).toBeFalsy();
    const view = await snapshotOf(council.socket, made.id);
    expect(offersOnce(view)).toEqual([provider(0).settingId, provider(1).settingId].sort());
    expect(view.offers.find((o) => o.settingId === provider(0).settingId)?.current).toMatchObject({ version: 2, weeklyFeePence: 110_000 });
    expect(view.offers).toEqual((await restView(m.commissioner, made.id)).offers);
  });

  it("should, after a transport close, either recover the missed events or re-watch; later events then arrive once each", async () => {
    const made = await urgentRequest();
    const council = await watcher(m.commissioner, { reconnect: true });
    await snapshotOf(council.socket, made.id);
    // What a client does on every (re)connection: a recovered session kept its rooms and got what
    // it missed; otherwise it asks for the snapshot again.
    let snapshot: Promise<Awaited<ReturnType<typeof snapshotOf>>> | undefined;
    let recovered = false;
    council.socket.on("connect", () => {
      recovered = council.socket.recovered;
      if (!recovered) snapshot = snapshotOf(council.socket, made.id);
    });
    // A broadcast received first gives the client an offset to recover from.
    await offer(0, made.id);
    await council.log.waitFor("response:received", (p) => p.offer?.settingId === provider(0).settingId);
    const back = new Promise((resolve) => council.socket.once("connect", () => resolve(undefined)));
    council.socket.io.engine.close();
    await offer(1, made.id);
    await back;
    await (snapshot ?? Promise.resolve());

    expect((await offer(2, made.id)).status).toBe(201);
    await council.log.waitFor("response:received", (p) => p.offer?.settingId === provider(2).settingId);
    await pause(300);
    const events = council.log.of("response:received").filter((p) => p.offer !== null);
    const bySetting = (id: string) => events.filter((p) => p.offer?.settingId === id).length;
    expect(bySetting(provider(2).settingId)).toBe(1);
    // Offer 1 came in while the transport was down: replayed once on recovery, else in the snapshot.
    const inSnapshot = snapshot ? (await snapshot).offers.filter((o) => o.settingId === provider(1).settingId).length : 0;
    expect(recovered ? bySetting(provider(1).settingId) : inSnapshot).toBe(1);
    expect(offersOnce(await snapshotOf(council.socket, made.id))).toEqual([provider(0).settingId, provider(1).settingId, provider(2).settingId].sort());
  });
});

describe("A ranked request's price round, live", () => {
  it("should send each provider its own rank only, and the council none", async () => {
    const { request: made } = await openRequest(t.testApp.app, m, { mode: "ranked" });
    const [council, a, b] = [await watcher(m.commissioner), await watcher(provider(0).person), await watcher(provider(1).person)];
    for (const w of [council, a, b]) await snapshotOf(w.socket, made.id);
    const ids = [
      OfferReceiptSchema.parse((await offer(0, made.id)).body.data).offerId,
      OfferReceiptSchema.parse((await offer(1, made.id, fee(100_000))).body.data).offerId,
    ];
    await passDeadline(db(), made.id);
    await council.log.waitFor("request:closed", () => true, 1500);
    const opened = await restView(m.commissioner, made.id);
    const scores = opened.offers.flatMap((o) => opened.request.criteria.map((c) => ({ offerId: o.id, criterionId: c.id, score: 3 })));
    const asCouncil = (method: "put" | "post", path: string, body: object = {}) =>
      request(t.url)[method](`/api/v1/placement-requests/${made.id}${path}`).set(m.commissioner.auth).send(body);
    expect((await evaluateViaApi(t.url, m.commissioner.auth, made.id, scores)).status).toBe(200);
    expect((await asCouncil("post", "/price-round", { closesAt: new Date(Date.now() + 600_000).toISOString() })).status).toBe(200);

    expect(await a.log.waitFor("rank:changed")).toEqual({ requestId: made.id, offerId: ids[0], rank: 2, of: 2 });
    expect(await b.log.waitFor("rank:changed")).toEqual({ requestId: made.id, offerId: ids[1], rank: 1, of: 2 });
    const lower = await request(t.url).put(`/api/v1/placement-requests/${made.id}/offers/${ids[0]}/price`).set(provider(0).person.auth).send(fee(90_000));
    expect(lower.status).toBe(200);
    await a.log.waitFor("rank:changed", (p) => p.rank === 1);
    await b.log.waitFor("rank:changed", (p) => p.rank === 2);
    await pause(200);
    expect(council.log.of("rank:changed")).toEqual([]);
    expect(a.log.of("rank:changed").map((r) => r.offerId)).toEqual([ids[0], ids[0]]);
    expect(b.log.of("rank:changed").map((r) => r.offerId)).toEqual([ids[1], ids[1]]);
    expect(b.log.json()).not.toContain(ids[0]);
    expect(a.log.json()).not.toContain(ids[1]);
  });
});
