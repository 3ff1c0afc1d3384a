import { sql } from "drizzle-orm";
import { rowsOf } from "../../server/src/db/rows";
import { notify } from "../../server/src/modules/notifications/notify";
import { buildUser } from "../factories/users";
import { describeWithServers } from "../setup/describe-with-servers";
import { type RunningServer, spawnServer } from "../setup/spawn-server";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";
import { NOTIFY_TEST_ENV, NOTIFY_TEST_TEMPLATES, type NotifyServer, startNotifyServer } from "../support/notify-server";

// A node dies (SIGKILL: no graceful shutdown) while sending e-mails through Notify. After a
// restart every e-mail has been sent exactly once: Notify keeps no idempotency key, so an e-mail
// it took whose answer died with the node is found again by its reference before any resend.
// Server mode only: the node is its own process.
const EMAILS = 40;
const KILL_AFTER = 10;

let database: TestDatabase;
let notifyServer: NotifyServer;
const running: RunningServer[] = [];
const db = () => database.handle.db;

async function start(): Promise<RunningServer> {
  const node = await spawnServer({ DATABASE_URL: database.url ?? "", SEED_DEMO: "false", OUTBOX_INTERVAL_MS: "100", ...NOTIFY_TEST_ENV(notifyServer.url) });
  running.push(node);
  return node;
}
const pendingCount = async () => (await rowsOf<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM email_outbox WHERE status = 'pending'`))[0]!.n;

describeWithServers("Killing a node while it sends e-mails", { database: true }, () => {
  beforeAll(async () => {
    database = await createTestDatabase({ seed: false });
    notifyServer = await startNotifyServer({ templates: NOTIFY_TEST_TEMPLATES });
  });
  afterAll(async () => {
    for (const node of running) node.child.kill("SIGKILL");
    await Promise.all(running.map((n) => n.exited));
    await database?.drop();
    await notifyServer?.close();
  });

  it("should send every e-mail exactly once after a SIGKILL and a restart, finding those in flight by their reference", async () => {
    const person = await buildUser(db(), { role: "provider" });
    for (let i = 0; i < EMAILS; i++) {
      await db().transaction((tx) =>
        notify(tx, {
          kind: "request_invited",
          userIds: [person.user.id],
          about: `kill-test:${i}`,
          title: `Placement request PR-${i} from Testshire Council`,
          body: "Respond by 5pm on 10 December 2026.",
          link: `/provider/requests/${i}`,
        }),
      );
    }
    // A slow Notify keeps sends in flight, so the kill lands between Notify's answer and our record of it.
    notifyServer.delayNext({ times: EMAILS * 2, ms: 60 });

    const first = await start();
    const deadline = Date.now() + 60_000;
    while (notifyServer.sent.length < KILL_AFTER && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    first.child.kill("SIGKILL");
    await first.exited;
    expect(notifyServer.sent.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(await pendingCount()).toBeGreaterThan(0);

    // The killed node's leases would run out in two minutes; the test does not wait for them.
    await db().execute(sql`UPDATE email_outbox SET next_attempt_at = now() WHERE status = 'pending'`);
    await start();
    const settled = Date.now() + 60_000;
    while ((await pendingCount()) > 0 && Date.now() < settled) await new Promise((r) => setTimeout(r, 200));
    expect(await pendingCount()).toBe(0);

    const references = (await rowsOf<{ reference: string; status: string }>(db(), sql`SELECT reference, status FROM email_outbox`)).map((r) => {
      expect(r.status).toBe("sent");
      return r.reference;
    });
    expect(references).toHaveLength(EMAILS);
    const copies = new Map<string, number>();
    for (const e of notifyServer.sent) copies.set(e.reference ?? "", (copies.get(e.reference ?? "") ?? 0) + 1);
    expect([...copies.keys()].sort()).toEqual([...references].sort());
    // Sent exactly once each: an e-mail Notify took before the kill is found by its reference, not sent again.
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
  });
});
