import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { NotificationListSchema, NotificationPreferencesSchema, NotificationReadSchema, NotificationsReadAllSchema } from "@shared/schemas/notifications";
import { rowsOf } from "../../server/src/db/rows";
import { notify } from "../../server/src/modules/notifications/notify";
import { buildUnaffiliatedUser, buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
const db = () => t.database.handle.db;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

/** Tells the person something, as a capability would, and answers its id. */
async function tell(person: BuiltUser, title: string): Promise<string> {
  const about = `test:${randomUUID()}`;
  await notify(db(), { kind: "request_invited", userIds: [person.user.id], about, title, body: "Body", link: `/provider/requests/${about}` });
  const [row] = await rowsOf<{ id: string }>(db(), sql`SELECT id FROM notifications WHERE about = ${about}`);
  return row!.id;
}
const list = async (person: BuiltUser, query = "") => {
  const res = await request(t.app).get(`/api/v1/notifications${query}`).set(person.auth);
  expect(res.status).toBe(200);
  return NotificationListSchema.parse(res.body);
};

describe("the notification centre", () => {
  it("should list only the person's own notifications, newest first, with the unread count", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const someoneElse = await buildUser(db(), { role: "provider" });
    await tell(provider, "First");
    await tell(provider, "Second");
    await tell(someoneElse, "Not yours");
    const { data, unread } = await list(provider);
    expect(data.map((n) => n.title)).toEqual(["Second", "First"]);
    expect(unread).toBe(2);
    expect((await list(provider, "?limit=1")).data.map((n) => n.title)).toEqual(["Second"]);
  });

  it("should mark one read, leave the others unread, and answer 404 for another person's", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const other = await buildUser(db(), { role: "provider" });
    const mine = await tell(provider, "Mine");
    await tell(provider, "Also mine");
    const theirs = await tell(other, "Theirs");

    const res = await request(t.app).post(`/api/v1/notifications/${mine}/read`).set(provider.auth);
    expect(res.status).toBe(200);
    const read = NotificationReadSchema.parse(res.body);
    expect(read.data.readAt).not.toBeNull();
    expect(read.unread).toBe(1);
    expect((await list(provider, "?unread=true")).data.map((n) => n.title)).toEqual(["Also mine"]);

    expect((await request(t.app).post(`/api/v1/notifications/${theirs}/read`).set(provider.auth)).status).toBe(404);
    expect((await list(other)).unread).toBe(1);
    expect((await request(t.app).post(`/api/v1/notifications/${randomUUID()}/read`).set(provider.auth)).status).toBe(404);
  });

  it("should mark all of the person's read and no one else's", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const other = await buildUser(db(), { role: "provider" });
    await tell(provider, "One");
    await tell(provider, "Two");
    await tell(other, "Theirs");
    const res = await request(t.app).post("/api/v1/notifications/read-all").set(provider.auth);
    expect(res.status).toBe(200);
    expect(NotificationsReadAllSchema.parse(res.body)).toEqual({ marked: 2, unread: 0 });
    expect((await list(provider)).data.every((n) => n.readAt !== null)).toBe(true);
    expect((await list(other)).unread).toBe(1);
  });

  it("should answer 400 naming each bad query field", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const res = await request(t.app).get("/api/v1/notifications?unread=maybe&limit=0").set(provider.auth);
    expect(res.status).toBe(400);
    expect(
      ApiErrorSchema.parse(res.body)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(["query.limit", "query.unread"]);
  });

  it("should refuse strangers (401) and people in no organisation (403)", async () => {
    expect((await request(t.app).get("/api/v1/notifications")).status).toBe(401);
    const nobody = await buildUnaffiliatedUser(db());
    expect((await request(t.app).get("/api/v1/notifications").set(nobody.auth)).status).toBe(403);
  });
});

describe("notification preferences", () => {
  const prefs = async (person: BuiltUser) => {
    const res = await request(t.app).get("/api/v1/notifications/preferences").set(person.auth);
    expect(res.status).toBe(200);
    return NotificationPreferencesSchema.parse(res.body).data;
  };

  it("should list the role's kinds, e-mailed by default, the always e-mailed ones fixed", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const data = await prefs(provider);
    expect(data.map((p) => p.kind)).toEqual([
      "request_invited",
      "clarification_answered",
      "request_amended",
      "deadline_24h",
      "deadline_1h",
      "offers_opened",
      "outcome",
    ]);
    expect(data.every((p) => p.delivery === "email")).toBe(true);
    expect(data.filter((p) => !p.changeable).map((p) => p.kind)).toEqual(["deadline_24h", "deadline_1h", "outcome"]);

    const commissioner = await buildUser(db(), { role: "commissioner" });
    expect((await prefs(commissioner)).map((p) => p.kind)).toEqual(["question_received", "request_closed", "request_no_offers"]);
    const panelAdmin = await buildUser(db(), { role: "parent_panel", orgAdmin: true });
    expect((await prefs(panelAdmin)).map((p) => p.kind)).toEqual([
      "round_opened",
      "round_closed",
      "round_summary_published",
      "moderation_decided",
      "application_decided",
      "claim_decided",
      "membership_payment_failed",
    ]);
    // A provider's administrators set its prices, so they also hear of a ceiling lowered below one.
    const providerAdmin = await buildUser(db(), { role: "provider", orgAdmin: true });
    expect((await prefs(providerAdmin)).map((p) => p.kind).slice(-4)).toEqual([
      "application_decided",
      "claim_decided",
      "membership_payment_failed",
      "band_ceiling_lowered",
    ]);
  });

  it("should store a change, audit it, and keep one choice per kind", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const res = await request(t.app)
      .put("/api/v1/notifications/preferences")
      .set(provider.auth)
      .send({ preferences: [{ kind: "request_invited", delivery: "in_app" }] });
    expect(res.status).toBe(200);
    expect(NotificationPreferencesSchema.parse(res.body).data.find((p) => p.kind === "request_invited")?.delivery).toBe("in_app");
    expect((await prefs(provider)).find((p) => p.kind === "request_invited")?.delivery).toBe("in_app");

    const again = await request(t.app)
      .put("/api/v1/notifications/preferences")
      .set(provider.auth)
      .send({ preferences: [{ kind: "request_invited", delivery: "digest" }] });
    expect(again.status).toBe(200);
    expect((await prefs(provider)).find((p) => p.kind === "request_invited")?.delivery).toBe("digest");

    const audit = await rowsOf<{ action: string }>(
      db(),
      sql`SELECT action FROM audit_log WHERE record_id = ${provider.user.id} AND action = 'notification_preferences.change'`,
    );
    expect(audit).toHaveLength(2);

    // notify() follows the choice: no e-mail queued for an in-app-only kind.
    await request(t.app)
      .put("/api/v1/notifications/preferences")
      .set(provider.auth)
      .send({ preferences: [{ kind: "request_invited", delivery: "in_app" }] });
    const id = await tell(provider, "Quiet");
    expect(await rowsOf(db(), sql`SELECT 1 FROM email_outbox WHERE notification_id = ${id}`)).toHaveLength(0);
  });

  it("should tell many people in one go: each enabled person once, and e-mail only those who want e-mail now", async () => {
    const [wantsEmail, inApp, digest, disabled] = [
      await buildUser(db(), { role: "provider" }),
      await buildUser(db(), { role: "provider" }),
      await buildUser(db(), { role: "provider" }),
      await buildUser(db(), { role: "provider" }),
    ];
    for (const [who, delivery] of [
      [inApp, "in_app"],
      [digest, "digest"],
    ] as const)
      expect(
        (
          await request(t.app)
            .put("/api/v1/notifications/preferences")
            .set(who.auth)
            .send({ preferences: [{ kind: "request_invited", delivery }] })
        ).status,
      ).toBe(200);
    await db().execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${disabled.user.id}`);
    const about = `test:${randomUUID()}`;
    const everyone = [wantsEmail, inApp, digest, disabled].map((who) => who.user.id);
    const props = { kind: "request_invited", userIds: everyone, about, title: "Invited", body: "Body", link: "/provider/requests/x" } as const;

    expect(await notify(db(), props)).toBe(3);
    // The same thing again (a retried transaction, a second scheduler): nobody is told twice.
    expect(await notify(db(), props)).toBe(0);
    const told = await rowsOf<{ user_id: string }>(db(), sql`SELECT user_id FROM notifications WHERE about = ${about}`);
    expect(told.map((r) => r.user_id).sort()).toEqual([wantsEmail, inApp, digest].map((who) => who.user.id).sort());
    const emails = await rowsOf<{ user_id: string; email_address: string; reference: string; personalisation: Record<string, string>; id: string }>(
      db(),
      sql`SELECT o.user_id, o.email_address, o.reference, o.personalisation, n.id FROM email_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.about = ${about}`,
    );
    expect(emails).toEqual([
      {
        user_id: wantsEmail.user.id,
        email_address: wantsEmail.user.email,
        reference: `notification-${emails[0]?.id}`,
        personalisation: { title: "Invited", body: "Body", link: "/provider/requests/x" },
        id: expect.any(String),
      },
    ]);
  });

  it("should answer 400 naming every entry that changes an always e-mailed kind or another role's kind, and store none", async () => {
    const provider = await buildUser(db(), { role: "provider" });
    const res = await request(t.app)
      .put("/api/v1/notifications/preferences")
      .set(provider.auth)
      .send({
        preferences: [
          { kind: "request_invited", delivery: "in_app" },
          { kind: "outcome", delivery: "in_app" },
          { kind: "round_opened", delivery: "digest" },
          { kind: "deadline_1h", delivery: "digest" },
        ],
      });
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(res.body).issues?.map((i) => i.path)).toEqual([
      "body.preferences.1.kind",
      "body.preferences.2.kind",
      "body.preferences.3.kind",
    ]);
    expect((await prefs(provider)).find((p) => p.kind === "request_invited")?.delivery).toBe("email");

    const shape = await request(t.app)
      .put("/api/v1/notifications/preferences")
      .set(provider.auth)
      .send({ preferences: [{ kind: "nonsense", delivery: "pigeon" }] });
    expect(shape.status).toBe(400);
    expect(
      ApiErrorSchema.parse(shape.body)
        .issues?.map((i) => i.path)
        .sort(),
    ).toEqual(["body.preferences.0.delivery", "body.preferences.0.kind"]);
  });
});
