import { sql } from "drizzle-orm";
import request from "supertest";
import { DevOutboxSchema, OutboxProblemsSchema } from "@shared/schemas/notifications";
import { notify } from "../../server/src/modules/notifications/notify";
import { buildRegion } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { NOTIFY_TEST_ENV } from "../support/notify-server";

let t: TestApp;
let hub: BuiltUser;
let provider: BuiltUser;
let elsewhere: BuiltUser;
const db = () => t.database.handle.db;

/** One notification, and so one e-mail, for the person. */
const tell = (who: BuiltUser, n: number) =>
  db().transaction((tx) =>
    notify(tx, {
      kind: "offers_opened",
      userIds: [who.user.id],
      about: `routes-test:${n}`,
      title: `Offers opened for placement request PR-${n}`,
      body: "Testshire Council has opened the offers.",
      link: `/provider/requests/${n}`,
    }),
  );

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const region = await buildRegion(db());
  hub = await buildUser(db(), { role: "regional_admin", regionId: region.id });
  provider = await buildUser(db(), { role: "provider", regionId: region.id });
  elsewhere = await buildUser(db(), { role: "provider" });
  await tell(provider, 1);
  await tell(provider, 2);
  await tell(elsewhere, 3);
  // The first of the region's e-mails failed; the other region's did too.
  await db()
    .execute(sql`UPDATE email_outbox SET status = 'failed', last_error = 'Notify refused the e-mail (400, BadRequestError: Missing personalisation: title).'
    WHERE personalisation->>'link' IN ('/provider/requests/1', '/provider/requests/3')`);
});
afterAll(() => t.close());

describe("GET /api/v1/notifications/outbox-problems", () => {
  it("should show the hub its region's failed e-mails with the reason, and no one else's", async () => {
    const res = await request(t.app).get("/api/v1/notifications/outbox-problems").set(hub.auth);
    expect(res.status).toBe(200);
    const { data } = OutboxProblemsSchema.parse(res.body);
    expect(data).toEqual([
      expect.objectContaining({ emailAddress: provider.user.email, status: "failed", lastError: expect.stringContaining("Missing personalisation: title") }),
    ]);
  });

  it("should refuse a provider", async () => {
    expect((await request(t.app).get("/api/v1/notifications/outbox-problems").set(provider.auth)).status).toBe(403);
  });
});

describe("GET /api/v1/dev/outbox", () => {
  it("should show each of the region's e-mails as it would read, the link made a full address", async () => {
    const res = await request(t.app).get("/api/v1/dev/outbox").set(hub.auth);
    expect(res.status).toBe(200);
    const { data } = DevOutboxSchema.parse(res.body);
    expect(data.map((e) => e.subject).sort()).toEqual(["Offers opened for placement request PR-1", "Offers opened for placement request PR-2"]);
    const second = data.find((e) => e.subject.endsWith("PR-2"))!;
    expect(second.body).toContain("Testshire Council has opened the offers.");
    expect(second.body).toContain(`(${t.env.publicUrl}/provider/requests/2)`);
    expect(second.body).not.toMatch(/\(\(/);
  });

  it("should not exist where e-mail is really sent", async () => {
    const live = await createTestApp({ database: t.database, env: NOTIFY_TEST_ENV("http://127.0.0.1:9") });
    const res = await request(live.app).get("/api/v1/dev/outbox").set(hub.auth);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(provider.user.email);
  });
});
