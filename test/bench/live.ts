// npm run bench:live — one node, one sealed request to 50 providers, 1,000 sockets watching it
// (20 council commissioners, 980 spread over the 50 provider organisations, all with API
// tokens). Each provider offers in turn; measured: submit (just before the HTTP call) to each
// entitled socket's event (council: response:received; the author's sockets: offer:receipt).
// Also counted: deliveries to sockets not entitled to them, and entitled ones that never came.
// Prints one JSON line. With DATABASE_URL a throwaway database on that server, else PGlite.
import { cpus } from "node:os";
import { buildMarket, offerBody, openRequest } from "../factories/placement-requests";
import { buildUser, type BuiltUser } from "../factories/users";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { startTestServer } from "../setup/test-server";
import { openBenchDatabase, percentile, round } from "./bench-kit";

const PROVIDERS = Number(process.env.BENCH_PROVIDERS ?? 50);
const WATCHERS = Number(process.env.BENCH_WATCHERS ?? 1000);
const COUNCIL_SOCKETS = 20;
const MISSED_AFTER_MS = 5000;
const TARGET_P99_MS = 50;
const WARM_UP = 5;

/** A provider's offer over HTTP with its API token; each fee is its own, to spot it where it must not be. */
async function submitOffer(url: string, requestId: string, p: { settingId: string; person: BuiltUser }, i: number) {
  const fee = { corePence: 100_000 + i * 101, staffingPence: 0, therapiesPence: 0, otherPence: 0 };
  const res = await fetch(`${url}/api/v1/placement-requests/${requestId}/offers`, {
    method: "POST",
    headers: { ...p.person.auth, "Content-Type": "application/json", "Idempotency-Key": `${requestId}-${i}` },
    body: JSON.stringify(offerBody(p.settingId, { fee })),
  });
  if (res.status !== 201) throw new Error(`offer ${i}: ${res.status} ${await res.text()}`);
}

interface Watcher {
  socket: LiveClient;
  /** The provider organisation's index in the market, or null for the council. */
  org: number | null;
  got: { event: string; payload: unknown; at: number }[];
}

/** Connects and watches in batches: a thousand handshakes at once would only measure the queue. */
async function watchAll(url: string, requestId: string, people: { who: BuiltUser; org: number | null }[]): Promise<Watcher[]> {
  const watchers: Watcher[] = [];
  for (let start = 0; start < people.length; start += 50) {
    const batch = await Promise.all(
      people.slice(start, start + 50).map(async ({ who, org }) => {
        const socket = await connected(liveClient(url, { token: who.token }));
        const ack = (await socket.timeout(60_000).emitWithAck("request:watch", { requestId })) as { ok: boolean };
        if (!ack.ok) throw new Error(`watch refused: ${JSON.stringify(ack)}`);
        return { socket, org, got: [] } as Watcher;
      }),
    );
    watchers.push(...batch);
  }
  return watchers;
}

async function main() {
  const { handle, kind, drop } = await openBenchDatabase();
  // The app with its live connections and closing scheduler, as `npm start` runs it.
  const node = await startTestServer({ requireClient: false, seed: false, database: { handle, url: undefined, drop: async () => undefined } });
  const watchers: Watcher[] = [];
  try {
    const db = handle.db;
    const m = await buildMarket(db, { providers: PROVIDERS });
    const councilId = m.commissioner.user.organisationId ?? "";
    const commissioners = [m.commissioner];
    while (commissioners.length < COUNCIL_SOCKETS) commissioners.push(await buildUser(db, { role: "commissioner", organisationId: councilId }));
    const { request } = await openRequest(node.url, m);
    // Warm-up (JIT, prepared plans, pooled connections): offers on a request nobody watches.
    const { request: warmUp } = await openRequest(node.url, m);
    for (const [i, p] of m.providers.slice(0, WARM_UP).entries()) await submitOffer(node.url, warmUp.id, p, i);

    const people = [
      ...commissioners.map((who) => ({ who, org: null })),
      ...Array.from({ length: WATCHERS - COUNCIL_SOCKETS }, (_, i) => ({ who: m.providers[i % PROVIDERS]!.person, org: i % PROVIDERS })),
    ];
    watchers.push(...(await watchAll(node.url, request.id, people)));
    await new Promise((r) => setTimeout(r, 500)); // the providers' "viewed" events settle first
    // Arrival time first, analysis after: the sockets share this process with the server.
    for (const w of watchers) w.socket.onAny((event: string, payload: unknown) => event !== "time" && w.got.push({ event, payload, at: performance.now() }));

    const submittedAt = new Map<string, number>();
    for (const [i, p] of m.providers.entries()) {
      submittedAt.set(p.settingId, performance.now());
      await submitOffer(node.url, request.id, p, i);
    }
    await new Promise((r) => setTimeout(r, MISSED_AFTER_MS));

    const { latencies, wrong, missed } = deliveries(watchers, m.providers, submittedAt);
    latencies.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: "live",
        driver: kind,
        node: process.version,
        cpus: cpus().length,
        watchers: watchers.length,
        offers: submittedAt.size,
        deliveries: latencies.length,
        p50_ms: round(percentile(latencies, 50)),
        p95_ms: round(percentile(latencies, 95)),
        p99_ms: round(percentile(latencies, 99)),
        max_ms: round(latencies.at(-1) ?? 0),
        wrong_deliveries: wrong,
        missed_deliveries: missed,
        target_p99_ms: TARGET_P99_MS,
      }),
    );
  } finally {
    for (const w of watchers) w.socket.disconnect();
    await node.close();
    await drop();
  }
}

type Received = Watcher["got"][number];
/** The setting whose offer an event announces: a receipt, or an invitation that became "offered". */
function offeredSetting({ event, payload }: Received): string | undefined {
  if (event === "offer:receipt") return (payload as { settingId: string }).settingId;
  const invitation = event === "response:received" ? (payload as { invitation: { settingId: string; status: string } }).invitation : undefined;
  return invitation?.status === "offered" ? invitation.settingId : undefined;
}

/**
 * Per offer and entitled socket, the first arrival of its event; every event a socket may not
 * have (another organisation's offer, or offer content on the council's sockets while sealed).
 */
function deliveries(watchers: Watcher[], providers: { settingId: string; organisationId: string }[], submittedAt: Map<string, number>) {
  const latencies: number[] = [];
  let wrong = 0;
  let missed = 0;
  for (const w of watchers) {
    const own = w.org === null ? undefined : providers[w.org];
    const others = providers.filter((p) => p !== own).flatMap((p) => [p.settingId, p.organisationId]);
    for (const { payload } of w.got) {
      const json = JSON.stringify(payload);
      const sealedContent = w.org === null && (json.includes("weeklyFeePence") || (payload as { offer?: unknown }).offer != null);
      if (sealedContent || (own && others.some((id) => json.includes(id)))) wrong++;
    }
    const expected = w.org === null ? "response:received" : "offer:receipt";
    for (const [settingId, t0] of submittedAt) {
      if (own && own.settingId !== settingId) continue;
      const arrival = w.got.find((g) => g.event === expected && offeredSetting(g) === settingId);
      if (arrival && arrival.at - t0 <= MISSED_AFTER_MS) latencies.push(arrival.at - t0);
      else missed++;
    }
  }
  return { latencies, wrong, missed };
}

await main();
