// npm run bench:national — the national scale of issue 17 on this machine: a fresh database on the
// PostgreSQL server with 150 councils, 20,000 settings (2,000 providers) and 500 open requests of
// 20 invitations each; 3 app nodes (their own processes, sharing Redis) behind nginx with
// infra/nginx/nginx.conf, the load balancer docker compose runs (apt-get install nginx), plus
// an address per node; 5,000 sockets, each watching one request (2 of its council's, 8 of its
// invited providers'), a third on each node. The sockets run in processes of their own
// (nation-fleet.ts: one per node, holding the sockets that connect through that node's
// address), as they run on other machines in life: a killed node's sockets reconnecting do not
// hold up the loop that times the other sockets' arrivals. The balancer was a Node.js TCP proxy
// until 2026-12-06; nginx does in C what it did on a Node.js loop (docs/benchmarks.md). Two phases
// of BENCH_SECONDS (60): offers at 50 a second and REST reads (search, matches, request views)
// at 100 a second; in the second, one node is SIGKILLed half way and its sockets reconnect to
// the others and re-watch.
// The setup (nation-kit.ts's withNation) writes its rows in bulk (nation-bulk.ts): the people and
// their API tokens, and all the requests but the first, with their invitations, audit entries,
// notifications and e-mails. The first request is opened through the API, and every run checks
// that a bulk request's rows are the same as its (ids, times and names apart) and that the audit
// chain holds, before anything is measured. One API call each took more than 25 minutes at full
// size; the offers, reads and sockets measured still go through the API and the balancer.
// One JSON line per phase: submit-to-delivery (offer POST sent -> the council's sockets get
// response:received, the author's sockets offer:receipt), REST latency, errors, wrong deliveries
// (an event a socket's organisation may not see), missed ones (neither the event nor a later
// snapshot showing the offer; an event after 10 s is counted as late, apart), acknowledged
// offers missing from the database, and (phase 2) reconnect-to-resync: a killed node's
// socket's disconnect to its re-watch snapshot; seed_s is the setup up to the requests open.
// Also where the cores went in the phase (cpu-shares.ts): CPU seconds of this process (the
// load: offers and reads), the clients (nginx and the sockets' processes), the nodes,
// PostgreSQL and Redis, against cpus x elapsed_s, and the event-loop delay of this process and
// of each fleet: arrivals are timed on the fleets' loops.
// The floor, in the same run and before the app's phases (BENCH_FLOOR=0 leaves it out): the same
// two phases, sockets, load and kill with nodes that do none of the app's work
// (nation-floor-node.ts: no database, no authentication; an offer is answered 201 and sent to the
// same sockets at once), behind nginx on the same Redis, the app's nodes idle meanwhile. Lines
// floor_steady and floor_node_killed; the app's lines add floor_delivery_p99_ms and ratio_p99.
// What the floor's deliveries take is what this machine's clients, balancer, socket.io and Redis
// leave for the app: a node-killed target the floor misses cannot be met here by the app.
// BENCH_SETUP_ONLY=1 stops after the setup (sockets watching included) and prints one line of
// how long each part took instead: seed_s, requests_open_s, setup_s.
// Knobs: BENCH_SCALE (1; 0.05 for a quick run: sizes and rates scale), or BENCH_COUNCILS,
// BENCH_SETTINGS, BENCH_PROVIDERS, BENCH_REQUESTS, BENCH_SOCKETS, BENCH_OFFERS_PER_S,
// BENCH_READS_PER_S, BENCH_SECONDS, BENCH_NODES (3), BENCH_DEADLINE_HOURS (168); BENCH_NODE_ARGS passes options to the nodes'
// node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (a profile per node, written when it stops).
import { cpus, loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { rowsOf } from "../../server/src/db/rows";
import { postgresBackground, processesNamed, startCpuShares } from "./cpu-shares";
import { forkHelper, type Helper } from "./forked";
import type { FleetCall, Heard } from "./nation-fleet";
import {
  atRate,
  type Cluster,
  loggedErrors,
  type Nation,
  nodesNodeVersion,
  type OpenRequest,
  postOffer,
  readFor,
  type ReadKind,
  startCluster,
  stats,
  timedGet,
  withNation,
} from "./nation-kit";

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const size = (name: string, full: number, min = 1) => Number(process.env[name] ?? Math.max(min, Math.round(full * SCALE)));
const COUNCILS = size("BENCH_COUNCILS", 150, 2);
const SETTINGS = size("BENCH_SETTINGS", 20_000, 100);
const PROVIDERS = size("BENCH_PROVIDERS", 2_000, 40);
const REQUESTS = size("BENCH_REQUESTS", 500, 4);
const INVITATIONS = 20;
const SOCKETS = size("BENCH_SOCKETS", 5_000, 40);
const OFFERS_PER_S = size("BENCH_OFFERS_PER_S", 50);
const READS_PER_S = size("BENCH_READS_PER_S", 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const NODES = Number(process.env.BENCH_NODES ?? 3);
const NODES_NODE_VERSION = nodesNodeVersion();
const MISSED_AFTER_MS = 10_000;
// The floor's two phases first (nation-floor-node.ts); BENCH_FLOOR=0 leaves them out.
const FLOOR = process.env.BENCH_FLOOR !== "0";
const TARGETS = { delivery_p99_ms: 250, rest_p95_ms: 150, wrong: 0, missed: 0, lost: 0 };

interface SentOffer {
  request: OpenRequest;
  settingId: string;
  providerId: string;
  sentAt: number;
  status: number;
  offerId?: string;
  /** When its answer came (any status), on this process's clock. */
  answeredAt?: number;
}

/** Offers at the rate, each on an invitation not offered on yet; reads at theirs, for `ms`. */
async function load(cluster: Cluster, requests: OpenRequest[], unused: { request: OpenRequest; index: number }[], ms: number, midway?: () => void) {
  const offers: SentOffer[] = [];
  const reads: { kind: ReadKind; ms: number; status: number }[] = [];
  const pending: Promise<unknown>[] = [];
  let killed = false;
  const started = performance.now();
  await Promise.all([
    atRate(OFFERS_PER_S, ms, () => {
      if (midway && !killed && performance.now() - started >= ms / 2) {
        killed = true;
        midway();
      }
      const slot = unused.pop();
      if (!slot) return;
      const invited = slot.request.invited[slot.index];
      if (!invited) return;
      const sent: SentOffer = { request: slot.request, settingId: invited.settingId, providerId: invited.provider.id, sentAt: performance.now(), status: 0 };
      offers.push(sent);
      pending.push(
        postOffer(cluster.url, slot.request.id, invited.settingId, invited.provider.person.token).then(
          (r) => {
            sent.answeredAt = performance.now();
            sent.status = r.status;
            if (r.status === 201) sent.offerId = (JSON.parse(r.body) as { data: { offerId: string } }).data.offerId;
          },
          () => (sent.status = 0),
        ),
      );
    }),
    atRate(READS_PER_S, ms, () => {
      pending.push(timedGet(cluster.url, readFor(nationOf, requests)).then((r) => reads.push(r)));
    }),
  ]);
  await Promise.all(pending);
  return { offers, reads };
}

let nationOf: Parameters<typeof readFor>[0];

/**
 * The deliveries of the offers sent in each second from `zero` (the kill): [second, deliveries,
 * slowest ms, how many over the target, of those how many to `fleet`'s sockets (the killed
 * node's, after they watched again), the slowest answer to those offers' POSTs]. Says whether a
 * killed node costs its first moments (the reconnections) or the whole time its pages take to
 * watch again, whose deliveries, and whether a slow delivery's offer was slow to be stored
 * (its answer) or to be told once stored (the publish and the fan-out).
 */
function bySecond(latencies: Latency[], offers: SentOffer[], zero: number, fleet: number): number[][] {
  const slowestAnswer = new Map<number, number>();
  for (const o of offers) {
    if (o.answeredAt === undefined) continue;
    const second = Math.floor((o.sentAt - zero) / 1000);
    slowestAnswer.set(second, Math.max(slowestAnswer.get(second) ?? 0, o.answeredAt - o.sentAt));
  }
  const seconds = new Map<number, Latency[]>();
  for (const l of latencies) {
    const second = Math.floor((l.sentAt - zero) / 1000);
    seconds.set(second, [...(seconds.get(second) ?? []), l]);
  }
  const over = (ls: Latency[]) => ls.filter((l) => l.ms > TARGETS.delivery_p99_ms);
  return [...seconds.entries()]
    .filter(([second]) => second >= -5)
    .sort((a, b) => a[0] - b[0])
    .map(([second, ls]) => [
      second,
      ls.length,
      Math.round(Math.max(...ls.map((l) => l.ms))),
      over(ls).length,
      over(ls).filter((l) => l.fleet === fleet).length,
      Math.round(slowestAnswer.get(second) ?? 0),
    ]);
}

/** A socket's plan (its request in full) and what it heard, on this process's clock. */
type Listener = Heard & { request: OpenRequest; providerId: string | null; fleet: number };
type Latency = { sentAt: number; ms: number; fleet: number };
/** A delivery that never came (neither the event within MISSED_AFTER_MS nor a re-watch showing it). */
type Missed = Omit<Latency, "ms">;
type Got = Listener["got"][number];
const payloadOf = (g: Got) => g.payload as { requestId?: string; settingId?: string; invitation?: { settingId: string; status: string }; offer?: unknown };

/** Deliveries of the acknowledged offers to the sockets entitled to them; events sockets may not see. */
function deliveries(watchers: Listener[], offers: SentOffer[], byId: Map<string, OpenRequest>, from: number) {
  const latencies: Latency[] = [];
  const missed: Missed[] = [];
  let late = 0;
  let resynced = 0;
  const watching = new Map<string, Listener[]>();
  for (const w of watchers) watching.set(w.request.id, [...(watching.get(w.request.id) ?? []), w]);
  for (const o of offers.filter((x) => x.status === 201)) {
    for (const w of watching.get(o.request.id) ?? []) {
      const council = w.providerId === null;
      if (!council && w.providerId !== o.providerId) continue;
      const arrival = w.got.find((g) => {
        const p = payloadOf(g);
        if (p.requestId !== o.request.id) return false;
        if (council) return g.event === "response:received" && p.invitation?.settingId === o.settingId && p.invitation.status === "offered";
        return g.event === "offer:receipt" && p.settingId === o.settingId;
      });
      if (arrival && arrival.at - o.sentAt <= MISSED_AFTER_MS) {
        latencies.push({ sentAt: o.sentAt, ms: arrival.at - o.sentAt, fleet: w.fleet });
        continue;
      }
      // Came, but too late to count as live: reported apart from the ones that never came.
      if (arrival) {
        late++;
        continue;
      }
      // A socket that was away (its node killed) learns the offer from its re-watch snapshot.
      const snapshot = w.resyncs.find((r) => {
        if (r.at < o.sentAt) return false;
        const view = JSON.parse(r.view) as { invitations: { settingId: string; status: string }[] };
        return view.invitations.some((i) => i.settingId === o.settingId && i.status === "offered");
      });
      if (snapshot) resynced++;
      else missed.push({ sentAt: o.sentAt, fleet: w.fleet });
    }
  }
  // Wrong: an event of this phase about a request the socket's organisation has no part in, a
  // rival provider named to a provider, or offer content on the council's sockets while sealed.
  let wrong = 0;
  for (const w of watchers) {
    for (const g of w.got) {
      if (g.at < from || g.event === "notification:new" || g.event === "live:ready") continue;
      const p = payloadOf(g);
      const request = p.requestId ? byId.get(p.requestId) : undefined;
      if (!request) continue;
      const json = JSON.stringify(g.payload);
      if (w.providerId === null) {
        if (request.council.id !== w.request.council.id || json.includes("weeklyFeePence") || p.offer != null) wrong++;
        continue;
      }
      const mine = request.invited.some((i) => i.provider.id === w.providerId);
      const rivals = request.invited.filter((i) => i.provider.id !== w.providerId).flatMap((i) => [i.settingId, i.provider.id]);
      if (!mine || rivals.some((id) => json.includes(id))) wrong++;
    }
  }
  return { latencies, missed, late, resynced, wrong };
}

/**
 * What every socket heard, from its fleet, on this process's clock (performance.now()), with its
 * plan; and the loop lateness samples of each fleet.
 */
async function heardBy(fleets: Helper<FleetCall>[], parts: Omit<Listener, keyof Heard | "fleet">[][]) {
  const collected = await Promise.all(fleets.map((f) => f.call<{ heard: Heard[]; lateness: [number, number][] }>({ op: "collect" })));
  const ours = (f: Helper<FleetCall>) => (at: number) => at - f.clockOffsetMs - performance.timeOrigin;
  const watchers = collected.flatMap(({ heard }, k) => {
    const toOurs = ours(fleets[k]!);
    return heard.map((h, i): Listener => ({
      ...parts[k]![i]!,
      ...h,
      fleet: k,
      got: h.got.map((g) => ({ ...g, at: toOurs(g.at) })),
      resyncs: h.resyncs.map((r) => ({ ...r, at: toOurs(r.at) })),
    }));
  });
  const lateness = collected.map(({ lateness: l }, k) => l.map(([at, ms]): [number, number] => [ours(fleets[k]!)(at), ms]));
  return { watchers, lateness };
}

/** How many of each, most first (at most 10 kinds). */
function tally(items: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).slice(0, 10));
}

/** [second from `zero`, each client process's longest loop delay (ms) in it], from 5 s before to 30 after. */
function loopBySecond(lateness: [number, number][][], zero: number) {
  const rows: number[][] = [];
  for (let second = -5; second <= 30; second++) {
    const inIt = (at: number) => at >= zero + second * 1000 && at < zero + (second + 1) * 1000;
    rows.push([second, ...lateness.map((l) => Math.round(Math.max(0, ...l.filter(([at]) => inIt(at)).map(([, ms]) => ms))))]);
  }
  return rows;
}

/** The sockets' processes, one per node, each watching its part of the plan through that node's address. */
async function startFleets(cluster: Cluster, plan: Plan) {
  const fleets = await Promise.all(cluster.urls.map((_, k) => forkHelper<FleetCall>(new URL("./nation-fleet.ts", import.meta.url), `fleet ${k}`)));
  const parts = fleets.map((_, k) => plan.filter((_, i) => i % fleets.length === k));
  const slim = (part: Plan) => part.map(({ request, providerId, token }) => ({ request: { id: request.id }, providerId, token }));
  const sockets = (await Promise.all(fleets.map((f, k) => f.call<number>({ op: "watch", url: cluster.urls[k]!, plan: slim(parts[k]!) })))).reduce(
    (a, b) => a + b,
    0,
  );
  return { fleets, parts, sockets };
}

type Plan = { request: OpenRequest; providerId: string | null; token: string }[];

/** Every invitation once, in random order: what the offers of the phases take in turn. */
function shuffledInvitations(requests: OpenRequest[]) {
  const unused = requests.flatMap((request) => request.invited.map((_, index) => ({ request, index })));
  for (let i = unused.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [unused[i], unused[j]] = [unused[j]!, unused[i]!];
  }
  return unused;
}

interface PhaseSetup {
  phase: "steady" | "node_killed" | "floor_steady" | "floor_node_killed";
  cluster: Cluster;
  fleets: Helper<FleetCall>[];
  parts: Plan[];
  requests: OpenRequest[];
  unused: { request: OpenRequest; index: number }[];
  sockets: number;
  seedS: number;
  /** Which acknowledged offers the database holds (the app's phases; the floor stores nothing). */
  stored?: (offerIds: string[]) => Promise<Set<string>>;
  /** The floor's delivery p99 in the phase of the same kind, when it was measured. */
  floorP99?: number | undefined;
}

/** One phase of SECONDS (a node killed half way, for node_killed): its JSON line, printed. */
async function runPhase(p: PhaseSetup): Promise<{ delivery_p99_ms: number }> {
  const { cluster: c, fleets, parts } = p;
  const killing = p.phase.endsWith("node_killed");
  const byId = new Map(p.requests.map((r) => [r.id, r]));
  const from = performance.now();
  const [load1 = 0] = loadavg();
  const shares = startCpuShares({
    nodes: () => c.nodes.flatMap((n) => (n.alive && n.child.pid ? [n.child.pid] : [])),
    postgres: processesNamed("postgres"),
    // Of which its own work (checkpoints, autovacuum): the part that varies most between runs.
    postgres_background: postgresBackground,
    redis: processesNamed("redis-server"),
    // The balancer (nginx) and the sockets' processes: the clients' machines and the
    // load balancer in front of the service, not the service.
    clients: () => [...c.balancerPids(), ...fleets.map((f) => f.pid)],
  });
  let killedAt = 0;
  const { offers, reads } = await load(
    c,
    p.requests,
    p.unused,
    SECONDS * 1000,
    killing
      ? () => {
          killedAt = performance.now();
          void c.kill(NODES - 1);
        }
      : undefined,
  );
  const until = performance.now();
  const used = shares.stop(); // the phase's 60 s, not the wait for late deliveries below
  await new Promise((r) => setTimeout(r, MISSED_AFTER_MS)); // the last deliveries and resyncs land
  const acked = offers.filter((o) => o.offerId);
  const stored = p.stored ? await p.stored(acked.map((o) => o.offerId as string)) : undefined;
  const { watchers, lateness } = await heardBy(fleets, parts);
  const d = deliveries(watchers, offers, byId, from);
  const delivery = stats(d.latencies.map((l) => l.ms));
  const rest = stats(reads.map((r) => r.ms));
  const answer = stats(offers.flatMap((o) => (o.answeredAt === undefined ? [] : [o.answeredAt - o.sentAt])));
  const resync = stats(watchers.flatMap((w) => w.resyncs.filter((r) => r.at >= killedAt && killedAt > 0).map((r) => r.afterDisconnectMs)));
  console.log(
    JSON.stringify({
      bench: "national",
      phase: p.phase,
      node: process.version,
      nodes_node: NODES_NODE_VERSION,
      cpus: cpus().length,
      load_avg_1m: [Math.round(load1 * 100) / 100, Math.round((loadavg()[0] ?? 0) * 100) / 100],
      nodes: NODES,
      councils: COUNCILS,
      settings: SETTINGS,
      requests: REQUESTS,
      sockets: p.sockets,
      seconds: SECONDS,
      seed_s: p.seedS,
      offers_sent: offers.length,
      offers_acknowledged: acked.length,
      offer_errors: offers.length - acked.length,
      offer_error_statuses: Object.fromEntries(
        [...new Set(offers.filter((o) => !o.offerId).map((o) => o.status))].map((s) => [s, offers.filter((o) => !o.offerId && o.status === s).length]),
      ),
      deliveries: delivery.count,
      delivery_p50_ms: delivery.p50,
      // The offers' POSTs alone, sent to answered: how much of a delivery is the write itself.
      offer_answer_p50_ms: answer.p50,
      offer_answer_p99_ms: answer.p99,
      delivery_p95_ms: delivery.p95,
      delivery_p99_ms: delivery.p99,
      // The floor's p99 in the same run, and this phase's over it: what the app adds.
      ...(p.floorP99 !== undefined ? { floor_delivery_p99_ms: p.floorP99, ratio_p99: Math.round((delivery.p99 / p.floorP99) * 100) / 100 } : {}),
      // Per client process, i.e. by the node the sockets were on first (the last is killed).
      delivery_p99_ms_by_fleet: fleets.map((_, k) => stats(d.latencies.filter((l) => l.fleet === k).map((l) => l.ms)).p99),
      reads: rest.count,
      rest_p50_ms: rest.p50,
      rest_p95_ms: rest.p95,
      rest_p99_ms: rest.p99,
      rest_errors: reads.filter((r) => r.status !== 200).length,
      // Which reads make the tail: the directory's search, a child's matches, a request's view.
      rest_by_kind: Object.fromEntries(
        [...new Set(reads.map((r) => r.kind))].sort().map((kind) => {
          const k = stats(reads.filter((r) => r.kind === kind).map((r) => r.ms));
          return [kind, { reads: k.count, p50_ms: k.p50, p95_ms: k.p95, p99_ms: k.p99 }];
        }),
      ),
      logged_errors: loggedErrors(c.nodes),
      // What nginx logged in the phase, by kind (a node refusing, no node left to try).
      balancer_errors: tally(c.balancerErrors()),
      wrong_deliveries: d.wrong,
      // The floor's re-watch answers no offers (it stores none), so offers sent while a killed
      // node's sockets were away count as missed there.
      missed_deliveries: d.missed.length,
      // Which: [second of the send from the phase's start (the kill's, node-killed), the fleet].
      missed_which: d.missed.slice(0, 20).map((m) => [Math.floor((m.sentAt - (killedAt || from)) / 1000), m.fleet]),
      late_deliveries: d.late,
      resynced_deliveries: d.resynced,
      acknowledged_offers_lost: stored ? acked.filter((o) => !stored.has(o.offerId as string)).length : null,
      ...(killing
        ? {
            killed_sockets_resynced: resync.count,
            reconnect_to_resync_p95_ms: resync.p95,
            // Sockets not connected when the phase's deliveries were collected, and what
            // went wrong on the way back (a refused reconnection, a failed re-watch), by kind.
            sockets_not_connected: watchers.filter((w) => !w.connected).length,
            reconnect_troubles: tally(watchers.flatMap((w) => w.troubles)),
            delivery_by_second_after_kill: bySecond(d.latencies, offers, killedAt, NODES - 1),
            // [second, CPU seconds of the nodes, PostgreSQL, its background work, Redis, the
            // clients, this process; this process's longest event-loop delay in ms]: what
            // took the cores.
            cpu_by_second_after_kill: shares.bySecond(killedAt).filter(([second]) => second! >= -5 && second! <= 30),
            // [second, each client process's longest event-loop delay in ms: the fleets, the
            // killed node's sockets last].
            client_loop_max_ms_by_second_after_kill: loopBySecond(lateness, killedAt),
          }
        : {}),
      // Where the cores went during the phase (the machine had cpus x elapsed_s), and how late
      // this process's own loop ran: it sends the offers and reads and times their sending.
      ...used,
      // The same for each client process: the fleets (the sockets through each node's
      // address).
      client_loop_delay_p99_ms: lateness.map((l) => stats(l.filter(([at]) => at >= from && at <= until).map(([, ms]) => ms)).p99),
      targets: TARGETS,
    }),
  );
  return { delivery_p99_ms: delivery.p99 };
}

/** Reads at a quarter of the rate for 5 s: JIT, plan caches, pools, the providers' "viewed" events settling. */
async function warmUp(cluster: Cluster, nation: Nation, requests: OpenRequest[]) {
  await atRate(Math.max(1, READS_PER_S / 4), 5000, () => void timedGet(cluster.url, readFor(nation, requests)));
  await new Promise((r) => setTimeout(r, 2000));
}

/**
 * The floor (nation-floor-node.ts): both phases with nodes that do none of the app's work, behind
 * their own nginx, with the same sockets, load and kill; the app's nodes wait idle meanwhile.
 * Answers each phase's delivery p99, for the app's lines to compare with.
 */
async function runFloor(nation: Nation, requests: OpenRequest[], plan: Plan, seedS: number) {
  const cluster = await startCluster(NODES, { REDIS_URL: process.env.REDIS_URL as string }, "floor");
  // A floor socket is who it is by its token (nation-floor-node.ts): "council" or its provider's.
  const { fleets, parts, sockets } = await startFleets(
    cluster,
    plan.map((s) => ({ ...s, token: s.providerId === null ? "council" : s.token })),
  );
  try {
    console.error(`floor: ${sockets} sockets watching`);
    await warmUp(cluster, nation, requests);
    const unused = shuffledInvitations(requests);
    const steady = await runPhase({ phase: "floor_steady", cluster, fleets, parts, requests, unused, sockets, seedS });
    const killed = await runPhase({ phase: "floor_node_killed", cluster, fleets, parts, requests, unused, sockets, seedS });
    return { steady: steady.delivery_p99_ms, node_killed: killed.delivery_p99_ms };
  } finally {
    for (const fleet of fleets) fleet.stop();
    await cluster.stop();
  }
}

async function main() {
  const spec = {
    command: "bench:national",
    prefix: "px_national",
    sizes: { councils: COUNCILS, settings: SETTINGS, providers: PROVIDERS },
    requests: REQUESTS,
    invitations: INVITATIONS,
    // A week: with the deadline within 24 hours (it was 6), every node's reminder scheduler sent
    // the 10,000 invitations' 24-hour reminders, and their live events, while the steady phase
    // was measured: half the nodes' CPU of a fifth-rate phase. A nation's deadlines are spread
    // over days, so its reminders are too (docs/benchmarks.md, "The setup's reminders").
    // BENCH_DEADLINE_HOURS=6 measures the burst.
    hours: Number(process.env.BENCH_DEADLINE_HOURS ?? 168),
    nodes: NODES,
    env: { LOG_LEVEL: "warn" },
  };
  await withNation(spec, async ({ database, nation, cluster, requests, seededMs, openMs, since }) => {
    nationOf = nation;
    const seedS = Math.round(openMs / 1000);

    // Sockets per request: a fifth the council's, the rest its first invited providers'.
    const perRequest = Math.max(2, Math.floor(SOCKETS / REQUESTS));
    const councilSockets = Math.max(1, Math.round(perRequest / 5));
    const plan: Plan = requests.flatMap((request) => [
      ...Array.from({ length: councilSockets }, () => ({ request, providerId: null, token: request.council.commissioner.token })),
      ...request.invited.slice(0, perRequest - councilSockets).map((i) => ({ request, providerId: i.provider.id, token: i.provider.person.token })),
    ]);
    const setupOnly = process.env.BENCH_SETUP_ONLY === "1";
    // The floor first, before the app's sockets connect, so the app's idle nodes cost it next to nothing.
    const floor = FLOOR && !setupOnly ? await runFloor(nation, requests, plan, seedS) : undefined;

    // A client process per node, each with the sockets that connect through that node's address.
    const { fleets, parts, sockets } = await startFleets(cluster, plan);
    try {
      const setupMs = since();
      console.error(`${sockets} sockets watching at ${Math.round(setupMs / 1000)} s`);
      if (setupOnly) {
        console.log(
          JSON.stringify({
            bench: "national",
            phase: "setup_only",
            node: process.version,
            cpus: cpus().length,
            load_avg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
            councils: COUNCILS,
            settings: SETTINGS,
            requests: requests.length,
            invitations: requests.reduce((n, r) => n + r.invited.length, 0),
            sockets,
            seed_s: Math.round(seededMs / 1000),
            requests_open_s: Math.round(openMs / 1000),
            setup_s: Math.round(setupMs / 1000),
          }),
        );
        return;
      }
      await warmUp(cluster, nation, requests);
      const unused = shuffledInvitations(requests); // shared by both phases
      const stored = async (ids: string[]) =>
        new Set(
          (await rowsOf<{ id: string }>(database.handle.db, sql`SELECT id FROM offers WHERE id = ANY(${`{${ids.join(",")}}`}::uuid[])`)).map((r) => r.id),
        );
      for (const phase of ["steady", "node_killed"] as const) {
        await runPhase({ phase, cluster, fleets, parts, requests, unused, sockets, seedS, stored, floorP99: floor?.[phase] });
      }
    } finally {
      for (const fleet of fleets) fleet.stop();
    }
  });
}

await main();
// A socket whose connection failed may still be retrying, which would keep the process alive.
process.exit(process.exitCode ?? 0);
