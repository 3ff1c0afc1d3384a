import request from "supertest";
import { type RequestView, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { buildMarket, inSeconds, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let m: Market;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(t.database.handle.db, { providers: 2 });
});
afterAll(() => t.close());

const view = async (who: BuiltUser, id: string): Promise<RequestView> => {
  const res = await request(t.app).get(`/api/v1/placement-requests/${id}`).set(who.auth);
  expect(res.status).toBe(200);
  return RequestViewResponseSchema.parse(res.body).data;
};
const amend = (who: BuiltUser, id: string, body: object) => request(t.app).post(`/api/v1/placement-requests/${id}/amendments`).set(who.auth).send(body);
const ask = (i: number, id: string) =>
  request(t.app).post(`/api/v1/placement-requests/${id}/clarifications`).set(m.providers[i]!.person.auth).send({ question: "Is there a garden?" });
const provider = (i: number) => m.providers[i]!.person;
const later = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

describe("POST /api/v1/placement-requests/:id/amendments", () => {
  it("should extend the deadline as amendment 1, audited, tell every invited provider and show it on their page", async () => {
    const { request: made } = await openRequest(t.app, m);
    const before = (await view(m.commissioner, made.id)).request.deadline;
    const to = later(before, 86_400);
    const res = await amend(m.commissioner, made.id, { deadline: to, reason: "A provider asked for time to arrange a visit" });
    expect(res.status).toBe(200);
    const council = RequestViewResponseSchema.parse(res.body).data;
    expect(council.request.deadline).toBe(to);
    expect(council.amendments).toEqual([
      expect.objectContaining({ number: 1, reason: "A provider asked for time to arrange a visit", deadline: { from: before, to }, criteria: [], note: null }),
    ]);

    for (const i of [0, 1]) {
      const seen = await view(provider(i), made.id);
      expect(seen.request.deadline).toBe(to);
      expect(seen.amendments.map((a) => a.deadline)).toEqual([{ from: before, to }]);
    }
    const told = await query<{ user_id: string; body: string }>("SELECT user_id, body FROM notifications WHERE kind = 'request_amended' AND about = $1", [
      `amended:${made.id}:1`,
    ]);
    expect(told.map((n) => n.user_id).sort()).toEqual([provider(0).user.id, provider(1).user.id].sort());
    expect(told[0]?.body).toMatch(/deadline is extended from \d+ \w+ \d{4} at \d\d:\d\d to/);
    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1 AND action = 'placement_request.amend'", [made.id]);
    expect(audit).toHaveLength(1);

    const second = await amend(m.commissioner, made.id, { note: "The child enjoys swimming", reason: "More about the child's interests" });
    expect(second.status).toBe(200);
    expect((await view(provider(0), made.id)).amendments.map((a) => [a.number, a.note])).toEqual([
      [1, null],
      [2, "The child enjoys swimming"],
    ]);
  });

  it("should refuse a shorter deadline with a 409 saying what to do, and change nothing", async () => {
    const { request: made } = await openRequest(t.app, m);
    const before = (await view(m.commissioner, made.id)).request.deadline;
    const res = await amend(m.commissioner, made.id, { deadline: later(before, -600), reason: "Needed sooner" });
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe("deadline_not_later");
    expect(res.body.message).toMatch(/can only be extended; to close sooner, cancel the request/);
    const after = await view(provider(0), made.id);
    expect(after.request.deadline).toBe(before);
    expect(after.amendments).toEqual([]);
    const [{ n } = { n: -1 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE about LIKE $1", [`amended:${made.id}:%`]);
    expect(n).toBe(0);
  });

  it("should reword criteria without adding or removing any, and keep offers sealed", async () => {
    const { request: made } = await openRequest(t.app, m);
    const offered = await request(t.app).post(`/api/v1/placement-requests/${made.id}/offers`).set(provider(0).auth).send(offerBody(m.providers[0]!.settingId));
    expect(offered.status).toBe(201);
    const criteria = (await view(m.commissioner, made.id)).request.criteria;
    const reworded = criteria.map((c) => (c.id === "staffing" ? { ...c, label: "Staffing: say the ratio by day and by night" } : c));
    const res = await amend(m.commissioner, made.id, { criteria: reworded, reason: "Night staffing was unclear" });
    expect(res.status).toBe(200);
    const council = RequestViewResponseSchema.parse(res.body).data;
    expect(council.offers).toEqual([]);
    expect(council.amendments[0]?.criteria).toEqual([
      { id: "staffing", from: criteria.find((c) => c.id === "staffing")?.label, to: "Staffing: say the ratio by day and by night" },
    ]);
    expect((await view(provider(1), made.id)).request.criteria.find((c) => c.id === "staffing")?.label).toBe("Staffing: say the ratio by day and by night");

    const added = await amend(m.commissioner, made.id, { criteria: [...criteria, { id: "extra", label: "Something new" }], reason: "More" });
    expect(added.status).toBe(400);
    expect(added.body.issues).toEqual([expect.objectContaining({ path: "body.criteria" })]);
  });

  it("should refuse a provider (403), another council and an outsider (404), and no sign-in (401)", async () => {
    const { request: made } = await openRequest(t.app, m);
    const body = { note: "A note", reason: "Why" };
    expect((await amend(provider(0), made.id, body)).status).toBe(403);
    expect((await amend(m.otherCommissioner, made.id, body)).status).toBe(404);
    expect((await amend(m.outsider, made.id, body)).status).toBe(404);
    expect((await request(t.app).post(`/api/v1/placement-requests/${made.id}/amendments`).send(body)).status).toBe(401);
    expect((await view(m.commissioner, made.id)).amendments).toEqual([]);
  });

  it("should answer 409 after the deadline and for a request that is not open", async () => {
    const { request: made } = await openRequest(t.app, m);
    await passDeadline(t.database.handle.db, made.id);
    const late = await amend(m.commissioner, made.id, { deadline: inSeconds(7200), reason: "Too late" });
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe("request_closed");
    expect(late.body.message).toMatch(/can no longer be amended/);

    const { request: draft } = await openRequest(t.app, m, { open: false });
    const res = await amend(m.commissioner, draft.id, { note: "A note", reason: "Why" });
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe("wrong_state");
  });

  it("should list every failing field in one 400: nothing to change, and questions closing after the deadline", async () => {
    const { request: made } = await openRequest(t.app, m);
    const empty = await amend(m.commissioner, made.id, { reason: "" });
    expect(empty.status).toBe(400);
    expect((empty.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["body.deadline", "body.reason"]);
    const deadline = (await view(m.commissioner, made.id)).request.deadline;
    const cutOff = await amend(m.commissioner, made.id, { questionsCloseAt: later(deadline, 60), reason: "Later questions" });
    expect(cutOff.status).toBe(400);
    expect(cutOff.body.issues).toEqual([expect.objectContaining({ path: "body.questionsCloseAt" })]);
  });
});

describe("The questions cut-off", () => {
  it("should default to halfway through a request shorter than 48 hours, and 24 hours before a longer one's deadline", async () => {
    const { request: short } = await openRequest(t.app, m);
    const s = (await view(provider(0), short.id)).request;
    const half = (Date.parse(s.deadline) - Date.parse(s.questionsCloseAt)) / 1000;
    expect(half).toBeGreaterThan(1700);
    expect(half).toBeLessThan(1810);
    expect((await ask(0, short.id)).status).toBe(201);

    const { request: long } = await openRequest(t.app, m, { deadline: inSeconds(7 * 86_400) });
    const l = (await view(provider(0), long.id)).request;
    expect(Date.parse(l.deadline) - Date.parse(l.questionsCloseAt)).toBe(86_400_000);
  });

  it("should refuse a question after the cut-off with 409 saying when questions closed", async () => {
    const { request: made } = await openRequest(t.app, m, { questionsCloseAt: inSeconds(600) });
    expect((await ask(0, made.id)).status).toBe(201);
    await query("UPDATE placement_requests SET questions_close_at = clock_timestamp() - interval '1 minute' WHERE id = $1", [made.id]);
    const res = await ask(1, made.id);
    expect(res.status).toBe(409);
    expect(res.body.reason).toBe("questions_closed");
    expect(res.body.message).toMatch(/^Questions closed at \d+ \w+ \d{4} at \d\d:\d\d;/);
    const [{ n } = { n: -1 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM clarifications WHERE request_id = $1", [made.id]);
    expect(n).toBe(1);
  });

  it("should be amendable: a new cut-off is an amendment providers see", async () => {
    const { request: made } = await openRequest(t.app, m, { deadline: inSeconds(3 * 86_400) });
    const to = inSeconds(86_400);
    const res = await amend(m.commissioner, made.id, { questionsCloseAt: to, reason: "More time for questions" });
    expect(res.status).toBe(200);
    const seen = await view(provider(1), made.id);
    expect(seen.request.questionsCloseAt).toBe(to);
    expect(seen.amendments[0]?.questionsCloseAt?.to).toBe(to);
  });

  it("should refuse a cut-off after the deadline when the request is made", async () => {
    const res = await request(t.app)
      .post("/api/v1/placement-requests")
      .set(m.commissioner.auth)
      .send({ childId: m.childId, settingIds: [m.providers[0]!.settingId], deadline: inSeconds(3600), questionsCloseAt: inSeconds(7200) });
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([expect.objectContaining({ path: "body.questionsCloseAt" })]);
  });
});
