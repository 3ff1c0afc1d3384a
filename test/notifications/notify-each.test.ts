import { eq, inArray, sql } from "drizzle-orm";
import { emailOutbox, notificationPreferences, notifications, users } from "../../server/src/db/schema";
import { notifyEach, recipientsOfEach } from "../../server/src/modules/notifications/notify";
import { buildOrganisation } from "../factories/organisations";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

// notifyEach tells several messages of one kind in one statement (the deadline reminders' batch):
// each message reaches its own people with its own wording and e-mail, as notify() would.
let t: TestApp;
const db = () => t.database.handle.db;
let a: BuiltUser[];
let b: BuiltUser;
let disabled: BuiltUser;
let digestOnly: BuiltUser;
// Wording goes to the database as JSON: quotes, a backslash, a new line and an emoji arrive as written.
const ELM = 'Elm "Forest" School\\Annexe\nSt Mary\'s 🌳';

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const first = (await buildOrganisation(db(), { kind: "provider" })).id;
  const second = (await buildOrganisation(db(), { kind: "provider" })).id;
  a = [await buildUser(db(), { role: "provider", organisationId: first }), await buildUser(db(), { role: "provider", organisationId: first })];
  disabled = await buildUser(db(), { role: "provider", organisationId: first });
  await db()
    .update(users)
    .set({ disabledAt: sql`now()` })
    .where(eq(users.id, disabled.user.id));
  b = await buildUser(db(), { role: "provider", organisationId: second });
  digestOnly = await buildUser(db(), { role: "provider", organisationId: second });
  await db().insert(notificationPreferences).values({ userId: digestOnly.user.id, kind: "request_amended", delivery: "digest" });
});
afterAll(() => t.close());

const message = (about: string, userIds: string[], name: string) => ({
  userIds,
  about,
  title: `Request amended`,
  body: `${name} has not offered or declined yet.`,
  link: `/provider/requests/${about}`,
  personalisation: { setting_name: name },
});
const toldAbout = (abouts: string[]) =>
  db()
    .select({ userId: notifications.userId, about: notifications.about, body: notifications.body, email: emailOutbox.personalisation })
    .from(notifications)
    .leftJoin(emailOutbox, eq(emailOutbox.notificationId, notifications.id))
    .where(inArray(notifications.about, abouts));

describe("notifyEach", () => {
  it("should tell each message's people its own wording, skip the disabled, e-mail only those who want it now, and tell each thing once", async () => {
    const staff = await recipientsOfEach(db(), { organisationIds: [a[0]!.user.organisationId!, b.user.organisationId!], roles: ["provider"] });
    expect(staff.get(a[0]!.user.organisationId!)?.sort()).toEqual(a.map((p) => p.user.id).sort());
    expect(staff.get(b.user.organisationId!)?.sort()).toEqual([b.user.id, digestOnly.user.id].sort());

    const abouts = ["each:1", "each:2"];
    const everyoneOfFirst = [...a.map((p) => p.user.id), disabled.user.id];
    const told = await db().transaction((tx) =>
      notifyEach(tx, "request_amended", [
        message("each:1", everyoneOfFirst, "Oak House"),
        message("each:2", [b.user.id, digestOnly.user.id], ELM),
        // The same thing again, to someone already told of it in this call: told once, the first wording kept.
        message("each:1", [a[0]!.user.id], "Not this wording"),
      ]),
    );
    expect(told).toBe(4);
    const rows = await toldAbout(abouts);
    expect(rows.map((r) => `${r.about} ${r.userId}`).sort()).toEqual(
      [...a.map((p) => `each:1 ${p.user.id}`), `each:2 ${b.user.id}`, `each:2 ${digestOnly.user.id}`].sort(),
    );
    for (const r of rows) expect(r.body).toBe(r.about === "each:1" ? "Oak House has not offered or declined yet." : `${ELM} has not offered or declined yet.`);
    // E-mailed now: everyone but the person who asked for a daily digest, with the message's own placeholders.
    expect(
      rows
        .filter((r) => r.email !== null)
        .map((r) => r.userId)
        .sort(),
    ).toEqual([...a.map((p) => p.user.id), b.user.id].sort());
    for (const r of rows.filter((r) => r.email !== null))
      expect(r.email).toMatchObject({
        setting_name: r.about === "each:1" ? "Oak House" : ELM,
        title: "Request amended",
        link: `/provider/requests/${r.about}`,
      });

    // Told again in a later call: nobody hears of it twice.
    expect(await db().transaction((tx) => notifyEach(tx, "request_amended", [message("each:2", [b.user.id], ELM)]))).toBe(0);
    expect(await db().transaction((tx) => notifyEach(tx, "request_amended", []))).toBe(0);
  });
});
