import { sql } from "drizzle-orm";
import { pino } from "pino";
import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { createApp } from "../../server/src/app";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { isDatabaseUnavailable } from "../../server/src/db/errors";
import { type Market, offerBody, openRequest } from "../factories/placement-requests";
import { pause } from "../realtime/live-recorder";
import { describeWithServers } from "../setup/describe-with-servers";
import { TcpProxy } from "../setup/tcp-proxy";
import { testEnv } from "../setup/test-app";
import { type PrivatePostgres, startPrivateMarket } from "./private-postgres";

// PostgreSQL that hangs (stalled, or a network that drops packets): its connections stay open
// and nothing is answered. Unlike a restart nothing fails by itself, so without a limit of our
// own a request waits until TCP gives up, many minutes later. A user must be told to try again
// within seconds, and once it answers, the app must serve again at full strength: no connection
// lost to the pool, no transaction left open for the next request to commit.
const QUERY_TIMEOUT_MS = 500;
/** The query timeout, then the pool's 3 s wait for a new connection (the server takes none), and a margin. */
const ANSWER_WITHIN_MS = 5000;
/** Long enough that a request left waiting on the hung server is seen to wait. */
const HANG_MS = 8000;

let pgServer: PrivatePostgres | undefined;
let setup: DbHandle | undefined;
let m: Market;

describeWithServers("PostgreSQL hangs", { database: true }, () => {
  beforeAll(async () => {
    ({ pgServer, handle: setup, market: m } = await startPrivateMarket(4));
    await setup!.sql.query("CREATE TABLE hang_marks (mark text PRIMARY KEY)");
  }, 240_000);
  // A failed test must not leave it stopped for the next one.
  afterEach(() => pgServer?.resume());
  afterAll(async () => {
    await setup?.close().catch(() => undefined);
    await pgServer?.destroy();
  });

  it("should fail a statement left unanswered within the query timeout, commit nothing of its transaction, and keep every pool connection", async () => {
    const handle = await openDatabase({ databaseUrl: pgServer!.url, poolSize: 2, queryTimeoutMs: QUERY_TIMEOUT_MS });
    try {
      // Had nothing limited the wait, the statements below would be answered only when it wakes.
      const wake = setTimeout(() => void pgServer!.resume(), HANG_MS);
      const startedAt = Date.now();
      const leftOpen = await handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO hang_marks VALUES ('left open')`);
          await pgServer!.pause();
          await tx.execute(sql`SELECT 1`);
        })
        .then(
          () => "committed",
          (error: unknown) => error,
        );
      const leftOpenMs = Date.now() - startedAt;
      // One that starts meanwhile: its BEGIN is not answered either (or no connection is made).
      const begun = await handle.db
        .transaction((tx) => tx.execute(sql`SELECT 1`))
        .then(
          () => "ran",
          (error: unknown) => error,
        );
      clearTimeout(wake);
      await pgServer!.resume();

      expect(isDatabaseUnavailable(leftOpen)).toBe(true);
      expect(leftOpenMs).toBeLessThan(QUERY_TIMEOUT_MS + 1000);
      expect(isDatabaseUnavailable(begun)).toBe(true);
      await twoTransactionsAtOnce(handle, ["after 1", "after 2"]);
      // What the timed-out transaction wrote was rolled back, not committed by the next to use its connection.
      const marks = await setup!.sql.query<{ mark: string }>("SELECT mark FROM hang_marks ORDER BY mark");
      expect(marks.map((r) => r.mark)).toEqual(["after 1", "after 2"]);
    } finally {
      // (A connection never given back to the pool would hold close() for ever.)
      await Promise.race([handle.close(), pause(5000)]);
    }
  }, 60_000);

  it("should not leave a transaction's locks held when its connection was dropped while the network to PostgreSQL drops packets", async () => {
    // PostgreSQL is fine; only this node's link to it is not, so the close of the dropped connection never reaches it.
    const link = new TcpProxy("127.0.0.1", pgServer!.port);
    await link.start();
    const handle = await openDatabase({
      databaseUrl: through(link),
      poolSize: 2,
      queryTimeoutMs: QUERY_TIMEOUT_MS,
    });
    const wake = setTimeout(() => link.thaw(), HANG_MS);
    try {
      const left = await handle.db
        .transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO hang_marks VALUES ('held')`);
          link.freeze();
          await tx.execute(sql`SELECT 1`);
        })
        .then(
          () => "committed",
          (error: unknown) => error,
        );
      expect(isDatabaseUnavailable(left)).toBe(true);
      // Another node writes the same row: it waits for the left transaction's lock until PostgreSQL ends that transaction.
      const startedAt = Date.now();
      await setup!.sql.query("INSERT INTO hang_marks VALUES ('held')");
      const waitedMs = Date.now() - startedAt;
      expect(waitedMs).toBeLessThan(QUERY_TIMEOUT_MS * 3 + 2000);
      await setup!.sql.query("DELETE FROM hang_marks WHERE mark = 'held'");
    } finally {
      clearTimeout(wake);
      link.thaw();
      await Promise.race([handle.close(), pause(5000)]);
      await link.cut();
    }
  }, 60_000);

  it("should keep every pool connection when a transaction's BEGIN fails because its connection was cut", async () => {
    // The restart's case, without a query limit: the connection ends while BEGIN is on its way.
    const link = new TcpProxy("127.0.0.1", pgServer!.port);
    await link.start();
    const handle = await openDatabase({ databaseUrl: through(link), poolSize: 2 });
    try {
      await handle.sql.query("SELECT 1");
      link.freeze();
      const begun = handle.db
        .transaction((tx) => tx.execute(sql`SELECT 1`))
        .then(
          () => "ran",
          (error: unknown) => error,
        );
      await pause(200);
      await link.cut();
      link.thaw();
      expect(isDatabaseUnavailable(await begun)).toBe(true);
      await link.start();
      await twoTransactionsAtOnce(handle, ["cut 1", "cut 2"]);
      await setup!.sql.query("DELETE FROM hang_marks WHERE mark LIKE 'cut %'");
    } finally {
      await Promise.race([handle.close(), pause(5000)]);
      await link.cut();
    }
  }, 60_000);

  it("should answer API calls and readiness 503 with Retry-After within seconds while it hangs, and serve again when it answers", async () => {
    const handle = await openDatabase({ databaseUrl: pgServer!.url, poolSize: 4, queryTimeoutMs: QUERY_TIMEOUT_MS });
    const { app } = await createApp({ env: testEnv(), database: handle, logger: pino({ level: "silent" }) });
    try {
      const { request: made } = await openRequest(app, m);
      const view = () => request(app).get(`/api/v1/placement-requests/${made.id}`).set(m.commissioner.auth);
      expect((await view()).status).toBe(200);
      const submit = (i: number) =>
        request(app)
          .post(`/api/v1/placement-requests/${made.id}/offers`)
          .set(m.providers[i]!.person.auth)
          .set("Idempotency-Key", `hang-${i}`)
          .send(offerBody(m.providers[i]!.settingId));
      const timed = async (what: string, call: () => PromiseLike<request.Response>) => {
        const startedAt = Date.now();
        const res = await call();
        return { what, status: res.status, ms: Date.now() - startedAt, retryAfter: res.headers["retry-after"], body: res.body as unknown };
      };

      await pgServer!.pause();
      const wake = setTimeout(() => void pgServer!.resume(), HANG_MS);
      const during = await Promise.all([
        ...m.providers.map((_, i) => timed(`offer ${i}`, () => submit(i))),
        timed("request view", view),
        timed("search", () => request(app).get("/api/v1/settings?lot=1&band=C").set(m.commissioner.auth)),
        timed("readiness", () => request(app).get("/api/v1/health/ready")),
      ]);
      clearTimeout(wake);
      await pgServer!.resume();

      expect(during.map(({ what, status }) => ({ what, status }))).toEqual(during.map(({ what }) => ({ what, status: 503 })));
      expect(during.filter((a) => a.ms > ANSWER_WITHIN_MS).map(({ what, ms }) => ({ what, ms }))).toEqual([]);
      for (const a of during) expect({ what: a.what, retryAfter: Number(a.retryAfter) > 0 }).toEqual({ what: a.what, retryAfter: true });
      for (const a of during.filter((x) => x.what !== "readiness")) {
        expect(ApiErrorSchema.parse(a.body)).toMatchObject({
          code: "service_unavailable",
          reason: "database_unavailable",
          message: expect.stringMatching(/database.*try again/i),
        });
      }

      // Awake: ready, and each offer sent again with its key is stored, once.
      expect((await request(app).get("/api/v1/health/ready")).status).toBe(200);
      const again = await Promise.all(m.providers.map((_, i) => submit(i)));
      expect(again.map((r) => r.status)).toEqual(m.providers.map(() => 201));
      const repeated = await Promise.all(m.providers.map((_, i) => submit(i)));
      expect(repeated.map((r) => r.body)).toEqual(again.map((r) => r.body));
      const offers = await setup!.sql.query<{ n: string }>("SELECT count(*) AS n FROM offers WHERE request_id = $1", [made.id]);
      expect(Number(offers[0]?.n)).toBe(m.providers.length);
    } finally {
      await handle.close();
    }
  }, 60_000);
});

/** The private PostgreSQL's address, through `link`. */
const through = (link: TcpProxy) => pgServer!.url.replace(`:${pgServer!.port}/`, `:${link.port}/`);

/** Both of a pool of two's connections are there: two transactions are open at once, each writing its mark. */
async function twoTransactionsAtOnce(handle: DbHandle, marks: [string, string]): Promise<void> {
  let inside = 0;
  let bothInside = () => {};
  const together = new Promise<void>((resolve, reject) => {
    bothInside = resolve;
    setTimeout(() => reject(new Error("the second transaction got no connection while the first was open")), 2000);
  });
  await Promise.all(
    marks.map((mark) =>
      handle.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO hang_marks VALUES (${mark})`);
        if (++inside === 2) bothInside();
        await together;
      }),
    ),
  );
}
