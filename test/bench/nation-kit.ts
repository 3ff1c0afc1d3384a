// What the national benchmark and the soak share: a fresh database on the PostgreSQL server with
// a nation's councils, providers and settings in it; app nodes as their own processes (as
// `npm start` runs them) behind nginx (infra/nginx/nginx.conf, as docker compose runs it), each
// with the probe that reports its memory, handles and event-loop delay; open placement requests
// (one through the API, the rest in bulk with the same rows: nation-bulk.ts); sockets watching
// them; offers and reads at a steady rate. withNation() sets it all up and takes it down for a run.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { NEEDS } from "@shared/codes/needs";
import { ChildProfileCreateSchema } from "@shared/schemas/children";
import { type Db, type DbHandle, openDatabase } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { rowsOf } from "../../server/src/db/rows";
import { childProfiles, organisations, settings } from "../../server/src/db/schema";
import { ROOT_DIR } from "../../server/src/paths";
import { childInput } from "../factories/children";
import { admitProvider, frameworkOf } from "../factories/directory";
import { buildRegion } from "../factories/organisations";
import { offerBody } from "../factories/placement-requests";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { freePort } from "../setup/free-port";
import { startNginx } from "../setup/nginx";
import { benchAddress, benchNeeds, northWestDistricts, percentile, pick, round } from "./bench-kit";
import { ipOfOpening, peopleInBulk, requestsInBulk, sameRowsAsApi } from "./nation-bulk";

/** Both services are needed: several nodes share one database and deliver through Redis. */
function requireServices(command: string): { databaseUrl: string; redisUrl: string } {
  const databaseUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!databaseUrl || !redisUrl) {
    console.error(
      `${command} runs several app nodes, so it needs a PostgreSQL server and Redis:\n` +
        `  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 npm run ${command}\n` +
        `(it makes a database of its own on that server and drops it afterwards). Missing: ${[!databaseUrl && "DATABASE_URL", !redisUrl && "REDIS_URL"].filter(Boolean).join(", ")}`,
    );
    process.exit(2);
  }
  return { databaseUrl, redisUrl };
}

/** A migrated database of its own on the server, with the reference data; dropped by drop(). */
export async function freshDatabase(serverUrl: string, prefix: string): Promise<{ url: string; name: string; handle: DbHandle; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const target = new URL(serverUrl);
  target.pathname = `/${name}`;
  const url = target.toString();
  const handle = await openDatabase({ databaseUrl: url, poolSize: 8 });
  await migrate(handle);
  await loadReferenceData(handle.db);
  return {
    url,
    name,
    handle,
    async drop() {
      await handle.close();
      if (process.env.BENCH_KEEP === "1") console.error(`kept database ${name}`);
      else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export interface NationSizes {
  councils: number;
  settings: number;
  /** Provider organisations the settings belong to (one person each, with an API token). */
  providers: number;
}

export interface Person {
  userId: string;
  token: string;
}
export interface Nation {
  regionId: string;
  councils: { id: string; name: string; commissioner: Person }[];
  providers: { id: string; person: Person; settingIds: string[] }[];
  /** Outcodes with settings near them, for searches. */
  outcodes: string[];
}

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * One region holding a nation: councils each with a commissioner, provider organisations admitted
 * to lot 1 with a person each, and settings spread over the North West's districts (every one on
 * lot 1 and published, so any may be invited). Bulk inserts through the app's schema; the people
 * and their tokens as nation-bulk.ts makes them.
 */
export async function seedNation(db: Db, sizes: NationSizes): Promise<Nation> {
  const regionId = (await buildRegion(db)).id;
  const framework = await frameworkOf(db, regionId);
  for (const band of ["A", "B", "C", "D", "E"]) {
    await db.execute(
      sql`INSERT INTO price_bands (lot_id, band, description, weekly_ceiling_pence) VALUES (${framework.lots.get(1)}, ${band}, ${`Band ${band}`}, 200000)`,
    );
  }
  const councilRows = await db
    .insert(organisations)
    .values(Array.from({ length: sizes.councils }, (_, i) => ({ regionId, kind: "council" as const, name: `Bench council ${i + 1}`, laCode: String(100 + i) })))
    .returning({ id: organisations.id, name: organisations.name });
  const providerRows: { id: string }[] = [];
  for (const batch of chunks(
    Array.from({ length: sizes.providers }, (_, i) => ({ regionId, kind: "provider" as const, name: `Bench provider ${i + 1}` })),
    1000,
  )) {
    providerRows.push(...(await db.insert(organisations).values(batch).returning({ id: organisations.id })));
  }
  // The first admission makes the framework's terms and round; the rest reuse them in bulk.
  const [first] = providerRows;
  if (!first) throw new Error("no providers");
  await admitProvider(db, { organisationId: first.id, regionId, lots: [1] });
  await db.execute(sql`
    WITH fresh AS (
      INSERT INTO provider_applications (framework_id, round_id, organisation_id, companies_house_number, contact_name, contact_email, contact_phone, settings_offered, terms_version_id)
      SELECT a.framework_id, a.round_id, o.id, a.companies_house_number, a.contact_name, a.contact_email, a.contact_phone, a.settings_offered, a.terms_version_id
        FROM organisations o, (SELECT * FROM provider_applications WHERE organisation_id = ${first.id}) a
       WHERE o.region_id = ${regionId} AND o.kind = 'provider' AND o.id <> ${first.id}
      RETURNING id, framework_id, organisation_id)
    INSERT INTO lot_admissions (framework_id, lot_id, organisation_id, application_id, status, reason, decided_at)
    SELECT framework_id, ${framework.lots.get(1)}, organisation_id, id, 'admitted', 'Meets the criteria', now() FROM fresh`);

  const districts = await northWestDistricts(db);
  const settingIds: string[][] = providerRows.map(() => []);
  const rows = Array.from({ length: sizes.settings }, (_, i) => {
    const low = Math.floor(Math.random() * 10);
    return {
      provider: i % providerRows.length,
      urn: String(100000 + i),
      name: `Setting ${i}`,
      lotNumbers: [1, ...(Math.random() < 0.3 ? [2] : [])],
      ageLow: low,
      ageHigh: low + 6 + Math.floor(Math.random() * 8),
      sexAdmitted: pick(["mixed", "mixed", "boys", "girls"] as const),
      residentialTypes: [pick(["day", "38_week", "52_week"] as const)],
      registeredCapacity: 20,
      vacancies: Math.random() < 0.4 ? 1 + Math.floor(Math.random() * 3) : 0,
      vacanciesConfirmedAt: new Date(),
      ...benchNeeds(),
      ...benchAddress(pick(districts)),
      status: "published" as const,
    };
  });
  for (const batch of chunks(rows, 1000)) {
    const made = await db
      .insert(settings)
      .values(batch.map(({ provider, ...row }) => ({ ...row, organisationId: providerRows[provider]?.id as string })))
      .returning({ id: settings.id, organisationId: settings.organisationId });
    const index = new Map(providerRows.map((p, i) => [p.id, i]));
    for (const s of made) settingIds[index.get(s.organisationId) ?? 0]?.push(s.id);
  }
  await db.execute(sql`ANALYZE`);

  const people = await peopleInBulk(db, [
    ...councilRows.map(({ id }) => ({ organisationId: id, role: "commissioner" as const })),
    ...providerRows.map(({ id }) => ({ organisationId: id, role: "provider" as const })),
  ]);
  const personOf = (i: number) => people[i] as Person;
  const councils = councilRows.map(({ id, name }, i) => ({ id, name, commissioner: personOf(i) }));
  const providers = providerRows.map(({ id }, i) => ({ id, person: personOf(councilRows.length + i), settingIds: settingIds[i] ?? [] }));
  return { regionId, councils, providers, outcodes: districts.map((d) => d.outcode) };
}

export interface OpenRequest {
  id: string;
  council: Nation["councils"][number];
  childId: string;
  /** The invited settings, each with its provider. */
  invited: { settingId: string; provider: Nation["providers"][number] }[];
}

/** `invitations` providers picked at random, one setting of each. */
function invitedFor(nation: Nation, invitations: number): OpenRequest["invited"] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(invitations, nation.providers.length)) chosen.add(Math.floor(Math.random() * nation.providers.length));
  return [...chosen].map((p) => {
    const provider = nation.providers[p] as Nation["providers"][number];
    return { settingId: pick(provider.settingIds), provider };
  });
}

/**
 * `count` open requests, each inviting one setting of `invitations` different providers, open
 * for `hours`, their councils in turn. The first is opened through the API by its council's
 * commissioner; the rest are written in bulk (nation-bulk.ts) with the same rows, which
 * sameRowsAsApi() checks against the first before anything is measured.
 */
export async function openRequests(base: string, db: Db, nation: Nation, count: number, invitations: number, hours = 6): Promise<OpenRequest[]> {
  const children = await db
    .insert(childProfiles)
    .values(
      Array.from({ length: count }, (_, i) => ({
        ...ChildProfileCreateSchema.parse(childInput({ priceBand: "C" })),
        organisationId: nation.councils[i % nation.councils.length]?.id as string,
      })),
    )
    .returning({ id: childProfiles.id, organisationId: childProfiles.organisationId });
  const deadline = new Date(Date.now() + hours * 3_600_000);
  const planned = children.map((child, i) => ({
    council: nation.councils[i % nation.councils.length] as Nation["councils"][number],
    childId: child.id,
    invited: invitedFor(nation, invitations),
  }));
  const [first, ...rest] = planned;
  if (!first) return [];
  const res = await fetch(`${base}/api/v1/placement-requests`, {
    method: "POST",
    headers: { authorization: `Bearer ${first.council.commissioner.token}`, "content-type": "application/json" },
    body: JSON.stringify({ childId: first.childId, settingIds: first.invited.map((v) => v.settingId), deadline: deadline.toISOString() }),
  });
  if (res.status !== 201) throw new Error(`request not opened: ${res.status} ${await res.text()}`);
  const apiId = (await res.json()) as { data: { request: { id: string } } };
  const bulkIds = await requestsInBulk(
    db,
    nation.regionId,
    rest.map((r) => ({
      councilId: r.council.id,
      councilName: r.council.name,
      commissionerId: r.council.commissioner.userId,
      childId: r.childId,
      settingIds: r.invited.map((v) => v.settingId),
    })),
    deadline,
    await ipOfOpening(db, apiId.data.request.id),
  );
  if (bulkIds[0]) await sameRowsAsApi(db, apiId.data.request.id, bulkIds[0]);
  return planned.map((r, i) => ({ ...r, id: i === 0 ? apiId.data.request.id : (bulkIds[i - 1] as string) }));
}

/** An offer over HTTP with the provider's API token; resolves with when it was sent and the status. */
export async function postOffer(base: string, requestId: string, settingId: string, token: string) {
  const fee = { corePence: 100_000 + Math.floor(Math.random() * 50_000), staffingPence: 0, therapiesPence: 0, otherPence: 0 };
  const res = await fetch(`${base}/api/v1/placement-requests/${requestId}/offers`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": randomBytes(12).toString("hex") },
    body: JSON.stringify(offerBody(settingId, { fee })),
  });
  const text = await res.text();
  return { status: res.status, body: text };
}

/** What a read asks for, for REST figures per kind: the directory's search, a child's matches, a request's view by its council or an invited provider. */
export type ReadKind = "search" | "matches" | "view_council" | "view_provider";

/** The reads a commissioner's pages make: a directory search, a child's matches, a request's view. */
export function readFor(nation: Nation, requests: OpenRequest[]): { kind: ReadKind; path: string; token: string } {
  const request = pick(requests);
  const kind = Math.random();
  const need = pick(NEEDS.map((n) => n.code));
  if (kind < 0.4) {
    return {
      kind: "search",
      path: `/api/v1/settings?need=${need}&age=${5 + Math.floor(Math.random() * 10)}&near=${pick(nation.outcodes)}&radiusKm=25&hasVacancy=true&sort=distance`,
      token: request.council.commissioner.token,
    };
  }
  if (kind < 0.7) return { kind: "matches", path: `/api/v1/children/${request.childId}/matches`, token: request.council.commissioner.token };
  if (Math.random() < 0.5) return { kind: "view_council", path: `/api/v1/placement-requests/${request.id}`, token: request.council.commissioner.token };
  return { kind: "view_provider", path: `/api/v1/placement-requests/${request.id}`, token: pick(request.invited).provider.person.token };
}

export async function timedGet<K extends string>(base: string, read: { kind: K; path: string; token: string }) {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${read.path}`, { headers: { authorization: `Bearer ${read.token}` } });
    await res.arrayBuffer();
    return { kind: read.kind, ms: performance.now() - started, status: res.status };
  } catch {
    return { kind: read.kind, ms: performance.now() - started, status: 0 };
  }
}

/** Calls `tick` `perSecond` times a second (spread evenly, never waiting for an answer) for `ms`. */
export async function atRate(perSecond: number, ms: number, tick: (i: number) => void): Promise<void> {
  const started = performance.now();
  let i = 0;
  while (performance.now() - started < ms) {
    const due = Math.floor(((performance.now() - started) / 1000) * perSecond);
    while (i < due) tick(i++);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Every node's logged errors, by message, added up. */
export function loggedErrors(nodes: Node[]): Record<string, number> {
  const all = new Map<string, number>();
  for (const n of nodes) for (const [msg, count] of n.errors) all.set(msg, (all.get(msg) ?? 0) + count);
  return Object.fromEntries(all);
}

export const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), count: sorted.length };
};

// ---------------------------------------------------------------------------------------------
// Nodes and the balancer

export interface ProbeSample {
  at: number;
  rss: number;
  heapUsed: number;
  external: number;
  handles: Record<string, number>;
  loopP99Ms: number;
  loopMaxMs: number;
  /** The event loop's delay p99 over every interval since the warm-up (null during it). */
  loopP99SinceWarmUpMs: number | null;
}

export interface Node {
  child: ChildProcess;
  port: number;
  /** Its LIVE_PORT: where nginx sends its live connections. */
  livePort: number;
  /** The probe's lines, oldest first. */
  samples: ProbeSample[];
  /** The last lines the node wrote that were not probe lines (for a failure's message). */
  tail: string[];
  /** How often each error message (log level error and above) was logged. */
  errors: Map<string, number>;
  exited: Promise<number | null>;
  alive: boolean;
}

/**
 * The checkout the nodes run from: this one, or BENCH_APP_DIR (another checkout of a commit, with
 * node_modules) to measure a fixed version while this working tree is being edited.
 */
const APP_DIR = process.env.BENCH_APP_DIR ?? ROOT_DIR;

/** The Node.js binary the nodes run on: BENCH_NODE (the Docker image's Node.js 22, say), else this one. */
const NODES_NODE = process.env.BENCH_NODE ?? process.execPath;

/** The nodes' Node.js version, for the results line: it need not be the benchmark's own. */
export const nodesNodeVersion = (): string => execFileSync(NODES_NODE, ["--version"], { encoding: "utf8" }).trim();

/** What a node runs: the app (from APP_DIR), or bench:national's floor (nation-floor-node.ts). */
export type NodeKind = "app" | "floor";

async function spawnNode(env: Record<string, string>, name: string, kind: NodeKind = "app"): Promise<Node> {
  const port = await freePort();
  // Live connections on a port of their own, as infra/nginx/nginx.conf sends them.
  const livePort = await freePort();
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": a CPU profile per node, written when it stops.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(
    NODES_NODE,
    [
      ...nodeArgs,
      "--import",
      "tsx",
      "--import",
      join(ROOT_DIR, "test/soak/probe.mjs"),
      kind === "app" ? join(APP_DIR, "server/src/main.ts") : join(ROOT_DIR, "test/bench/nation-floor-node.ts"),
    ],
    {
      cwd: kind === "app" ? APP_DIR : ROOT_DIR,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        PGAPPNAME: name,
        ...env,
        PORT: String(port),
        LIVE_PORT: String(livePort),
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const node: Node = {
    child,
    port,
    livePort,
    samples: [],
    tail: [],
    errors: new Map(),
    exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))),
    alive: true,
  };
  void node.exited.then(() => (node.alive = false));
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) {
      if (line.startsWith("px-probe ")) node.samples.push(JSON.parse(line.slice(9)) as ProbeSample);
      else {
        node.tail.push(line);
        if (node.tail.length > 50) node.tail.shift();
        const logged = /^\{"level":(\d+).*"msg":"([^"]*)"/.exec(line);
        if (logged && Number(logged[1]) >= 50) {
          const msg = logged[2] ?? "";
          // The first of each kind in full on stderr: the JSON line's counts say how many, not what.
          if (!node.errors.has(msg)) console.error(`${name} logged: ${line.slice(0, 1500)}`);
          node.errors.set(msg, (node.errors.get(msg) ?? 0) + 1);
        }
      }
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (!node.alive) throw new Error(`${name} exited before it was ready:\n${node.tail.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`${name} not ready in 120 s:\n${node.tail.join("\n")}`);
    const ready = await fetch(`http://127.0.0.1:${port}/api/v1/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return node;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface Cluster {
  /** The balancer's address: every client goes through it, as through a load balancer. */
  url: string;
  /** Addresses that send new connections to node i while it is alive, to the others after. */
  urls: string[];
  nodes: Node[];
  /** The balancer's processes: their CPU is the clients' side, not the nodes'. */
  balancerPids(): number[];
  /** What nginx logged since the last call (a node refusing, no node left to try), each line cut to its kind. */
  balancerErrors(): string[];
  /** SIGKILL node i: its connections drop, and the balancer finds it refusing and goes round it. */
  kill(i: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `count` nodes (started one after another: the first migrates) behind nginx with
 * infra/nginx/nginx.conf, the load balancer docker compose runs (test/setup/nginx.ts), with one
 * more address per node for the fleets. They log at warn unless env says otherwise: an info line
 * per request would cost the nodes more than the work measured.
 */
export async function startCluster(count: number, env: Record<string, string>, kind: NodeKind = "app"): Promise<Cluster> {
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) nodes.push(await spawnNode(env, `px-${kind === "app" ? "node" : "floor"}-${i}`, kind));
  const nginx = await startNginx(
    nodes.map((n) => n.port),
    { nodeAddresses: true, livePorts: nodes.map((n) => n.livePort) },
  );
  return {
    url: nginx.url,
    urls: nginx.nodeUrls,
    nodes,
    balancerPids: () => nginx.pids(),
    // "2026/12/06 03:50:01 [error] 123#123: *456 connect() failed (111: ...) while connecting to upstream, client: ..."
    balancerErrors: () => nginx.output.splice(0).map((line) => line.replace(/^.*?\[(\w+)\] \d+#\d+: (\*\d+ )?/, "$1: ").replace(/, client: .*$/, "")),
    async kill(i) {
      const node = nodes[i];
      if (!node?.alive) return;
      node.alive = false;
      node.child.kill("SIGKILL");
      await node.exited;
    },
    async stop() {
      await nginx.stop();
      for (const node of nodes.filter((n) => n.alive)) {
        node.child.kill("SIGTERM");
        const timer = setTimeout(() => node.child.kill("SIGKILL"), 10_000);
        await node.exited;
        clearTimeout(timer);
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Watching sockets

export interface Watcher {
  socket: LiveClient;
  request: Pick<OpenRequest, "id">;
  /** The provider organisation watching, or null for the council. */
  providerId: string | null;
  got: { event: string; payload: unknown; at: number }[];
  /** A snapshot (the watch ack's view) taken after a reconnection, and when. */
  resyncs: { at: number; view: string; afterDisconnectMs: number }[];
  /** What went wrong after the start: a refused reconnection, a re-watch that failed. */
  troubles: string[];
  disconnectedAt: number | null;
}

async function watch(w: Watcher): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const ack = (await w.socket.timeout(60_000).emitWithAck("request:watch", { requestId: w.request.id })) as { ok: boolean; code?: string; view?: unknown };
    if (ack.ok) return JSON.stringify(ack.view);
    if (ack.code !== "rate_limited" && ack.code !== "service_unavailable") throw new Error(`watch refused: ${JSON.stringify(ack)}`);
    await new Promise((r) => setTimeout(r, 250 + Math.random() * 500));
  }
  throw new Error("watch refused 20 times");
}

/** A socket to open: who watches which request. */
export type WatchPlan = Pick<Watcher, "request" | "providerId"> & { token: string };

/**
 * Sockets through the balancer (so spread over the nodes), each watching one request, in
 * batches: thousands of handshakes at once would only measure the queue. They reconnect as the
 * app's pages do (LIVE_RECONNECTION: to another node, through the balancer, 0.5 to 1.5 s after
 * losing theirs) and re-watch, recording the snapshot. Times are `clock()`'s: another process's
 * (forked.ts's `now`) when the sockets are not in the benchmark's own.
 */
export async function watchAll(url: string, plan: WatchPlan[], batch = 100, clock = () => performance.now()): Promise<Watcher[]> {
  const watchers: Watcher[] = [];
  for (const slice of chunks(plan, batch)) {
    watchers.push(
      ...(await Promise.all(
        slice.map(async ({ request, providerId, token }) => {
          const socket = await connected(liveClient(url, { token, reconnect: "as pages" }));
          const w: Watcher = { socket, request, providerId, got: [], resyncs: [], troubles: [], disconnectedAt: null };
          await watch(w);
          socket.onAny((event: string, payload: unknown) => event !== "time" && w.got.push({ event, payload, at: clock() }));
          socket.on("disconnect", () => (w.disconnectedAt ??= clock()));
          socket.on("connect_error", (error) => w.troubles.push(`connect: ${error.message}`));
          socket.io.on("reconnect", () => {
            const since = w.disconnectedAt ?? clock();
            w.disconnectedAt = null;
            watch(w).then(
              (view) => {
                const at = clock();
                w.resyncs.push({ at, view, afterDisconnectMs: at - since });
              },
              (error: Error) => w.troubles.push(`re-watch: ${error.message}`),
            );
          });
          return w;
        }),
      )),
    );
  }
  return watchers;
}

/** Closes every socket without reconnecting. */
export function closeAll(watchers: Watcher[]) {
  for (const w of watchers) {
    w.socket.io.reconnection(false);
    w.socket.disconnect();
  }
}

/** The database connections of each node (by application_name), and in all, on `database`. */
export async function connectionsOf(db: Db, database: string): Promise<Record<string, number>> {
  const rows = await rowsOf<{ name: string; n: number }>(
    db,
    sql`SELECT application_name AS name, count(*)::int AS n FROM pg_stat_activity WHERE datname = ${database} GROUP BY application_name`,
  );
  return Object.fromEntries(rows.map((r) => [r.name || "(unnamed)", r.n]));
}

// ---------------------------------------------------------------------------------------------
// The whole setup, shared by bench:national and the soak

export interface NationRun {
  database: Awaited<ReturnType<typeof freshDatabase>>;
  nation: Nation;
  cluster: Cluster;
  requests: OpenRequest[];
  /** Sockets opened through watch() and not closed yet; whatever is left is closed at the end. */
  watchers: Set<Watcher>;
  /** Opens sockets through `url`: the balancer's own address unless given one of `cluster.urls`. */
  watch(plan: Parameters<typeof watchAll>[1], batch?: number, url?: string): Promise<Watcher[]>;
  /** Milliseconds since the start: the nation seeded, then the nodes up and the requests open. */
  seededMs: number;
  openMs: number;
  /** Milliseconds since the start, now. */
  since(): number;
}

export interface NationSpec {
  /** The npm script, for the message when a service is missing. */
  command: string;
  /** The throwaway database's name starts with it. */
  prefix: string;
  sizes: NationSizes;
  requests: number;
  invitations: number;
  /** How long the requests stay open. */
  hours: number;
  nodes: number;
  /** The nodes' environment, beyond the database and Redis. */
  env: Record<string, string>;
}

/**
 * A throwaway database with the nation and its open requests, `nodes` app nodes behind the
 * balancer: `run` gets them all; afterwards the sockets are closed, the nodes stopped and the
 * database dropped, whatever happened.
 */
export async function withNation<T>(spec: NationSpec, run: (n: NationRun) => Promise<T>): Promise<T> {
  const { databaseUrl, redisUrl } = requireServices(spec.command);
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);
  const database = await freshDatabase(databaseUrl, spec.prefix);
  let cluster: Cluster | undefined;
  const watchers = new Set<Watcher>();
  try {
    const nation = await seedNation(database.handle.db, spec.sizes);
    const seededMs = since();
    console.error(`seeded in ${Math.round(seededMs / 1000)} s`);
    cluster = await startCluster(spec.nodes, { DATABASE_URL: database.url, REDIS_URL: redisUrl, ...spec.env });
    const requests = await openRequests(cluster.url, database.handle.db, nation, spec.requests, spec.invitations, spec.hours);
    // The bulk rows settle before anything is measured, as in a database that has been running:
    // fresh statistics, and no autovacuum or checkpoint of the setup's writes during a phase (they
    // would otherwise land in the first measured minute).
    await database.handle.db.execute(sql`VACUUM ANALYZE`);
    await database.handle.db.execute(sql`CHECKPOINT`).catch(() => undefined); // superusers only
    const openMs = since();
    console.error(`nodes up and ${requests.length} requests open at ${Math.round(openMs / 1000)} s`);
    const c = cluster;
    return await run({
      database,
      nation,
      cluster,
      requests,
      watchers,
      async watch(plan, batch, url = c.url) {
        const made = await watchAll(url, plan, batch);
        for (const w of made) watchers.add(w);
        return made;
      },
      seededMs,
      openMs,
      since,
    });
  } finally {
    closeAll([...watchers]);
    await cluster?.stop();
    await database.drop();
  }
}
