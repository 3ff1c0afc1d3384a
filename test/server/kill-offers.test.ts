import { type OfferReceipt, OfferReceiptSchema } from "@shared/schemas/placement-requests";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningServer, spawnServer } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// A node dies (SIGKILL: no graceful shutdown) while offers pour in. What was acknowledged must
// be stored exactly as acknowledged; what was not may be retried with its Idempotency-Key and
// is then stored once; deadlines that passed while no node ran are caught up on restart.
// Server mode only: the node is its own process, so the database must be one both can reach.
const PROVIDERS = 40;
/** Providers that already have an offer in: their burst submission is a revision (version 2). */
const REVISING = 10;
/** Answers to wait for before the kill, at the latest: the rest of the burst is then in flight or queued. */
const KILL_AFTER = 5;

let database: TestDatabase;
let m: Market;
const running: RunningServer[] = [];

interface Submission {
  provider: number;
  key: string;
  corePence: number;
  expectedVersion: number;
  /** The answer before the kill, if there was one. */
  answer?: { status: number; receipt: OfferReceipt };
}

const query = <T>(text: string, params: unknown[] = []) => database.handle.sql.query<T & Record<string, unknown>>(text, params);

async function submit(url: string, requestId: string, s: Submission) {
  const p = m.providers[s.provider]!;
  const res = await fetch(`${url}/api/v1/placement-requests/${requestId}/offers`, {
    method: "POST",
    headers: { ...p.person.auth, "Content-Type": "application/json", "Idempotency-Key": s.key },
    body: JSON.stringify(offerBody(p.settingId, { fee: { corePence: s.corePence, staffingPence: 0, therapiesPence: 0, otherPence: 0 } })),
  });
  const body = (await res.json()) as { data?: unknown };
  return { status: res.status, receipt: res.ok ? OfferReceiptSchema.parse(body.data) : undefined, body };
}

async function start(): Promise<RunningServer> {
  const node = await spawnServer({ DATABASE_URL: database.url ?? "", SEED_DEMO: "false" });
  running.push(node);
  return node;
}

describeWithServers("Killing a node while offers arrive", { database: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    m = await buildMarket(database.handle.db, { providers: PROVIDERS });
  });
  afterAll(async () => {
    for (const node of running) node.child.kill("SIGKILL");
    await Promise.all(running.map((n) => n.exited));
    await database?.drop();
  });

  it("should keep every acknowledged offer as acknowledged, store each retried one once, and close what fell due while it was down", async () => {
    const first = await start();
    const { request: made } = await openRequest(first.url, m);
    const { request: due } = await openRequest(first.url, m);
    expect((await submit(first.url, due.id, { provider: 0, key: "due-0", corePence: 150_000, expectedVersion: 1 })).status).toBe(201);
    const warm: Submission[] = m.providers.slice(0, REVISING).map((_, i) => ({ provider: i, key: `first-${i}`, corePence: 150_000, expectedVersion: 1 }));
    for (const s of warm) {
      const r = await submit(first.url, made.id, s);
      expect(r.status).toBe(201);
      s.answer = { status: r.status, receipt: r.receipt! };
    }

    const burst: Submission[] = m.providers.map((_, i) => ({ provider: i, key: `burst-${i}`, corePence: 100_000 + i, expectedVersion: i < REVISING ? 2 : 1 }));
    let answered = 0;
    let done = false;
    const kill = () => first.child.kill("SIGKILL");
    const submissions = Promise.all(
      burst.map(async (s) => {
        const r = await submit(first.url, made.id, s).catch(() => undefined);
        if (r?.receipt) s.answer = { status: r.status, receipt: r.receipt };
        if (r?.receipt && ++answered === KILL_AFTER) kill();
      }),
    ).finally(() => (done = true));
    // Answers trail their commits (events go out first), so also kill once a third has committed:
    // then some submissions are stored but unanswered and others not stored at all.
    while (!done && (await committedBurst()) < PROVIDERS / 3) await new Promise((r) => setTimeout(r, 2));
    kill();
    await submissions;
    await first.exited;
    const acknowledged = [...warm, ...burst].filter((s) => s.answer);
    const unacknowledged = burst.filter((s) => !s.answer);
    expect(unacknowledged.length).toBeGreaterThan(0);

    // With no node running: every acknowledgement is in the database exactly as stated.
    for (const s of acknowledged) {
      const { receipt, status } = s.answer!;
      expect([status, receipt.version]).toEqual([s.expectedVersion === 1 ? 201 : 200, s.expectedVersion]);
      const stored = await query<{ core_pence: number }>("SELECT core_pence FROM offer_versions WHERE offer_id = $1 AND version = $2", [
        receipt.offerId,
        receipt.version,
      ]);
      expect(stored).toEqual([{ core_pence: s.corePence }]);
    }
    await expectOneContiguousOfferPerSetting(made.id);
    expect(await committedBurst()).toBeLessThan(PROVIDERS);
    await passDeadline(database.handle.db, due.id);

    const second = await start();
    const readyAt = Date.now();
    for (const s of burst) {
      const again = await submit(second.url, made.id, s);
      expect([200, 201]).toContain(again.status);
      expect(again.receipt?.version).toBe(s.expectedVersion);
      // An acknowledged submission retried gets its first answer back, not a new version.
      if (s.answer) expect(again.receipt).toEqual(s.answer.receipt);
    }
    const offers = await expectOneContiguousOfferPerSetting(made.id);
    expect(offers).toHaveLength(PROVIDERS);
    for (const s of burst) {
      const offer = offers.find((o) => o.setting_id === m.providers[s.provider]!.settingId);
      expect([offer?.current_version, offer?.core_pence]).toEqual([s.expectedVersion, s.corePence]);
    }
    expect(await query("SELECT key FROM idempotency_keys WHERE status = 0")).toEqual([]);

    // The closing scheduler catches up with the deadline that passed while no node ran.
    let state = "open";
    while (state === "open" && Date.now() - readyAt < 5000) {
      await new Promise((r) => setTimeout(r, 100));
      [{ state } = { state }] = await query<{ state: string }>("SELECT state FROM placement_requests WHERE id = $1", [due.id]);
    }
    expect(state).toBe("closed");
    expect(await query("SELECT action FROM audit_log WHERE record_id = $1 AND action = 'placement_request.closed'", [due.id])).toHaveLength(1);
    expect(await query<{ state: string }>("SELECT state FROM placement_requests WHERE id = $1", [made.id])).toEqual([{ state: "open" }]);
  }, 120_000);
});

/** Burst submissions whose transaction committed (the key is claimed in the same transaction). */
async function committedBurst() {
  const [row] = await query<{ n: number }>("SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE 'burst-%' AND status > 0");
  return row?.n ?? 0;
}

/** One offer row per setting, and its versions 1..current with none missing or doubled. */
async function expectOneContiguousOfferPerSetting(requestId: string) {
  const offers = await query<{ setting_id: string; current_version: number; versions: number[]; core_pence: number }>(
    `SELECT o.setting_id, o.current_version, array_agg(v.version ORDER BY v.version) AS versions,
            (SELECT core_pence FROM offer_versions c WHERE c.offer_id = o.id AND c.version = o.current_version) AS core_pence
       FROM offers o JOIN offer_versions v ON v.offer_id = o.id WHERE o.request_id = $1 GROUP BY o.id`,
    [requestId],
  );
  expect(new Set(offers.map((o) => o.setting_id)).size).toBe(offers.length);
  for (const o of offers) expect(o.versions).toEqual(Array.from({ length: o.current_version }, (_, i) => i + 1));
  return offers;
}
