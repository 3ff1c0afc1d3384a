import { ApiErrorSchema } from "@shared/errors";
import { OfferReceiptSchema } from "@shared/schemas/placement-requests";
import type { DbHandle } from "../../server/src/db/client";
import { type Market, offerBody, openRequest } from "../factories/placement-requests";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { pause, snapshotOf, watchRequest } from "../realtime/live-recorder";
import { type Cluster, startCluster } from "../setup/cluster";
import { describeWithServers } from "../setup/describe-with-servers";
import { type PrivatePostgres, startPrivateMarket } from "./private-postgres";

// PostgreSQL goes away under load (a restart, a managed service's failover) and comes back. A
// user must be told in words to try again shortly (503 with Retry-After, not a 500 and not a
// page that hangs), the load balancer must see the nodes as not ready, nothing acknowledged may
// be lost, and the same processes must serve again once PostgreSQL is back.
//
// The PostgreSQL here is a private one (private-postgres.ts): stopping the machine's server would
// break every other test running beside this one.
const OUTAGE_MS = 3000;
/** "Not a hang": an answer within the pool's connection timeout (3 s) and a little. */
const ANSWER_WITHIN_MS = 4500;

interface Answer {
  what: string;
  status: number;
  ms: number;
  startedAt: number;
  retryAfter: string | null;
  body: unknown;
}

let pgServer: PrivatePostgres | undefined;
let cluster: Cluster | undefined;
let handle: DbHandle | undefined;
let m: Market;
const sockets: LiveClient[] = [];

describeWithServers("PostgreSQL restarted under load", { database: true }, () => {
  beforeAll(async () => {
    // Migrated here, so the nodes start on a ready database.
    ({ pgServer, handle, market: m } = await startPrivateMarket(4));
    cluster = await startCluster({ size: 2, databaseUrl: pgServer!.url, readyTimeoutMs: 120_000 });
  }, 240_000);
  afterAll(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await cluster?.stop();
    await handle?.close().catch(() => undefined);
    await pgServer?.destroy();
  });

  it("should answer 503 with Retry-After in words while it is down, report not ready, keep every acknowledged write and serve again without a restart", async () => {
    const c = cluster!;
    const pids = [0, 1].map((i) => c.node(i)?.child.pid);
    const { request: made } = await openRequest(c.url, m);
    const watcher = liveClient(c.url, { token: m.commissioner.token, reconnect: true });
    sockets.push(watcher);
    await connected(watcher);
    await snapshotOf(watcher, made.id);

    const answers: Answer[] = [];
    const ask = async (what: string, url: string, init: RequestInit = {}) => {
      const startedAt = Date.now();
      // (Not `instanceof Error`: jest's modules live in another realm than fetch's errors.)
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) }).catch((error: { cause?: unknown }) => ({
        failed: String(error.cause ?? error),
      }));
      if ("failed" in res) {
        // No answer at all (a hang, a crashed node): status 0, reported below with what it was.
        const failed: Answer = { what, status: 0, ms: Date.now() - startedAt, startedAt, retryAfter: null, body: res.failed };
        answers.push(failed);
        return failed;
      }
      const answer: Answer = {
        what,
        status: res.status,
        ms: Date.now() - startedAt,
        startedAt,
        retryAfter: res.headers.get("retry-after"),
        body: await res.json().catch(() => "not JSON"),
      };
      answers.push(answer);
      return answer;
    };
    // Each provider revises its offer again and again; each submission is remembered with its answer.
    const writes: { provider: number; key: string; corePence: number; receipt?: { offerId: string; version: number } }[] = [];
    const submit = async (provider: number, key: string, corePence: number) => {
      const p = m.providers[provider]!;
      const a = await ask("offer", `${c.url}/api/v1/placement-requests/${made.id}/offers`, {
        method: "POST",
        headers: { ...p.person.auth, "Content-Type": "application/json", "Idempotency-Key": key },
        body: JSON.stringify(offerBody(p.settingId, { fee: { corePence, staffingPence: 0, therapiesPence: 0, otherPence: 0 } })),
      });
      return a.status === 200 || a.status === 201 ? OfferReceiptSchema.parse((a.body as { data: unknown }).data) : undefined;
    };

    let stop = false;
    const load = async (provider: number) => {
      for (let n = 0; !stop; n++) {
        const w = { provider, key: `pg-${provider}-${n}`, corePence: 100_000 + provider * 1000 + n };
        writes.push(w);
        const receipt = await submit(provider, w.key, w.corePence);
        if (receipt) Object.assign(w, { receipt: { offerId: receipt.offerId, version: receipt.version } });
        await ask("request view", `${c.url}/api/v1/placement-requests/${made.id}`, { headers: m.commissioner.auth });
        await pause(100);
      }
    };
    const probes = async () => {
      while (!stop) {
        for (const i of [0, 1]) await ask(`ready ${i}`, `${c.nodeUrl(i)}/api/v1/health/ready`);
        await pause(200);
      }
    };
    const loads = [...m.providers.map((_, i) => load(i)), probes()];

    await pause(1500);
    await pgServer!.stop();
    const downFrom = Date.now();
    // A page that connects while it is down: refused in words, then connects by itself once
    // PostgreSQL is back (socket.io-client alone would give up after the first refusal).
    const late = liveClient(c.url, { token: m.commissioner.token, reconnect: true });
    sockets.push(late);
    const lateRefusals: { message: string; data: unknown }[] = [];
    late.on("connect_error", (error: Error & { data?: unknown }) => lateRefusals.push({ message: error.message, data: error.data }));
    const lateFirst = connected(late).then(
      () => "connected while down",
      () => "refused",
    );
    // A live event that needs the database is answered in words, not left hanging or crashing the node.
    const refused = await watchRequest(watcher, made.id).catch((error: unknown) => ({ error: String(error) }));
    await pause(OUTAGE_MS);
    const downUntil = Date.now();
    await pgServer!.start();
    const backAt = Date.now();
    // Both nodes ready again, on their own: the pool makes new connections as requests need them.
    let lastProbes: Answer[] = [];
    await until(
      async () => (lastProbes = await Promise.all([0, 1].map((i) => ask(`ready ${i}`, `${c.nodeUrl(i)}/api/v1/health/ready`)))).every((a) => a.status === 200),
      15_000,
    ).catch((error: unknown) => {
      stop = true;
      throw new Error(`${String(error)}: ${JSON.stringify({ lastProbes, crashes: c.crashes() })}`);
    });
    // (Asserted below: connected, and able to watch.)
    await until(async () => late.connected, 15_000).catch(() => undefined);
    await pause(1000);
    stop = true;
    await Promise.all(loads);
    const recoveredIn = Date.now() - backAt;

    expect(c.crashes()).toEqual([]);
    expect(refused).toMatchObject({ ok: false, code: "service_unavailable", message: expect.stringMatching(/database.*try again/i) });
    expect(await lateFirst).toBe("refused");
    expect(lateRefusals[0]).toEqual({
      message: expect.stringMatching(/database.*try again/i),
      data: { code: "service_unavailable", message: expect.stringMatching(/database.*try again/i) },
    });
    // Never the failed query itself: its text holds the SQL and the token's hash.
    expect(new Set(lateRefusals.map((r) => (r.data as { code?: string } | undefined)?.code))).toEqual(new Set(["service_unavailable"]));
    expect(JSON.stringify(lateRefusals)).not.toMatch(/select|api_tokens|failed query/i);
    expect(late.connected).toBe(true);
    expect(await watchRequest(late, made.id)).toMatchObject({ ok: true });
    // Nothing but success or a 503, and no answer that made anyone wait.
    expect(answers.filter((a) => ![200, 201, 503].includes(a.status))).toEqual([]);
    expect(answers.filter((a) => a.ms > ANSWER_WITHIN_MS).map(({ what, ms }) => ({ what, ms }))).toEqual([]);
    // During the outage: API calls answered 503, with Retry-After and an error a person can read.
    const during = answers.filter((a) => a.startedAt >= downFrom && a.startedAt + a.ms <= downUntil);
    const apiDuring = during.filter((a) => !a.what.startsWith("ready"));
    expect(apiDuring.length).toBeGreaterThan(0);
    for (const a of apiDuring) {
      expect({ what: a.what, status: a.status }).toEqual({ what: a.what, status: 503 });
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      const error = ApiErrorSchema.parse(a.body);
      expect(error).toMatchObject({ code: "service_unavailable", reason: "database_unavailable" });
      expect(error.message).toMatch(/database.*try again/i);
    }
    // Readiness false on both nodes while down, true on both after.
    for (const i of [0, 1]) {
      const probesDuring = during.filter((a) => a.what === `ready ${i}`);
      expect(probesDuring.length).toBeGreaterThan(0);
      for (const a of probesDuring) expect([a.status, Number(a.retryAfter) > 0]).toEqual([503, true]);
    }
    expect(answers.filter((a) => a.startedAt > backAt + recoveredIn && a.what.startsWith("ready")).every((a) => a.status === 200)).toBe(true);
    // The same processes serve again: no node was restarted or died.
    expect([0, 1].map((i) => c.node(i)?.child.pid)).toEqual(pids);
    expect(c.live()).toEqual([0, 1]);
    const after = await submit(0, "pg-after", 99_000);
    expect(after?.offerId).toBeDefined();
    expect(await watchRequest(watcher, made.id)).toMatchObject({ ok: true });

    // Every write that was acknowledged is stored as acknowledged.
    const acknowledged = writes.filter((w) => w.receipt);
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const w of acknowledged) {
      const stored = await handle!.sql.query("SELECT core_pence FROM offer_versions WHERE offer_id = $1 AND version = $2", [
        w.receipt!.offerId,
        w.receipt!.version,
      ]);
      expect({ key: w.key, stored }).toEqual({ key: w.key, stored: [{ core_pence: w.corePence }] });
    }
    // One that was refused with 503 and is sent again with its key is stored once.
    const refusedWrite = writes.find((w) => !w.receipt);
    expect(refusedWrite).toBeDefined();
    const retried = await submit(refusedWrite!.provider, refusedWrite!.key, refusedWrite!.corePence);
    expect(retried).toBeDefined();
    expect(await submit(refusedWrite!.provider, refusedWrite!.key, refusedWrite!.corePence)).toEqual(retried);
  }, 120_000);
});

async function until(done: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > end) throw new Error("PostgreSQL came back but the nodes did not become ready");
    await pause(200);
  }
}
