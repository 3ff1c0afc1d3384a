import { Writable } from "node:stream";
import { pino } from "pino";
import request from "supertest";
import { sweepLiveOutbox } from "../../server/src/realtime/live-outbox";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";
import { recordEvents, watchRequest } from "./live-recorder";

// A write's live events are stored with it and go once its transaction has committed, without
// waiting for its HTTP answer (server/src/realtime/live-outbox.ts, ADR 0025): a failing publish
// never turns a committed write into a 500 nor loses the event, and no socket hears of a write
// that is not in the database.
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let t: TestServer;
let m: Market;
const sockets: LiveClient[] = [];
const db = () => t.testApp.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.testApp.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await startTestServer({ requireClient: false, seed: false, logger: pino({ level: "info" }, sink) });
  m = await buildMarket(db(), { providers: 2 });
});
afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
afterAll(() => t.close());

const offer = (i: number, id: string) =>
  request(t.url)
    .post(`/api/v1/placement-requests/${id}/offers`)
    .set(m.providers[i]!.person.auth)
    .set("X-Request-Id", `after-commit-offer-${i}`)
    .send(offerBody(m.providers[i]!.settingId));

/** A request opened, and the council's page watching it. */
async function openWatchedByCouncil() {
  const { request: made } = await openRequest(t.testApp.app, m);
  const socket = liveClient(t.url, { token: m.commissioner.token });
  sockets.push(socket);
  const log = recordEvents(socket);
  await connected(socket);
  await watchRequest(socket, made.id);
  return { made, log };
}

describe("Publishing after the commit", () => {
  it("should answer 201 and keep the offer when publishing its events fails, log the failure, and have the sweep tell the council later", async () => {
    const { made, log } = await openWatchedByCouncil();
    const live = t.testApp.built.live;
    const emit = live.emit;
    live.emit = () => {
      throw new Error("the socket adapter is down");
    };
    try {
      const res = await offer(0, made.id);
      expect(res.status).toBe(201);
      const [{ n } = { n: 0 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE request_id = $1", [made.id]);
      expect(n).toBe(1);
      for (let i = 0; i < 100 && !lines.some((l) => l.publish === "request:response"); i++) await new Promise((r) => setTimeout(r, 20));
    } finally {
      live.emit = emit;
    }
    const failures = lines.filter((l) => l.msg === "live publish failed after commit");
    expect(failures.map((l) => l.publish)).toEqual(expect.arrayContaining(["request:receipt", "request:response"]));
    expect(failures.every((l) => l.level === 50)).toBe(true);
    // Kept for the sweep, which any node runs once the claim has lapsed (here at once).
    const offered = log.waitFor("response:received", (p) => p.requestId === made.id && p.invitation.status === "offered");
    expect(await sweepLiveOutbox(db(), 0)).toBe(2);
    await offered;
  });

  it("should send a write's events only once it is in the database, and answer the author as well", async () => {
    const { made, log } = await openWatchedByCouncil();
    // Read as the event arrives, on another connection: the offer must already be there to read.
    const storedWhenHeard = log
      .waitFor("response:received", (p) => p.invitation.status === "offered")
      .then(async () => (await query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE request_id = $1", [made.id]))[0]?.n);
    const res = await offer(1, made.id);
    expect(res.status).toBe(201);
    expect(await storedWhenHeard).toBe(1);
  });
});
