import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { LiveRefusalSchema } from "@shared/events";
import { buildMarket, type Market, openRequest } from "../factories/placement-requests";
import { buildUnaffiliatedUser, type BuiltUser } from "../factories/users";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningServer, spawnServer } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { connected, type LiveClient, liveClient } from "./live-client";

// Issue 11, hole 1: floods of `request:watch` exhausted the database pool, a rejected promise
// went unhandled and the node exited; health answered 503 meanwhile. The node is its own
// process here, as in production, so a crash shows as an exit.

let database: TestDatabase;
let m: Market;
let node: RunningServer;
let requestId: string;
const sockets: LiveClient[] = [];

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1] ?? 0;

async function socketFor(who: BuiltUser) {
  const socket = liveClient(node.url, { token: who.token });
  sockets.push(socket);
  return connected(socket);
}

interface FloodResult {
  acks: unknown[];
  /** Why the connection ended, if the server ended it. */
  disconnected?: string;
}

/** Emits `count` watches without waiting; resolves once every ack is back or the server cut the connection. */
function flood(socket: LiveClient, count: number, id: () => string): Promise<FloodResult> {
  return new Promise((resolve) => {
    const acks: unknown[] = [];
    socket.once("disconnect", (reason) => resolve({ acks, disconnected: reason }));
    for (let i = 0; i < count; i++) {
      socket.timeout(60_000).emit("request:watch", { requestId: id() }, (error: Error | null, ack: unknown) => {
        if (error) return; // no answer: the connection was cut (checked below)
        acks.push(ack);
        if (acks.length === count) resolve({ acks });
      });
    }
  });
}

// What everyone else sees meanwhile, measured from a process of its own (this one is busy
// sending the flood, which would slow its own timings): health every 100 ms, and a commissioner
// reading the request over and over. It stops when told on stdin and prints one JSON line.
const OBSERVER = `
  const [url, path, auth] = process.argv.slice(1);
  const health = [], latencies = [];
  let running = true;
  process.stdin.on("data", () => (running = false));
  const probes = [
    (async () => { while (running) { health.push((await fetch(url + "/api/v1/health").catch(() => ({ status: 0 }))).status); await new Promise((r) => setTimeout(r, 100)); } })(),
    (async () => { while (running) { const t0 = performance.now(); const res = await fetch(url + path, { headers: { Authorization: auth } }).catch(() => undefined); await res?.arrayBuffer(); latencies.push(res?.status === 200 ? performance.now() - t0 : -1); } })(),
  ];
  Promise.all(probes).then(() => process.stdout.write(JSON.stringify({ health, latencies }) + "\\n"));
`;

function observe() {
  const child = spawn(process.execPath, ["-e", OBSERVER, node.url, `/api/v1/placement-requests/${requestId}`, m.commissioner.auth.Authorization], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return {
    async stop(): Promise<{ health: number[]; latencies: number[] }> {
      child.stdin.end("stop");
      await done;
      return JSON.parse(out) as { health: number[]; latencies: number[] };
    },
  };
}

/**
 * Runs `flood` while another client reads the request and checks the health endpoint, then
 * asserts what everyone else would notice: the node up, health 200 throughout, every read
 * answered, and reads at "their usual latency": within a few times the quiet figure (the flood's
 * clients share this 2-core machine with the node), never the seconds a starved pool would take.
 */
async function othersUnaffectedBy<T>(flood: () => Promise<T>): Promise<T> {
  const usual: number[] = [];
  for (let i = 0; i < 30; i++) usual.push(await timedRead());
  const watching = observe();
  await new Promise((r) => setTimeout(r, 300));
  const result = await flood();
  const { health, latencies } = await watching.stop();
  expect(node.child.exitCode).toBeNull();
  expect(health.length).toBeGreaterThan(0);
  expect(health.filter((status) => status !== 200)).toEqual([]);
  expect(latencies.filter((ms) => ms < 0)).toEqual([]);
  expect(p95(latencies)).toBeLessThan(Math.max(5 * p95(usual), 250));
  return result;
}

async function timedRead(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${node.url}/api/v1/placement-requests/${requestId}`, { headers: m.commissioner.auth });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`the commissioner's read failed: ${res.status}`);
  return performance.now() - started;
}

describeWithServers("A flood of live events", { database: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    m = await buildMarket(database.handle.db, { providers: 2 });
    node = await spawnServer({ DATABASE_URL: database.url ?? "", SEED_DEMO: "false" });
    requestId = (await openRequest(node.url, m)).request.id;
  });
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
  afterAll(async () => {
    node?.child.kill("SIGKILL");
    await node?.exited;
    await database?.drop();
  });

  it("should refuse the excess with a clear ack, keep the node up and healthy, and keep others' requests at their usual speed", async () => {
    const [fromNobody, fromProvider, ...fromTen] = await othersUnaffectedBy(async () => {
      const nobody = await socketFor(await buildUnaffiliatedUser(database.handle.db));
      const provider = await socketFor(m.providers[0]!.person);
      const ten = await Promise.all(Array.from({ length: 10 }, (_, i) => socketFor(i % 2 ? m.providers[1]!.person : m.outsider)));
      return Promise.all([flood(nobody, 20_000, randomUUID), flood(provider, 1_500, () => requestId), ...ten.map((s) => flood(s, 3_000, randomUUID))]);
    });

    expect(node.output.join("\n")).not.toMatch(/unhandled|uncaught/i);
    // The excess was refused with a code a client can act on; a connection that kept on after
    // being told was cut off, and nothing hung.
    for (const { acks, disconnected } of [fromNobody!, fromProvider!, ...fromTen]) {
      const refused = acks.filter((a) => !(a as { ok: boolean }).ok).map((a) => LiveRefusalSchema.parse(a).code);
      expect(refused).toContain("rate_limited");
      expect(disconnected).toBe("io server disconnect");
    }
    // The invited provider's first watches were answered with its view.
    expect(fromProvider!.acks.some((a) => (a as { ok: boolean }).ok)).toBe(true);
    expect((await fetch(`${node.url}/api/v1/health`)).status).toBe(200);
  }, 120_000);

  it("should let a rush of new connections in, each one's credentials checked, without holding up others' requests", async () => {
    // A lost node's pages, all reconnecting to this one at once; one in ten with a token that is no one's.
    const people = [m.providers[0]!.person, m.providers[1]!.person, m.outsider];
    const stranger = (i: number) => i % 10 === 9;
    const outcomes = await othersUnaffectedBy(() =>
      Promise.all(
        Array.from({ length: 600 }, (_, i) => {
          const socket = liveClient(node.url, { token: stranger(i) ? `px_${randomUUID()}` : people[i % people.length]!.token });
          sockets.push(socket);
          return connected(socket).then(
            () => "connected",
            (error: { data?: { code?: string } }) => error.data?.code ?? "no answer",
          );
        }),
      ),
    );

    // Every connection waited its turn and was answered: the people's let in, the strangers' refused.
    expect(outcomes.filter((outcome, i) => outcome !== (stranger(i) ? "unauthorized" : "connected"))).toEqual([]);
  }, 120_000);

  it("should cap how many requests one connection follows", async () => {
    const socket = await socketFor(m.providers[0]!.person);
    // The node runs with the default cap of 50: fill it with requests this provider is invited to.
    const ids = [requestId];
    for (let i = 0; i < 50; i++) ids.push((await openRequest(node.url, m)).request.id);
    const acks: { ok: boolean; code?: string }[] = [];
    for (const id of ids) {
      // One at a time, within the rate: the cap, not the rate limit, is what this test meets.
      acks.push((await socket.timeout(10_000).emitWithAck("request:watch", { requestId: id })) as { ok: boolean; code?: string });
      await new Promise((r) => setTimeout(r, 210));
    }
    expect(acks.slice(0, 50).every((a) => a.ok)).toBe(true);
    expect(acks[50]).toMatchObject({ ok: false, code: "too_many_rooms" });
    // Unwatching frees a place.
    socket.emit("request:unwatch", { requestId: ids[0]! });
    await new Promise((r) => setTimeout(r, 300));
    expect(await socket.timeout(10_000).emitWithAck("request:watch", { requestId: ids[50]! })).toMatchObject({ ok: true });
  }, 120_000);
});
