// What `docker compose up --build` promises, checked on the running stack (infra/check-compose.sh
// starts it and runs this): nginx on :3000 in front of three nodes, PostgreSQL and Redis, each in
// its own container. The same checks as test/infra/nginx-balancer.test.ts and the fault tests make
// on processes, made here on the containers: stickiness and spread, the development sign-in in a
// browser, offers heard on every node, a node killed, a node stopped (drained), PostgreSQL
// restarted. Prints one line per check and a JSON summary; exits 1 on the first failure.
//
// COMPOSE_URL (http://localhost:3000), COMPOSE_PROJECT (compose's project name, for its containers).
// The database is reached at its container's address on the compose network (not published).
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import supertest from "supertest";
import { openDatabase } from "../../server/src/db/client";
import { offers } from "../../server/src/db/schema";
import { launchBrowser } from "../e2e/browser";
import { COUNCIL } from "../e2e/live-request-steps";
import { signInAsDemoPerson } from "../e2e/sign-in-steps";
import { buildMarket, type Market, offerBody, openRequest } from "../factories/placement-requests";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { pause, recordEvents, snapshotOf } from "../realtime/live-recorder";
import { getThroughBalancer, keyPerNode } from "../setup/node-keys";

const URL_ = process.env.COMPOSE_URL ?? "http://localhost:3000";
const PROJECT = process.env.COMPOSE_PROJECT ?? "main";
const NODES = ["app1", "app2", "app3"] as const;
const started = Date.now();
const passed: string[] = [];
const sockets: LiveClient[] = [];

const docker = (...args: string[]) => execFileSync("docker", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
/** For a command that takes a while (docker stop): the event loop runs on, so sockets are heard meanwhile. */
const dockerAsync = async (...args: string[]) => (await promisify(execFile)("docker", args, { encoding: "utf8" })).stdout.trim();
/** A service's container, by compose's labels (v1 and v2 name containers differently); the same across stop and start. */
const containers = new Map<string, string>();
const container = (service: string) => {
  const known = containers.get(service);
  if (known) return known;
  const ids = docker("ps", "-aq", "--filter", `label=com.docker.compose.project=${PROJECT}`, "--filter", `label=com.docker.compose.service=${service}`);
  if (!ids || ids.includes("\n")) throw new Error(`not one container for ${service} in project ${PROJECT}: ${ids || "none"}`);
  containers.set(service, ids);
  return ids;
};
const logsOf = (service: string) => docker("logs", container(service));
const addressOf = (service: string) => docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}", container(service));
const healthOf = (service: string) => docker("inspect", "-f", "{{.State.Health.Status}}", container(service));

async function check(name: string, fn: () => Promise<void>): Promise<void> {
  const t = Date.now();
  await fn();
  passed.push(name);
  console.log(`ok - ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitFor(what: string, ms: number, fn: () => Promise<boolean> | boolean): Promise<void> {
  for (const end = Date.now() + ms; Date.now() < end; await pause(250))
    if (
      await Promise.resolve()
        .then(fn)
        .catch(() => false)
    )
      return;
  throw new Error(`${what}: not within ${ms / 1000} s`);
}

const get = (path: string, key?: string) => getThroughBalancer(URL_, path, key);

/** Which node's container logged a request id (logs are written a moment after the answer). */
async function servedBy(requestId: string): Promise<string> {
  for (let tries = 0; tries < 40; tries++) {
    const nodes = NODES.filter((n) => logsOf(n).includes(requestId));
    if (nodes.length === 1) return nodes[0]!;
    await pause(100);
  }
  throw new Error(`no single node logged request ${requestId}`);
}

async function offer(requestId: string, provider: Market["providers"][number]): Promise<number> {
  return (await supertest(URL_).post(`/api/v1/placement-requests/${requestId}/offers`).set(provider.person.auth).send(offerBody(provider.settingId))).status;
}

async function main(): Promise<void> {
  const handle = await openDatabase({ databaseUrl: `postgres://placements:placements@${addressOf("postgres")}:5432/placements`, poolSize: 2 });
  const m = await buildMarket(handle.db, { providers: 3 });

  await check("every service is up and every node healthy", async () => {
    for (const n of NODES) expect(healthOf(n) === "healthy", `${n} is ${healthOf(n)}`);
    const health = await get("/api/v1/health");
    expect(health.status === 200, `health ${health.status}`);
    expect(/"db":"ok"/.test(health.text) && /"redis":"ok"/.test(health.text), `health says ${health.text}`);
  });

  await check("the home page and its script come through nginx", async () => {
    const home = await get("/");
    expect(home.status === 200 && home.text.includes("Placement Exchange"), `home ${home.status}`);
    const script = /<script[^>]+src="([^"]+)"/.exec(home.text)?.[1];
    expect(script, "no script on the home page");
    const js = await get(script);
    expect(js.status === 200 && js.text.length > 1000, `script ${js.status}`);
  });

  await check("a browser gets a node key and keeps to its node; browsers without one are spread", async () => {
    const first = await get("/api/v1/health/ready");
    expect(first.key && /^[0-9a-f]{32}$/.test(first.key), "no node key on the first answer");
    const node = await servedBy(first.id);
    for (let i = 0; i < 8; i++) expect((await servedBy((await get("/api/v1/health/ready", first.key)).id)) === node, "a keyed request went elsewhere");
    const spread = new Set<string>();
    for (let i = 0; i < 12; i++) spread.add(await servedBy((await get("/api/v1/health/ready")).id));
    expect(spread.size > 1, "every request went to one node");
  });

  await check("a commissioner signs in through the development provider in Chromium", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await signInAsDemoPerson(page, URL_, `Commissioner, ${COUNCIL}`);
      await page.waitForURL(`${URL_}/commissioner`);
      await page.getByRole("heading", { level: 1 }).waitFor();
    } finally {
      await browser.close();
    }
  });

  const keys = await keyPerNode(URL_, NODES.length, servedBy);
  const { request } = await openRequest(URL_, m);
  const boards = await Promise.all(
    NODES.map(async (n) => {
      const socket = liveClient(URL_, { token: m.commissioner.token, cookie: `px_node=${keys[n]}`, reconnect: true });
      sockets.push(socket);
      let connects = 0;
      // As the live page does: on every reconnection, watch the request again (a fresh snapshot).
      socket.on("connect", () => {
        connects += 1;
        if (connects > 1) void snapshotOf(socket, request.id).catch((error: unknown) => log.problems.push(`re-watch on ${n}: ${String(error)}`));
      });
      const log = recordEvents(await connected(socket));
      await snapshotOf(socket, request.id);
      return { node: n, socket, log, connects: () => connects };
    }),
  );
  const heardEverywhere = async (settingId: string) => {
    for (const b of boards)
      await b.log
        .waitFor("response:received", (e) => e.invitation.settingId === settingId && e.invitation.status === "offered", 10_000)
        .catch((error: unknown) => {
          throw new Error(`${b.node}'s board (connected ${b.socket.connected}, ${b.connects()} connects): ${String(error)}`);
        });
  };

  await check("WebSockets upgrade on every node and each hears an offer taken by any node", async () => {
    for (const b of boards) expect(b.socket.io.engine.transport.name === "websocket", `${b.node}: ${b.socket.io.engine.transport.name}`);
    expect((await offer(request.id, m.providers[0]!)) === 201, "offer refused");
    await heardEverywhere(m.providers[0]!.settingId);
  });

  await check("app2 killed (SIGKILL): its browsers are served by the others, its live page reconnects and hears the next offer", async () => {
    docker("kill", container("app2"));
    for (let i = 0; i < 5; i++) {
      const served = await get("/api/v1/health/ready", keys.app2);
      expect(served.status === 200, `${served.status} for app2's browser`);
      expect((await servedBy(served.id)) !== "app2", "served by the dead node");
    }
    const board = boards.find((b) => b.node === "app2")!;
    await waitFor("app2's page reconnecting", 15_000, () => board.connects() >= 2);
    await snapshotOf(board.socket, request.id);
    expect((await offer(request.id, m.providers[1]!)) === 201, "offer refused");
    await heardEverywhere(m.providers[1]!.settingId);
  });

  await check("app2 started again rejoins healthy", async () => {
    docker("start", container("app2"));
    await waitFor("app2 healthy", 60_000, () => healthOf("app2") === "healthy");
  });

  await check("PostgreSQL restarted: 503 with Retry-After while it is down, then the same nodes answer again", async () => {
    await dockerAsync("stop", "-t", "5", container("postgres"));
    const during = await supertest(URL_).get(`/api/v1/placement-requests/${request.id}`).set(m.commissioner.auth);
    expect(during.status === 503 && during.headers["retry-after"], `${during.status} while PostgreSQL was down`);
    await waitFor("readiness false", 15_000, async () => (await get("/api/v1/health/ready")).status === 503);
    docker("start", container("postgres"));
    await waitFor(
      "the request readable again",
      60_000,
      async () => (await supertest(URL_).get(`/api/v1/placement-requests/${request.id}`).set(m.commissioner.auth)).status === 200,
    );
  });

  await check("app3 stopped (SIGTERM, drained): its live page moves to another node, no request fails meanwhile", async () => {
    const board = boards.find((b) => b.node === "app3")!;
    const before = board.connects();
    const statuses: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        statuses.push((await get("/", keys.app3)).status); // a page, not readiness (which fails on purpose while draining)
        await pause(100);
      }
    })();
    await dockerAsync("stop", "-t", "20", container("app3"));
    await waitFor("app3's page reconnecting", 15_000, () => board.connects() > before);
    polling = false;
    await poller;
    expect(
      statuses.every((s) => s === 200),
      `answers while app3 drained: ${statuses.filter((s) => s !== 200).join(", ")}`,
    );
    await snapshotOf(board.socket, request.id);
    expect((await offer(request.id, m.providers[2]!)) === 201, "offer refused");
    await heardEverywhere(m.providers[2]!.settingId);
    docker("start", container("app3"));
    await waitFor("app3 healthy", 60_000, () => healthOf("app3") === "healthy");
  });

  await check("every acknowledged offer is in the database, once; no board saw a malformed event", async () => {
    const rows = await handle.db.select({ settingId: offers.settingId }).from(offers).where(eq(offers.requestId, request.id));
    expect(rows.length === 3, `${rows.length} offers stored`);
    for (const b of boards) expect(b.log.problems.length === 0, `${b.node}: ${b.log.problems.join("; ")}`);
  });

  for (const s of sockets) s.disconnect();
  await handle.close();
  console.log(JSON.stringify({ passed: passed.length, seconds: Math.round((Date.now() - started) / 1000) }));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    for (const s of sockets) s.disconnect();
    console.error(`not ok - ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
