import { eq, sql } from "drizzle-orm";
import { pino } from "pino";
import { auditLog, emailOutbox, notificationPreferences, notifications } from "../../server/src/db/schema";
import { parseEnv } from "../../server/src/env";
import { notify, queueEmail } from "../../server/src/modules/notifications/notify";
import { notifyClientFor, type OutboxDeps, runOutbox, ukDay } from "../../server/src/modules/notifications/outbox-worker";
import { buildUser, type BuiltUser } from "../factories/users";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { startTestServer, type TestServer } from "../setup/test-server";
import { NOTIFY_TEST_ENV, NOTIFY_TEST_TEMPLATES, type NotifyServer, notifyTemplateId, startNotifyServer } from "../support/notify-server";

let notifyServer: NotifyServer;
let t: TestServer;
let person: BuiltUser;
let other: BuiltUser;
const db = () => t.testApp.database.handle.db;
const deps = (): OutboxDeps => ({ db: db(), env: t.testApp.env, logger: pino({ level: "silent" }), live: t.testApp.built.live });
let counter = 0;

beforeAll(async () => {
  notifyServer = await startNotifyServer({ templates: NOTIFY_TEST_TEMPLATES });
  t = await startTestServer({ requireClient: false, seed: false, env: NOTIFY_TEST_ENV(notifyServer.url) });
  person = await buildUser(db(), { role: "provider" });
  other = await buildUser(db(), { role: "provider" });
});
afterAll(async () => {
  await t.close();
  await notifyServer.close();
});
beforeEach(() => {
  notifyServer.up();
  notifyServer.sent.splice(0);
});

/** Tells the person something, as a capability's command would, and returns the reference of its e-mail. */
async function tell(who: BuiltUser = person): Promise<string> {
  const n = ++counter;
  await db().transaction((tx) =>
    notify(tx, {
      kind: "request_invited",
      userIds: [who.user.id],
      about: `test:${n}`,
      title: `Placement request PR-${1000 + n} from Testshire Council`,
      body: "Respond by 5pm on 10 December 2026.",
      link: `/provider/requests/${n}`,
    }),
  );
  const [row] = await db()
    .select()
    .from(emailOutbox)
    .where(sql`${emailOutbox.personalisation}->>'link' = ${`/provider/requests/${n}`}`);
  return row!.reference;
}
const rowOf = async (reference: string) => (await db().select().from(emailOutbox).where(eq(emailOutbox.reference, reference)))[0]!;
/** Time passes: the row's next try is due now. */
const due = (reference: string) =>
  db()
    .update(emailOutbox)
    .set({ nextAttemptAt: sql`now()` })
    .where(eq(emailOutbox.reference, reference));
const secondsUntilNextTry = async (reference: string) => ((await rowOf(reference)).nextAttemptAt.getTime() - Date.now()) / 1000;

describe("the outbox worker", () => {
  it("should send a notification's e-mail once, with its template, a full link and its reference", async () => {
    const reference = await tell();
    await runOutbox(deps());
    await runOutbox(deps());
    expect(notifyServer.sent).toHaveLength(1);
    const [email] = notifyServer.sent;
    expect(email).toMatchObject({
      templateId: notifyTemplateId("request_invited"),
      emailAddress: person.user.email,
      reference,
      personalisation: {
        title: expect.stringMatching(/^Placement request PR-\d+ from Testshire Council$/),
        body: "Respond by 5pm on 10 December 2026.",
        link: expect.stringMatching(new RegExp(`^${t.url}/provider/requests/\\d+$`)),
      },
    });
    expect(email!.subject).toBe(email!.personalisation.title);
    expect(await rowOf(reference)).toMatchObject({ status: "sent", notifyId: email!.id, attempts: 1 });
  });

  it("should retry after Notify fails or is down, waiting longer each time, and send once", async () => {
    const reference = await tell();
    notifyServer.failNext({ times: 1, status: 500 });
    await runOutbox(deps());
    expect(await rowOf(reference)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringContaining("500") });
    expect(await secondsUntilNextTry(reference)).toBeGreaterThan(25);
    expect(await secondsUntilNextTry(reference)).toBeLessThanOrEqual(30);

    await due(reference);
    notifyServer.down();
    await runOutbox(deps());
    expect(await rowOf(reference)).toMatchObject({ status: "pending", attempts: 2, lastError: expect.stringContaining("could not be reached") });
    expect(await secondsUntilNextTry(reference)).toBeGreaterThan(55);

    notifyServer.up();
    await due(reference);
    await runOutbox(deps());
    expect(notifyServer.sent.map((e) => e.reference)).toEqual([reference]);
    expect(await rowOf(reference)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("should stop waiting for a Notify that does not answer, and on the next try find the e-mail it took late rather than send it twice", async () => {
    const reference = await tell();
    notifyServer.delayNext({ times: 1, ms: 1500 });
    const client = notifyClientFor(t.testApp.env.notify, 300);
    const started = performance.now();
    await runOutbox(deps(), { client });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(await rowOf(reference)).toMatchObject({ status: "pending", attempts: 1, lastError: "Notify did not answer in time." });

    // Notify took it in the end.
    for (let waited = 0; notifyServer.sent.length === 0 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    await due(reference);
    await runOutbox(deps(), { client });
    expect(notifyServer.sent.map((e) => e.reference)).toEqual([reference]);
    expect(await rowOf(reference)).toMatchObject({ status: "sent", attempts: 2, notifyId: notifyServer.sent[0]!.id });
  });

  it("should fail an e-mail Notify refuses (400) at once, saying why", async () => {
    await db().transaction((tx) =>
      queueEmail(tx, { emailAddress: "new.person@test.example", kind: "join_invitation", reference: `invitation-${++counter}`, personalisation: {} }),
    );
    await runOutbox(deps());
    const row = await rowOf(`invitation-${counter}`);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toMatch(/Missing personalisation: .*title/);
    expect(notifyServer.sent).toEqual([]);
  });

  it("should give up after a day of failures and audit it without the address", async () => {
    const reference = await tell();
    await db()
      .update(emailOutbox)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(eq(emailOutbox.reference, reference));
    notifyServer.failNext({ times: 1, status: 503 });
    await runOutbox(deps());
    const row = await rowOf(reference);
    expect(row).toMatchObject({ status: "failed", lastError: expect.stringContaining("Given up after 24 hours") });
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.recordId, row.id));
    expect(audit).toMatchObject({ action: "notifications.email_failed", recordType: "email_outbox" });
    expect(JSON.stringify(audit!.details)).not.toContain(person.user.email);
    // Given up for good: later runs leave it alone.
    await due(reference);
    await runOutbox(deps());
    expect(notifyServer.sent).toEqual([]);
  });

  it("should hold e-mails, never sending them, without NOTIFY_API_KEY", async () => {
    const reference = await tell();
    await runOutbox({ ...deps(), env: { publicUrl: t.testApp.env.publicUrl, notify: { templates: {} } } });
    expect(await rowOf(reference)).toMatchObject({ status: "held", sentAt: null });
    await runOutbox(deps());
    expect(notifyServer.sent).toEqual([]);
  });

  it("should send each e-mail once when two workers run at once", async () => {
    const references = [];
    for (let i = 0; i < 20; i++) references.push(await tell(i % 2 ? person : other));
    await Promise.all([runOutbox(deps()), runOutbox(deps()), runOutbox(deps())]);
    expect(notifyServer.sent.map((e) => e.reference).sort()).toEqual([...references].sort());
  });
});

describe("notification:new", () => {
  const sockets: LiveClient[] = [];
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));

  it("should reach the person's own socket with the unread count, and nobody else's", async () => {
    await runOutbox(deps());
    const mine = liveClient(t.url, { token: person.token });
    const theirs = liveClient(t.url, { token: other.token });
    sockets.push(mine, theirs);
    const got: unknown[] = [];
    const others: unknown[] = [];
    mine.on("notification:new", (payload) => got.push(payload));
    theirs.on("notification:new", (payload) => others.push(payload));
    await Promise.all([connected(mine), connected(theirs)]);
    const before = await db().$count(notifications, sql`user_id = ${person.user.id} AND read_at IS NULL`);
    await tell(person);
    await runOutbox(deps());
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(got).toEqual([
      {
        notification: expect.objectContaining({ kind: "request_invited", title: expect.stringMatching(/^Placement request PR-/), readAt: null }),
        unread: before + 1,
      },
    ]);
    expect(others).toEqual([]);
  });
});

describe("the daily digest", () => {
  it("should e-mail a digest person once after 07:00 UK time, listing the day's notifications of their digest kinds", async () => {
    const reader = await buildUser(db(), { role: "provider" });
    await db().insert(notificationPreferences).values({ userId: reader.user.id, kind: "offers_opened", delivery: "digest" });
    // Two in the day before 07:00, both in the digest: no e-mail each.
    for (const n of [1, 2]) {
      await db().transaction((tx) =>
        notify(tx, {
          kind: "offers_opened",
          userIds: [reader.user.id],
          about: `digest-test:${n}`,
          title: `Offers opened for placement request PR-${n}`,
          body: "Testshire Council opened the offers.",
          link: `/provider/requests/${n}`,
        }),
      );
    }
    expect(await db().$count(emailOutbox, eq(emailOutbox.userId, reader.user.id))).toBe(0);
    const { sevenAm } = ukDay(new Date());
    // Made a few hours before today's 07:00 UK time.
    await db()
      .update(notifications)
      .set({ createdAt: new Date(sevenAm.getTime() - 3 * 3_600_000) })
      .where(eq(notifications.userId, reader.user.id));

    const before = { ...deps(), now: () => new Date(sevenAm.getTime() - 60_000) };
    await runOutbox(before);
    expect(notifyServer.sent.filter((e) => e.emailAddress === reader.user.email)).toEqual([]);

    const after = { ...deps(), now: () => new Date(sevenAm.getTime() + 60_000) };
    await runOutbox(after);
    await runOutbox(after);
    const digests = notifyServer.sent.filter((e) => e.emailAddress === reader.user.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({
      templateId: notifyTemplateId("digest"),
      reference: expect.stringMatching(new RegExp(`^digest-${reader.user.id}-\\d{4}-\\d{2}-\\d{2}$`)),
    });
    expect(String(digests[0]!.personalisation.body).split("\n")).toEqual([
      `* [Offers opened for placement request PR-1](${t.url}/provider/requests/1)`,
      `* [Offers opened for placement request PR-2](${t.url}/provider/requests/2)`,
    ]);
  });

  it("should send no digest to a person with nothing in the day", async () => {
    const quiet = await buildUser(db(), { role: "provider" });
    await db().insert(notificationPreferences).values({ userId: quiet.user.id, kind: "offers_opened", delivery: "digest" });
    const { sevenAm } = ukDay(new Date());
    await runOutbox({ ...deps(), now: () => new Date(sevenAm.getTime() + 60_000) });
    expect(await db().$count(emailOutbox, eq(emailOutbox.userId, quiet.user.id))).toBe(0);
  });
});

describe("the Notify settings at boot", () => {
  it("should require every template id once NOTIFY_API_KEY is set, naming each missing one and how to find it", () => {
    const result = parseEnv({ NODE_ENV: "test", NOTIFY_API_KEY: NOTIFY_TEST_ENV("http://x").NOTIFY_API_KEY! });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(NOTIFY_TEST_TEMPLATES.length);
    expect(problems).toContainEqual(expect.stringMatching(/^NOTIFY_TEMPLATE_DIGEST: required when NOTIFY_API_KEY is set; .*notify templates/));
    expect(parseEnv({ NODE_ENV: "test", ...NOTIFY_TEST_ENV("http://127.0.0.1:9") }).ok).toBe(true);
  });

  it("should refuse a key or a template id not shaped like Notify's, and production without a key", () => {
    const bad = parseEnv({ NODE_ENV: "test", NOTIFY_API_KEY: "not-a-key", NOTIFY_TEMPLATE_OUTCOME: "outcome" });
    expect(bad.ok ? [] : bad.problems).toEqual([
      expect.stringMatching(/^NOTIFY_API_KEY: must be a GOV.UK Notify API key/),
      expect.stringMatching(/^NOTIFY_TEMPLATE_OUTCOME \(got "outcome"\): must be the template ID/),
    ]);
    const production = parseEnv({ NODE_ENV: "production" });
    expect(production.ok ? [] : production.problems).toContainEqual(expect.stringMatching(/^NOTIFY_API_KEY: required when NODE_ENV=production/));
  });
});
