import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { pino } from "pino";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { attachLivePublisher, LIVE_SWEEPS_MAX, type LiveTopicHandlers, queueLive, sweepLiveOutbox } from "../../server/src/realtime/live-outbox";
import { publishLogged } from "../../server/src/realtime/publish-logged";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

// The live outbox (server/src/realtime/live-outbox.ts): a write's live events are stored with
// it, published by its node once it commits, and by any node's sweep if that node never did.
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});
const logger = pino({ level: "info" }, sink);

let database: TestDatabase;
/** Another node's handle on the same database (a PostgreSQL server only: PGlite serves one process). */
let other: DbHandle | undefined;
const db = () => database.handle.db;
const stored = async () => (await database.handle.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM live_outbox"))[0]?.n;

/** A node's publisher that records what it published, and fails where `fails` says. */
function recorder(node: string, heard: string[], fails: (requestId: string) => boolean = () => false): LiveTopicHandlers {
  const publish = async ({ requestId }: { requestId: string }) => {
    if (fails(requestId)) throw new Error("the socket adapter is down");
    heard.push(`${node} ${requestId}`);
  };
  const ranks = async (a: { requestId: string }) => publish({ requestId: `ranks ${a.requestId}` });
  return { "request:state": publish, "request:ranks": ranks } as unknown as LiveTopicHandlers;
}

const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
  expect(await check()).toBe(true);
};

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.url) other = await openDatabase({ databaseUrl: database.url, poolSize: 2 });
});
afterAll(async () => {
  await other?.close();
  await database.drop();
});
beforeEach(() => database.handle.sql.query("DELETE FROM live_outbox"));

describe("The live outbox", () => {
  it("should publish a transaction's events once it has committed, in the order queued, and keep none of them", async () => {
    const heard: string[] = [];
    attachLivePublisher(db(), { logger, topics: recorder("a", heard) });
    const id = randomUUID();
    await db().transaction(async (tx) => {
      await queueLive(tx, "request:state", { requestId: id });
      await queueLive(tx, "request:ranks", { requestId: id });
      // Not before the commit: a page must never hear of a change it cannot then read.
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual([]);
    });
    await until(() => heard.length === 2);
    expect(heard).toEqual([`a ${id}`, `a ranks ${id}`]);
    await until(async () => (await stored()) === 0);
  });

  it("should publish and keep nothing for a transaction that rolled back", async () => {
    const heard: string[] = [];
    attachLivePublisher(db(), { logger, topics: recorder("a", heard) });
    await expect(
      db().transaction(async (tx) => {
        await queueLive(tx, "request:state", { requestId: randomUUID() });
        throw new Error("the write failed");
      }),
    ).rejects.toThrow("the write failed");
    await new Promise((r) => setTimeout(r, 100));
    expect({ heard, stored: await stored() }).toEqual({ heard: [], stored: 0 });
  });

  it("should keep an event its node failed to publish, logged, and have the sweep publish it only once the node's claim has lapsed", async () => {
    const heard: string[] = [];
    const broken = new Set<string>();
    attachLivePublisher(db(), { logger, topics: recorder("a", heard, (id) => broken.has(id)) });
    const id = randomUUID();
    broken.add(id);
    await db().transaction((tx) => queueLive(tx, "request:state", { requestId: id }));
    await until(() => lines.some((l) => l.publish === "request:state" && l.msg === "live publish failed after commit"));
    expect(await stored()).toBe(1);

    broken.delete(id);
    // Within the claim the committing node may still be publishing: the sweep leaves it.
    expect(await sweepLiveOutbox(db(), 60_000)).toBe(0);
    expect(await sweepLiveOutbox(db(), 0)).toBe(1);
    expect(heard).toEqual([`a ${id}`]);
    expect(await stored()).toBe(0);
  });

  it("should leave an event of a topic this node does not know for a node that does, and give up, logged, on one that keeps failing", async () => {
    const heard: string[] = [];
    const id = randomUUID();
    attachLivePublisher(db(), { logger, topics: recorder("a", heard, (requestId) => requestId === id) });
    // Queued by a newer version during a rolling deploy.
    await database.handle.sql.query("INSERT INTO live_outbox (topic, args, claimed_at) VALUES ('request:later', '{}', now() - interval '1 hour')");
    await database.handle.sql.query(
      `INSERT INTO live_outbox (topic, args, claimed_at, sweeps) VALUES ('request:state', $1, now() - interval '1 hour', ${LIVE_SWEEPS_MAX - 2})`,
      [JSON.stringify({ requestId: id })],
    );
    expect(await sweepLiveOutbox(db(), 0)).toBe(2);
    expect(lines.some((l) => String(l.msg).startsWith("live event given up"))).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    expect(await sweepLiveOutbox(db(), 0)).toBe(2);
    expect(lines.find((l) => String(l.msg).startsWith("live event given up"))).toMatchObject({ topic: "request:state", level: 50 });
    expect(await database.handle.sql.query("SELECT topic FROM live_outbox")).toEqual([{ topic: "request:later" }]);
    expect(heard).toEqual([]);
  });

  it("should have another node publish, once, what a node committed and never published (killed after its commit)", async () => {
    // The committing node stops for good between its commits and its publishes (a SIGKILL).
    const never = () => new Promise<void>(() => undefined);
    attachLivePublisher(db(), { logger, topics: { "request:state": never } as unknown as LiveTopicHandlers });
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) await db().transaction((tx) => queueLive(tx, "request:state", { requestId: id }));
    // Its claim lapses (200 ms here, LIVE_CLAIM_MS in service).
    await new Promise((r) => setTimeout(r, 300));
    expect(await stored()).toBe(2);

    // The nodes left (on PGlite, the one process started again) sweep at the same moment: each
    // event is taken by one of them, which renews the claim as it takes it.
    const heard: string[] = [];
    const nodes = other ? [db(), other.db] : [db(), db()];
    nodes.forEach((node, i) => attachLivePublisher(node, { logger, topics: recorder(`node${i}`, heard) }));
    const taken = await Promise.all(nodes.map((node) => sweepLiveOutbox(node, 200)));
    expect(taken.reduce((a, b) => a + b)).toBe(2);
    expect(heard.map((h) => h.split(" ")[1]).sort()).toEqual([...ids].sort());
    expect(await stored()).toBe(0);
  });
});

describe("publishLogged", () => {
  it("should try a publish again while the database does not answer, deliver it once it does, and log what it gives up on", async () => {
    // As node-postgres says it when the pool cannot get a connection in time (an overloaded or restarting database).
    const unreachable = () => new Error("timeout exceeded when trying to connect");
    let calls = 0;
    const ok = await publishLogged(
      logger,
      "response:received (retried)",
      async () => {
        if (++calls < 3) throw unreachable();
      },
      {},
      [1, 1, 1],
    );
    expect({ ok, calls }).toEqual({ ok: true, calls: 3 });
    expect(lines.find((l) => l.publish === "response:received (retried)")).toBeUndefined();

    // Still unreachable after every pause: logged once, with how many times it was tried.
    let tries = 0;
    const gaveUp = await publishLogged(
      logger,
      "response:received (unreachable)",
      async () => {
        tries++;
        throw unreachable();
      },
      {},
      [1, 1, 1],
    );
    expect({ gaveUp, tries }).toEqual({ gaveUp: false, tries: 4 });
    expect(lines.filter((l) => l.publish === "response:received (unreachable)")).toEqual([expect.objectContaining({ attempts: 4, level: 50 })]);

    // Any other failure (a bug, the socket adapter) is not tried again.
    let once = 0;
    await publishLogged(logger, "broken once", async () => {
      once++;
      throw new Error("emit failed");
    });
    expect(once).toBe(1);
  });
});
