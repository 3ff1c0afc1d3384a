import { eq, sql } from "drizzle-orm";
import request from "supertest";
import { RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { placementRequests } from "../../server/src/db/schema";
import { formatDeadline, requestNumber } from "../../server/src/modules/notifications/messages/tenders";
import { remindDueDeadlines } from "../../server/src/modules/notifications/reminders";
import { tellClosed } from "../../server/src/modules/notifications/tenders";
import { closeDueRequests } from "../../server/src/modules/placement-requests/commands/close-due";
import { buildChild } from "../factories/children";
import { evaluateViaApi } from "../factories/evaluation";
import { buildMarket, inSeconds, type Market, NO_STANDSTILL, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let m: Market;
/** Provider 1's second member, who wants invitations in the app only. */
let inAppOnly: BuiltUser;
/** Provider 1's member who left: disabled. */
let disabled: BuiltUser;
/** The council's second commissioner. */
let colleague: BuiltUser;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);
const post = (who: BuiltUser, path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body);
const staff = (i: number) => (i === 0 ? [m.providers[0]!.person.user.id, inAppOnly.user.id] : [m.providers[i]!.person.user.id]);
const sorted = (ids: string[]) => [...ids].sort();

interface Told {
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  emailed: number;
}
/** Everything anyone was told about `id` (a request or a clarification), with how many e-mails each entry queued. */
const toldAbout = (id: string) =>
  query<Told>(
    `SELECT n.user_id, n.kind, n.title, n.body, n.link, (SELECT count(*)::int FROM email_outbox e WHERE e.notification_id = n.id) AS emailed
     FROM notifications n WHERE n.about LIKE '%' || $1 || '%' ORDER BY n.kind, n.user_id`,
    [id],
  );
const whoGot = async (id: string, kind: string) => sorted((await toldAbout(id)).filter((n) => n.kind === kind).map((n) => n.user_id));

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(db(), { providers: 3 });
  inAppOnly = await buildUser(db(), { role: "provider", organisationId: m.providers[0]!.organisationId });
  disabled = await buildUser(db(), { role: "provider", organisationId: m.providers[0]!.organisationId });
  await db().execute(sql`UPDATE users SET disabled_at = now() WHERE id = ${disabled.user.id}`);
  await db().execute(sql`INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (${inAppOnly.user.id}, 'request_invited', 'in_app')`);
  colleague = await buildUser(db(), { role: "commissioner", organisationId: m.commissioner.user.organisationId! });
});
afterAll(() => t.close());

const open2 = (body: Record<string, unknown> = {}) =>
  openRequest(t.app, m, { settingIds: [m.providers[0]!.settingId, m.providers[1]!.settingId], ...body }).then((r) => r.request.id);
const offer = (i: number, id: string) => post(m.providers[i]!.person, `/api/v1/placement-requests/${id}/offers`, offerBody(m.providers[i]!.settingId));
const decline = (i: number, id: string) =>
  post(m.providers[i]!.person, `/api/v1/placement-requests/${id}/declines`, { settingId: m.providers[i]!.settingId, reason: "no_vacancy" });

describe("Invitations", () => {
  it("should tell each invited setting's provider staff once, e-mailing all but who chose the app, and no one else", async () => {
    const id = await open2();
    const told = await toldAbout(id);
    expect(sorted(told.map((n) => n.user_id))).toEqual(sorted([...staff(0), ...staff(1)]));
    expect(told.every((n) => n.kind === "request_invited" && n.link === `/provider/requests/${id}`)).toBe(true);
    expect(told.find((n) => n.user_id === m.providers[0]!.person.user.id)).toMatchObject({ emailed: 1, title: expect.stringContaining(requestNumber(id)) });
    expect(told.find((n) => n.user_id === inAppOnly.user.id)?.emailed).toBe(0);
    expect(told.find((n) => n.user_id === m.providers[1]!.person.user.id)?.body).toMatch(/Offers close on \d+ \w+ 20\d\d/);
  });

  it("should tell them when a draft opens, not while it is a draft", async () => {
    const id = await open2({ open: false });
    expect(await toldAbout(id)).toEqual([]);
    expect((await post(m.commissioner, `/api/v1/placement-requests/${id}/open`)).status).toBe(200);
    expect(await whoGot(id, "request_invited")).toEqual(sorted([...staff(0), ...staff(1)]));
  });
});

describe("Questions and answers", () => {
  it("should tell the council's commissioners of a question without naming the provider, and the answer to all invited providers that did not decline", async () => {
    const id = await openRequest(t.app, m).then((r) => r.request.id);
    await decline(2, id);
    const asked = await post(m.providers[0]!.person, `/api/v1/placement-requests/${id}/clarifications`, { question: "Is transport included?" });
    expect(asked.status).toBe(201);
    const q = asked.body.data.id as string;
    const question = await toldAbout(q);
    expect(sorted(question.map((n) => n.user_id))).toEqual(sorted([m.commissioner.user.id, colleague.user.id]));
    expect(question[0]).toMatchObject({ kind: "question_received", title: `A provider asked a question about request ${requestNumber(id)}` });
    expect(question.some((n) => n.title.includes("Provider 1") || n.body.includes("Provider 1"))).toBe(false);

    const answered = await request(t.app)
      .put(`/api/v1/placement-requests/${id}/clarifications/${q}/answer`)
      .set(m.commissioner.auth)
      .send({ answer: "No.", visibility: "all" });
    expect(answered.status).toBe(200);
    expect(await whoGot(q, "clarification_answered")).toEqual(sorted([...staff(0), ...staff(1)]));
  });

  it("should tell only the asking provider of a private answer", async () => {
    const id = await open2();
    const q = (await post(m.providers[1]!.person, `/api/v1/placement-requests/${id}/clarifications`, { question: "Can you say more about staffing?" })).body
      .data.id as string;
    await request(t.app)
      .put(`/api/v1/placement-requests/${id}/clarifications/${q}/answer`)
      .set(m.commissioner.auth)
      .send({ answer: "1:2.", visibility: "private" });
    expect(await whoGot(q, "clarification_answered")).toEqual(staff(1));
  });
});

describe("Closing", () => {
  it("should tell the commissioners the count and the offering providers of the opening, once, with two schedulers closing", async () => {
    const id = await openRequest(t.app, m).then((r) => r.request.id);
    expect((await offer(0, id)).status).toBe(201);
    expect((await offer(1, id)).status).toBe(201);
    await passDeadline(db(), id);
    await Promise.all([closeDueRequests(db()), closeDueRequests(db())]);
    expect(await whoGot(id, "request_closed")).toEqual(sorted([m.commissioner.user.id, colleague.user.id]));
    expect((await toldAbout(id)).find((n) => n.kind === "request_closed")?.title).toBe(`Request ${requestNumber(id)} closed with 2 offers`);
    expect(await whoGot(id, "offers_opened")).toEqual(sorted([...staff(0), ...staff(1)]));
    expect(await whoGot(id, "request_no_offers")).toEqual([]);
  });

  it("should tell the commissioners of a request with no offers, and no provider", async () => {
    const id = await open2();
    await passDeadline(db(), id);
    await closeDueRequests(db());
    expect(await whoGot(id, "request_no_offers")).toEqual(sorted([m.commissioner.user.id, colleague.user.id]));
    expect((await toldAbout(id)).filter((n) => !["request_invited", "request_no_offers"].includes(n.kind))).toEqual([]);
  });

  it("should tell no one twice when the telling is retried", async () => {
    const id = await open2();
    await offer(0, id);
    await passDeadline(db(), id);
    await closeDueRequests(db());
    const before = (await toldAbout(id)).length;
    const [closed] = await db().select().from(placementRequests).where(eq(placementRequests.id, id));
    await db().transaction((tx) => tellClosed(tx, closed!, 1));
    expect((await toldAbout(id)).length).toBe(before);
  });
});

/** Closes with offers from providers 0 and 1, scores provider 0's best, evaluates and awards it. */
async function award(id: string) {
  await passDeadline(db(), id);
  await closeDueRequests(db());
  const opened = RequestViewResponseSchema.parse((await request(t.app).get(`/api/v1/placement-requests/${id}`).set(m.commissioner.auth)).body).data;
  const scores = opened.offers.flatMap((o) =>
    opened.request.criteria.map((c) => ({ offerId: o.id, criterionId: c.id, score: o.settingId === m.providers[0]!.settingId ? 5 : 2 })),
  );
  expect((await evaluateViaApi(t.app, m.commissioner.auth, id, scores)).status).toBe(200);
  const winner = opened.offers.find((o) => o.settingId === m.providers[0]!.settingId)!;
  expect((await post(m.commissioner, `/api/v1/placement-requests/${id}/award`, { offerId: winner.id, reasons: "Best quality." })).status).toBe(200);
}

describe("Outcome", () => {
  it("should tell the awarded provider it won and the other offering provider it did not, by e-mail always, and not a provider that did not offer", async () => {
    // No standstill, so the award is confirmed at once (the intention's messages: intention-to-award.test.ts).
    const id = await openRequest(t.app, m, NO_STANDSTILL).then((r) => r.request.id);
    await offer(0, id);
    await offer(1, id);
    await award(id);
    const outcome = (await toldAbout(id)).filter((n) => n.kind === "outcome");
    expect(sorted(outcome.map((n) => n.user_id))).toEqual(sorted([...staff(0), ...staff(1)]));
    for (const n of outcome) {
      expect(n.emailed).toBe(1);
      expect(n.title).toBe(
        staff(0).includes(n.user_id) ? `You are awarded request ${requestNumber(id)}` : `Request ${requestNumber(id)} is awarded to another provider`,
      );
      expect(n.body).toContain("scores");
    }
  });
});

describe("Deadline reminders", () => {
  it("should remind at 24 hours and at 1 hour only the invited settings with no offer or decline, once each, and never after the deadline", async () => {
    const id = await openRequest(t.app, m, { deadline: inSeconds(20 * 3600) }).then((r) => r.request.id);
    const far = await openRequest(t.app, m, { deadline: inSeconds(30 * 3600) }).then((r) => r.request.id);
    await offer(1, id);
    await decline(2, id);
    await Promise.all([remindDueDeadlines(db()), remindDueDeadlines(db())]);
    expect(await whoGot(id, "deadline_24h")).toEqual(sorted(staff(0)));
    expect(await whoGot(id, "deadline_1h")).toEqual([]);
    expect(await whoGot(far, "deadline_24h")).toEqual([]);

    await db().execute(sql`UPDATE placement_requests SET deadline = clock_timestamp() + interval '30 minutes' WHERE id = ${id}`);
    await remindDueDeadlines(db());
    await remindDueDeadlines(db());
    expect(await whoGot(id, "deadline_1h")).toEqual(sorted(staff(0)));
    expect(await whoGot(id, "deadline_24h")).toEqual(sorted(staff(0)));
    expect((await toldAbout(id)).filter((n) => n.kind.startsWith("deadline")).every((n) => n.emailed === 1)).toBe(true);

    const passed = await openRequest(t.app, m, { deadline: inSeconds(3600) }).then((r) => r.request.id);
    await passDeadline(db(), passed);
    await remindDueDeadlines(db());
    expect((await toldAbout(passed)).filter((n) => n.kind.startsWith("deadline"))).toEqual([]);
  });

  it("should remind again 24 hours and 1 hour before an extended deadline, once each, and not at once", async () => {
    const id = await openRequest(t.app, m, { deadline: inSeconds(30 * 60), settingIds: [m.providers[0]!.settingId] }).then((r) => r.request.id);
    await remindDueDeadlines(db());
    expect(await whoGot(id, "deadline_1h")).toEqual(sorted(staff(0)));
    const [first] = await db().select().from(placementRequests).where(eq(placementRequests.id, id));
    const extended = new Date(first!.deadline.getTime() + 2 * 86_400_000).toISOString();
    const res = await post(m.commissioner, `/api/v1/placement-requests/${id}/amendments`, { deadline: extended, reason: "Two more days to arrange visits" });
    expect(res.status).toBe(200);
    const reminders = async () => (await toldAbout(id)).filter((n) => n.kind.startsWith("deadline")).map((n) => `${n.kind} ${n.user_id}`);
    const each = (...kinds: string[]) => kinds.flatMap((kind) => staff(0).map((u) => `${kind} ${u}`)).sort();

    // Two days off: nothing yet.
    await remindDueDeadlines(db());
    expect((await reminders()).sort()).toEqual(each("deadline_1h"));

    // Time passes: the new deadline comes within 24 hours, then 10, then a quarter of an hour. The
    // database's clock cannot be moved, so everything about the deadline moves earlier instead:
    // the request's deadline and the reminders already made for it.
    const timePasses = async (hours: number) => {
      const by = `${hours} hours`;
      await db().execute(sql`UPDATE placement_requests SET deadline = deadline - ${by}::interval WHERE id = ${id}`);
      await db().execute(sql`UPDATE deadline_reminders SET deadline = deadline - ${by}::interval WHERE request_id = ${id}`);
    };
    await timePasses(28);
    await Promise.all([remindDueDeadlines(db()), remindDueDeadlines(db())]);
    expect((await reminders()).sort()).toEqual(each("deadline_1h", "deadline_24h"));
    const newDeadline = formatDeadline(new Date(Date.parse(extended) - 28 * 3_600_000));
    expect((await toldAbout(id)).filter((n) => n.kind === "deadline_24h").every((n) => n.body.includes(newDeadline))).toBe(true);

    await timePasses(10);
    await remindDueDeadlines(db());
    expect((await reminders()).sort()).toEqual(each("deadline_1h", "deadline_24h"));

    await timePasses(10.25); // not 10: that would land on the first deadline, which real time never comes back to
    await remindDueDeadlines(db());
    await remindDueDeadlines(db());
    expect((await reminders()).sort()).toEqual(each("deadline_1h", "deadline_1h", "deadline_24h"));
    expect((await toldAbout(id)).filter((n) => n.kind.startsWith("deadline")).every((n) => n.emailed === 1)).toBe(true);
  });
});

describe("Child data", () => {
  it("should put none of the child profile's values in any notification or e-mail about the child's request", async () => {
    const child = await buildChild(db(), {
      organisationId: m.commissioner.user.organisationId!,
      reference: "QZX-77431/K",
      birthMonth: "2013-11",
      sex: "female",
      homeOutcode: "YO17",
      schoolYear: 8,
      primaryNeed: "SEMH",
      secondaryNeeds: ["VI", "MSI"],
      sectionB: "Quokka-lantern thinks in pictures and dislikes crowded corridors.",
      sectionE: "Zephyrine goal: travels by tram with a buddy.",
      sectionF: "Marmalade-harbour provision: small group and a weekly music therapist.",
      preferredLocation: "Near Thistlewick common",
      maxTravelKm: 987,
      siblingCount: 7,
      riskOther: "Wanders towards Brackenfold canal",
      riskToOthersOther: "Throws Velvetmoss toys",
      risks: [{ code: "riskSexualExploitation", trajectory: "escalating" }],
    });
    const id = (
      await post(m.commissioner, "/api/v1/placement-requests", {
        childId: child.id,
        settingIds: m.providers.map((p) => p.settingId),
        deadline: inSeconds(1800),
      })
    ).body.data.request.id as string;
    const q = (await post(m.providers[2]!.person, `/api/v1/placement-requests/${id}/clarifications`, { question: "Which days?" })).body.data.id as string;
    await request(t.app)
      .put(`/api/v1/placement-requests/${id}/clarifications/${q}/answer`)
      .set(m.commissioner.auth)
      .send({ answer: "Weekdays.", visibility: "all" });
    await offer(0, id);
    await offer(1, id);
    await remindDueDeadlines(db());
    await award(id);

    const told = [...(await toldAbout(id)), ...(await toldAbout(q))];
    expect(new Set(told.map((n) => n.kind))).toEqual(
      new Set(["request_invited", "question_received", "clarification_answered", "deadline_1h", "request_closed", "offers_opened", "outcome"]),
    );
    const outbox = await query<{ personalisation: Record<string, string> }>(
      `SELECT e.personalisation FROM email_outbox e JOIN notifications n ON n.id = e.notification_id WHERE n.about LIKE '%' || $1 || '%' OR n.about LIKE '%' || $2 || '%'`,
      [id, q],
    );
    expect(outbox.length).toBeGreaterThan(0);
    const texts = [...told.flatMap((n) => [n.title, n.body, n.link]), ...outbox.flatMap((o) => Object.values(o.personalisation))].map((s) => s.toLowerCase());

    const [row] = await query<Record<string, unknown>>("SELECT * FROM child_profiles WHERE id = $1", [child.id]);
    const values: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === "string" || typeof v === "number") {
        if (String(v).length > 3) values.push(String(v).toLowerCase());
      } else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === "object" && !(v instanceof Date)) Object.values(v).forEach(collect);
    };
    collect(Object.values(row!));
    expect(values).toEqual(expect.arrayContaining(["qzx-77431/k", "2013-11", "yo17"]));
    for (const value of values) {
      expect({ value, found: texts.filter((text) => text.includes(value)) }).toEqual({ value, found: [] });
    }
  });
});
