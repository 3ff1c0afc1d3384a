import { RequestWatchAckSchema } from "@shared/events";
import { NotificationNewSchema } from "@shared/schemas/notifications";
import { OfferReceiptSchema, type RequestView, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { handleRequestEvent } from "../../client/src/realtime/request-live-events";
import { isFresher } from "../../client/src/realtime/request-live-state";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { type EventLog, pause, recordEvents } from "../realtime/live-recorder";
import { type Cluster, startCluster } from "../setup/cluster";
import { describeWithServers } from "../setup/describe-with-servers";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// Three app nodes behind a load balancer, two live competitions, the council and every invited
// provider watching each through the balancer (so spread over the nodes), offers arriving at a
// steady rate. Half way through one node is SIGKILLed: no goodbye to its clients, requests in
// flight on it cut off. What a user must see: their page reconnects to another node and shows
// exactly what the database holds, every offer they were told was received is kept, and a
// deadline that passes afterwards still closes, once, with the watchers told.
const PROVIDERS = 5;
/** One submission every this many milliseconds across all providers and both requests. */
const SUBMIT_EVERY_MS = 80;
const LOAD_MS = 5000;
const KILLED = 1;

let database: TestDatabase;
let cluster: Cluster | undefined;
let m: Market;
const boards: Board[] = [];

/**
 * What one person's page shows for one request, kept the way the client keeps it
 * (client/src/realtime/use-request-live.ts): a snapshot from `request:watch` on every connect,
 * the request's events applied by id in between, a resync when an event says so.
 */
interface Board {
  label: string;
  person: BuiltUser;
  requestId: string;
  socket: LiveClient;
  log: EventLog;
  view: RequestView | undefined;
  connects: number;
  disconnects: number;
  refusals: string[];
}

async function follow(label: string, person: BuiltUser, requestId: string): Promise<Board> {
  const socket = liveClient(cluster!.url, { token: person.token, reconnect: true });
  const board: Board = { label, person, requestId, socket, log: recordEvents(socket), view: undefined, connects: 0, disconnects: 0, refusals: [] };
  boards.push(board);
  const watch = () => {
    socket
      .timeout(5000)
      .emitWithAck("request:watch", { requestId })
      .then(
        (result) => {
          const ack = RequestWatchAckSchema.parse(result);
          if (ack.ok) {
            if (isFresher(board.view, ack.view)) board.view = ack.view;
          } else {
            board.refusals.push(`${ack.code}: ${ack.message}`);
            if (ack.code === "service_unavailable" || ack.code === "rate_limited") setTimeout(watch, 200);
          }
        },
        // No answer: the connection went down with the node; the next connect watches again.
        () => undefined,
      );
  };
  socket.on("connect", () => {
    board.connects += 1;
    watch();
  });
  socket.on("disconnect", () => (board.disconnects += 1));
  socket.onAny((event: string, payload: unknown) =>
    handleRequestEvent(event, payload, requestId, {
      apply: (change) => (board.view = board.view && change(board.view)),
      resync: watch,
      receipt: () => undefined,
      serverTime: () => undefined,
    }),
  );
  await connected(socket);
  await until(() => board.view !== undefined, 5000, `${label}'s first snapshot`);
  return board;
}

async function until(done: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

interface Submission {
  provider: number;
  requestId: string;
  key: string;
  corePence: number;
  /** The receipt a 201/200 carried: from then on the offer must be in the database as stated. */
  receipt?: { offerId: string; version: number };
  attempts: number;
}

/** Sends a submission until it is acknowledged, as a provider's browser retries a failed save with the same Idempotency-Key. */
async function submitUntilAcknowledged(s: Submission): Promise<void> {
  const p = m.providers[s.provider]!;
  for (;;) {
    s.attempts += 1;
    const res = await fetch(`${cluster!.url}/api/v1/placement-requests/${s.requestId}/offers`, {
      method: "POST",
      headers: { ...p.person.auth, "Content-Type": "application/json", "Idempotency-Key": s.key },
      body: JSON.stringify(offerBody(p.settingId, { fee: { corePence: s.corePence, staffingPence: 0, therapiesPence: 0, otherPence: 0 } })),
    }).catch(() => undefined);
    if (res?.ok) {
      const receipt = OfferReceiptSchema.parse(((await res.json()) as { data: unknown }).data);
      s.receipt = { offerId: receipt.offerId, version: receipt.version };
      return;
    }
    // A cut connection (the node died under it) or a 503 is worth another go; anything else is a bug.
    if (res && res.status !== 503) throw new Error(`offer refused: ${res.status} ${await res.text()}`);
    if (s.attempts > 50) throw new Error(`offer ${s.key} never acknowledged`);
    await pause(100);
  }
}

const query = <T>(text: string, params: unknown[] = []) => database.handle.sql.query<T & Record<string, unknown>>(text, params);

describeWithServers("A node SIGKILLed during live competitions", { database: true, redis: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    m = await buildMarket(database.handle.db, { providers: PROVIDERS });
    cluster = await startCluster({ size: 3, databaseUrl: database.url ?? "", redisUrl: process.env.REDIS_URL });
  }, 150_000);
  afterAll(async () => {
    for (const b of boards.splice(0)) b.socket.disconnect();
    await cluster?.stop();
    await database?.drop();
  });

  it("should move its clients to the other nodes with boards matching the database, lose no acknowledged offer, and close a later deadline once", async () => {
    const c = cluster!;
    const { request: steady } = await openRequest(c.url, m);
    const { request: due } = await openRequest(c.url, m);
    for (const made of [steady, due]) {
      await follow(`council on ${made.id}`, m.commissioner, made.id);
      for (const [i, p] of m.providers.entries()) await follow(`provider ${i} on ${made.id}`, p.person, made.id);
    }
    // Round robin over three nodes: every node has watchers, so the kill cuts some off.
    expect(c.connectionsPerNode().every((n) => n > 0)).toBe(true);

    // Each provider's submissions for one request go one after another (a person saves, waits for
    // the answer, revises); the lanes run side by side at the steady rate.
    const lanes = new Map<string, Promise<void>>();
    const submissions: Submission[] = [];
    const started = Date.now();
    let killedAt = 0;
    for (let n = 0; Date.now() - started < LOAD_MS; n++) {
      if (!killedAt && Date.now() - started >= LOAD_MS / 2) {
        killedAt = Date.now();
        void c.kill(KILLED);
      }
      const provider = n % PROVIDERS;
      const requestId = Math.floor(n / PROVIDERS) % 2 === 0 ? steady.id : due.id;
      const s: Submission = { provider, requestId, key: `kill-${n}`, corePence: 100_000 + n, attempts: 0 };
      submissions.push(s);
      const lane = `${provider}:${requestId}`;
      lanes.set(
        lane,
        (lanes.get(lane) ?? Promise.resolve()).then(() => submitUntilAcknowledged(s)),
      );
      await pause(SUBMIT_EVERY_MS);
    }
    await Promise.all(lanes.values());
    expect(c.live()).toEqual([0, 2]);
    const cutOff = boards.filter((b) => b.disconnects > 0);
    expect(cutOff.length).toBeGreaterThan(0);
    // Submissions in flight on the dead node (if any were, at that instant) were sent again with their keys.

    // Every acknowledged submission is stored as acknowledged, and each lane's versions run 1..n.
    for (const s of submissions) {
      const stored = await query<{ core_pence: number }>("SELECT core_pence FROM offer_versions WHERE offer_id = $1 AND version = $2", [
        s.receipt!.offerId,
        s.receipt!.version,
      ]);
      expect({ key: s.key, stored }).toEqual({ key: s.key, stored: [{ core_pence: s.corePence }] });
    }
    const offers = await query<{ id: string; request_id: string; setting_id: string; current_version: number; versions: number }>(
      `SELECT o.id, o.request_id, o.setting_id, o.current_version, count(v.*)::int AS versions
         FROM offers o JOIN offer_versions v ON v.offer_id = o.id WHERE o.request_id = ANY($1) GROUP BY o.id`,
      [[steady.id, due.id]],
    );
    expect(offers).toHaveLength(2 * PROVIDERS);
    for (const o of offers) {
      const lane = submissions.filter((s) => s.requestId === o.request_id && m.providers[s.provider]!.settingId === o.setting_id);
      expect([o.current_version, o.versions]).toEqual([lane.length, lane.length]);
    }

    // The deadline passes after the kill: a remaining node's closing scheduler closes it, once.
    await passDeadline(database.handle.db, due.id);
    const dueBoards = boards.filter((b) => b.requestId === due.id);
    for (const b of dueBoards) await b.log.waitFor("request:closed", (p) => p.requestId === due.id, 5000);
    await pause(1000); // four more polls of each remaining scheduler: nothing closes it again
    expect(await query("SELECT 1 FROM audit_log WHERE record_id = $1 AND action = 'placement_request.closed'", [due.id])).toHaveLength(1);
    for (const b of dueBoards) expect({ board: b.label, closed: b.log.of("request:closed").length }).toEqual({ board: b.label, closed: 1 });

    // Every board, on whichever node it ended, shows exactly what the database holds: the cut-off
    // ones reconnected and watched again, none shows an offer twice or misses one.
    const shown = (v: RequestView | undefined) => ({
      state: v?.request.state,
      invitations: (v?.invitations ?? []).map((i) => `${i.settingId} ${i.status}`).sort(),
      offers: (v?.offers ?? []).map((o) => `${o.id} v${o.current.version}`).sort(),
    });
    for (const b of boards) {
      const fresh = await fetch(`${c.url}/api/v1/placement-requests/${b.requestId}`, { headers: b.person.auth });
      const truth = shown(RequestViewResponseSchema.parse(await fresh.json()).data);
      // Events still on their way (the close's resync) may take a moment.
      await until(() => JSON.stringify(shown(b.view)) === JSON.stringify(truth), 5000, `${b.label} to match the database`).catch(() => undefined);
      expect({ board: b.label, ...shown(b.view) }).toEqual({ board: b.label, ...truth });
      expect(b.socket.connected).toBe(true);
      expect(b.refusals).toEqual([]);
    }
    for (const b of cutOff) expect({ board: b.label, connects: b.connects }).toEqual({ board: b.label, connects: b.disconnects + 1 });
    // The database's own count, against the boards the offers are visible on: a provider its own
    // offer, the council every offer of the closed request (sealed ones open at the close).
    const visible = (b: Board) => shown(b.view).offers.length;
    for (const b of boards.filter((x) => x.person !== m.commissioner)) expect(visible(b)).toBe(1);
    expect(visible(boards.find((b) => b.requestId === due.id && b.person === m.commissioner)!)).toBe(PROVIDERS);
    expect(visible(boards.find((b) => b.requestId === steady.id && b.person === m.commissioner)!)).toBe(0);

    // Nothing leaked across the reconnects: every payload parsed, no provider heard of another's setting.
    // (The close also notifies people in their notification centre: checked with its own schema here.)
    expect(boards.flatMap((b) => b.log.problems).filter((p) => p !== "unexpected event notification:new")).toEqual([]);
    for (const b of boards) for (const n of b.log.events.filter((e) => e.event === "notification:new")) NotificationNewSchema.parse(n.payload);
    for (const [i, p] of m.providers.entries()) {
      const others = m.providers.filter((_, k) => k !== i).map((o) => o.settingId);
      for (const b of boards.filter((x) => x.person === p.person)) for (const id of others) expect(b.log.json()).not.toContain(id);
    }
    expect(await query("SELECT state FROM placement_requests WHERE id = $1", [steady.id])).toEqual([{ state: "open" }]);
    expect(killedAt).toBeGreaterThan(0);
  }, 120_000);
});
