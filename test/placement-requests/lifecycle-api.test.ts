import request from "supertest";
import { type RequestView, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { closeDueRequests } from "../../server/src/modules/placement-requests/commands/close-due";
import { evaluateViaApi } from "../factories/evaluation";
import { buildMarket, inSeconds, type Market, NO_STANDSTILL, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let m: Market;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(db(), { providers: 3 });
});
afterAll(() => t.close());

const view = async (who: BuiltUser, id: string): Promise<RequestView> => {
  const res = await request(t.app).get(`/api/v1/placement-requests/${id}`).set(who.auth);
  expect(res.status).toBe(200);
  return RequestViewResponseSchema.parse(res.body).data;
};
const offer = (i: number, id: string, overrides: Record<string, unknown> = {}, key?: string) => {
  const p = m.providers[i]!;
  const call = request(t.app).post(`/api/v1/placement-requests/${id}/offers`).set(p.person.auth);
  return (key ? call.set("Idempotency-Key", key) : call).send(offerBody(p.settingId, overrides));
};
const post = (who: BuiltUser, path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body);

describe("Making a request", () => {
  it("should open a request to the invited settings, audited, with the default weights and criteria", async () => {
    const { request: made } = await openRequest(t.app, m);
    const v = await view(m.commissioner, made.id);
    expect(v.request).toMatchObject({ state: "open", mode: "sealed", weights: { quality: 70, price: 30 }, bandCeilingPence: 200000 });
    expect(v.request.criteria.map((c) => c.id)).toEqual(["section_f", "staffing", "therapies", "transition"]);
    expect(v.invitations.map((i) => i.status)).toEqual(["invited", "invited", "invited"]);
    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1", [made.id]);
    expect(audit.map((a) => a.action)).toEqual(["placement_request.open"]);
  });

  it("should list every failing field in one 400 and make nothing", async () => {
    const [{ n: before } = { n: 0 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM placement_requests");
    const res = await post(m.commissioner, "/api/v1/placement-requests", {
      childId: m.childId,
      settingIds: [m.outsider.user.id],
      deadline: inSeconds(-60),
      mode: "urgent",
      weights: { quality: 80, price: 30 },
    });
    expect(res.status).toBe(400);
    const paths = (res.body.issues as { path: string }[]).map((i) => i.path).sort();
    expect(paths).toEqual(["body.weights"]);
    const again = await post(m.commissioner, "/api/v1/placement-requests", {
      childId: m.childId,
      settingIds: [m.outsider.user.id],
      deadline: inSeconds(-60),
      mode: "urgent",
    });
    expect((again.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual(["body.deadline", "body.mode", "body.settingIds.0"]);
    const [{ n: after } = { n: 0 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM placement_requests");
    expect(after).toBe(before);
  });

  it("should not let another council make a request for this council's child (404)", async () => {
    const res = await post(m.otherCommissioner, "/api/v1/placement-requests", { childId: m.childId, inviteAll: true, deadline: inSeconds(600) });
    expect(res.status).toBe(404);
  });
});

describe("Who sees what", () => {
  it("should show invited providers an anonymised child and only their own invitation, and tell the council who viewed", async () => {
    const { request: made } = await openRequest(t.app, m);
    const v = await view(m.providers[0]!.person, made.id);
    expect(v.viewer).toBe("provider");
    expect(v.request.childReference).toBeNull();
    expect(JSON.stringify(v.child)).not.toMatch(/TST-|birthMonth|sectionB/);
    expect(v.child).toMatchObject({ primaryNeed: "ASD", homeOutcode: "M14" });
    expect(v.invitations.map((i) => i.settingId)).toEqual([m.providers[0]!.settingId]);
    const council = await view(m.commissioner, made.id);
    expect(council.invitations.find((i) => i.settingId === m.providers[0]!.settingId)).toMatchObject({ status: "viewed", viewedAt: expect.any(String) });
  });

  it.each([
    ["another council's commissioner", () => m.otherCommissioner],
    ["a provider that was not invited", () => m.outsider],
    ["a parent carer panel member", () => m.panel],
    ["the regional hub", () => m.hub],
  ])("should tell %s the request does not exist (404)", async (_who, who) => {
    const { request: made } = await openRequest(t.app, m);
    expect((await request(t.app).get(`/api/v1/placement-requests/${made.id}`).set(who().auth)).status).toBe(404);
  });

  it("should keep a sealed offer's content from the council and the other providers until the deadline, then open all at once", async () => {
    const { request: made } = await openRequest(t.app, m);
    expect((await offer(0, made.id)).status).toBe(201);
    expect((await offer(1, made.id, { fee: { corePence: 100000, staffingPence: 20000, therapiesPence: 0, otherPence: 0 } })).status).toBe(201);

    const other = await view(m.providers[1]!.person, made.id);
    expect(other.offers.map((o) => o.settingId)).toEqual([m.providers[1]!.settingId]);
    expect(JSON.stringify(other)).not.toContain(m.providers[0]!.settingId);
    const before = await view(m.commissioner, made.id);
    expect(before.offers).toEqual([]);
    expect(before.invitations.filter((i) => i.status === "offered")).toHaveLength(2);
    expect(JSON.stringify(before)).not.toMatch(/120000|Small classes/);

    await passDeadline(db(), made.id);
    const closed = await closeDueRequests(db());
    expect(closed.map((c) => c.request.id)).toContain(made.id);
    const after = await view(m.commissioner, made.id);
    expect(after.request.state).toBe("closed");
    expect(after.offers.map((o) => o.current.weeklyFeePence).sort()).toEqual([120000, 160000]);
    const audit = await query<{ action: string; actor_user_id: string | null }>(
      "SELECT action, actor_user_id FROM audit_log WHERE record_id = $1 AND action = 'placement_request.closed'",
      [made.id],
    );
    expect(audit).toEqual([{ action: "placement_request.closed", actor_user_id: null }]);
    // The other provider still sees only its own, after the opening too.
    expect((await view(m.providers[1]!.person, made.id)).offers).toHaveLength(1);
  });

  it("should show the council each offer as it arrives in urgent mode", async () => {
    // No standstill (a reason recorded): the award is confirmed at once.
    const { request: made } = await openRequest(t.app, m, { mode: "urgent", ...NO_STANDSTILL }).catch(async () => {
      await query("UPDATE child_profiles SET needed_by = current_date + 2 WHERE id = $1", [m.childId]);
      return openRequest(t.app, m, { mode: "urgent", ...NO_STANDSTILL });
    });
    await offer(2, made.id);
    const v = await view(m.commissioner, made.id);
    expect(v.offers.map((o) => o.settingId)).toEqual([m.providers[2]!.settingId]);
    const awarded = await post(m.commissioner, `/api/v1/placement-requests/${made.id}/award`, {
      offerId: v.offers[0]!.id,
      reasons: "Needed now; meets section F.",
    });
    expect(awarded.status).toBe(200);
    expect(RequestViewResponseSchema.parse(awarded.body).data.request.state).toBe("awarded");
    await query("UPDATE child_profiles SET needed_by = current_date + 30 WHERE id = $1", [m.childId]);
  });
});

describe("Offers", () => {
  it("should refuse an offer after the deadline with 409 saying when the request closed, by the database's clock", async () => {
    const { request: made } = await openRequest(t.app, m);
    await passDeadline(db(), made.id);
    const res = await offer(0, made.id);
    expect(res.status).toBe(409);
    expect(res.body.message).toMatch(/^The request closed at \d{4}-\d{2}-\d{2}T/);
    const [{ n } = { n: 0 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE request_id = $1", [made.id]);
    expect(n).toBe(0);
  });

  it("should answer a retried submit with the first receipt, never a second offer or version", async () => {
    const { request: made } = await openRequest(t.app, m);
    const first = await offer(0, made.id, {}, "retry-key-1");
    const [again, concurrent] = await Promise.all([offer(0, made.id, {}, "retry-key-1"), offer(0, made.id, {}, "retry-key-1")]);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(concurrent.body).toEqual(first.body);
    const [{ n } = { n: 0 }] = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM offer_versions v JOIN offers o ON o.id = v.offer_id WHERE o.request_id = $1",
      [made.id],
    );
    expect(n).toBe(1);
  });

  it("should refuse an Idempotency-Key already used for another request with 409, storing nothing there", async () => {
    const [{ request: first }, { request: second }] = [await openRequest(t.app, m), await openRequest(t.app, m)];
    expect((await offer(0, first.id, {}, "used-key-1")).status).toBe(201);
    const reused = await offer(0, second.id, {}, "used-key-1");
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ code: "conflict", reason: "idempotency_key_reused" });
    const [{ n } = { n: -1 }] = await query<{ n: number }>("SELECT count(*)::int AS n FROM offers WHERE request_id = $1", [second.id]);
    expect(n).toBe(0);
    // The key still answers its own request with the first receipt.
    expect((await offer(0, first.id, {}, "used-key-1")).status).toBe(201);
  });

  it("should keep every revision as a version, let the author withdraw until the deadline, and take declines with a reason", async () => {
    const { request: made } = await openRequest(t.app, m);
    await offer(0, made.id);
    const revised = await offer(0, made.id, { fee: { corePence: 110000, staffingPence: 30000, therapiesPence: 10000, otherPence: 0 } });
    expect(revised.status).toBe(200);
    expect(revised.body.data.version).toBe(2);
    const mine = await view(m.providers[0]!.person, made.id);
    expect(mine.offers[0]!.history.map((h) => h.weeklyFeePence)).toEqual([160000]);
    expect(mine.offers[0]!.current.weeklyFeePence).toBe(150000);
    const withdrawn = await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/offers/${mine.offers[0]!.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    const declined = await post(m.providers[1]!.person, `/api/v1/placement-requests/${made.id}/declines`, {
      settingId: m.providers[1]!.settingId,
      reason: "no_vacancy",
    });
    expect(declined.status).toBe(200);
    const council = await view(m.commissioner, made.id);
    expect(council.invitations.map((i) => [i.settingId, i.status, i.declineReason])).toEqual(
      expect.arrayContaining([
        [m.providers[0]!.settingId, "withdrawn", null],
        [m.providers[1]!.settingId, "declined", "no_vacancy"],
      ]),
    );
  });

  it("should ask for a justification above the band's ceiling, and say every missing criterion", async () => {
    const { request: made } = await openRequest(t.app, m);
    const res = await offer(0, made.id, { fee: { corePence: 250000, staffingPence: 0, therapiesPence: 0, otherPence: 0 }, criteria: { section_f: "Yes" } });
    expect(res.status).toBe(400);
    expect((res.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      "body.criteria.staffing",
      "body.criteria.therapies",
      "body.criteria.transition",
      "body.justification",
    ]);
  });

  it("should refuse the council and uninvited providers (403 and 404)", async () => {
    const { request: made } = await openRequest(t.app, m);
    expect((await post(m.commissioner, `/api/v1/placement-requests/${made.id}/offers`, offerBody(m.providers[0]!.settingId))).status).toBe(403);
    expect((await post(m.outsider, `/api/v1/placement-requests/${made.id}/offers`, offerBody(m.providers[0]!.settingId))).status).toBe(404);
  });
});

describe("State machine, evaluation and award", () => {
  it("should refuse moves the state does not allow with 409 naming the current state", async () => {
    const { request: made } = await openRequest(t.app, m);
    const early = await post(m.commissioner, `/api/v1/placement-requests/${made.id}/evaluate`);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/open/);
    const award = await post(m.commissioner, `/api/v1/placement-requests/${made.id}/award`, { offerId: made.id, reasons: "x" });
    expect(award.status).toBe(409);
    expect((await post(m.commissioner, `/api/v1/placement-requests/${made.id}/cancel`, { reason: "The child's needs changed." })).status).toBe(200);
    const again = await post(m.commissioner, `/api/v1/placement-requests/${made.id}/open`);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/cancelled/);
  });

  it("should close with no offers as no_offers", async () => {
    const { request: made } = await openRequest(t.app, m);
    await passDeadline(db(), made.id);
    await closeDueRequests(db());
    expect((await view(m.commissioner, made.id)).request.state).toBe("no_offers");
  });

  it("should score, compute price scores and ranks, award with reasons and create the placement; each provider learns its own outcome only", async () => {
    // No standstill: the award makes the placement at once (the standstill: intention-to-award.test.ts).
    const { request: made } = await openRequest(t.app, m, NO_STANDSTILL);
    await offer(0, made.id);
    await offer(1, made.id, { fee: { corePence: 80000, staffingPence: 0, therapiesPence: 0, otherPence: 0 } });
    await passDeadline(db(), made.id);
    await closeDueRequests(db());
    const opened = await view(m.commissioner, made.id);
    const [a, b] = [
      opened.offers.find((o) => o.settingId === m.providers[0]!.settingId)!,
      opened.offers.find((o) => o.settingId === m.providers[1]!.settingId)!,
    ];
    const scores = opened.request.criteria.flatMap((c) => [
      { offerId: a.id, criterionId: c.id, score: 5 },
      { offerId: b.id, criterionId: c.id, score: 2 },
    ]);
    const evaluated = RequestViewResponseSchema.parse((await evaluateViaApi(t.app, m.commissioner.auth, made.id, scores)).body).data;
    // Quality 70 x 20/20 = 70, price 30 x 80000/160000 = 15: 85. B: 70 x 8/20 = 28 + 30 = 58.
    expect(evaluated.evaluation.map((e) => [e.offerId, e.total, e.rank])).toEqual([
      [a.id, 85, 1],
      [b.id, 58, 2],
    ]);

    const awarded = RequestViewResponseSchema.parse(
      (await post(m.commissioner, `/api/v1/placement-requests/${made.id}/award`, { offerId: a.id, reasons: "Highest quality; meets section F in full." })).body,
    ).data;
    expect(awarded.placement).toMatchObject({ weeklyFeePence: 160000, settingId: m.providers[0]!.settingId, endDate: null });
    expect(awarded.placement!.reviewDates).toHaveLength(3);

    const winner = await view(m.providers[0]!.person, made.id);
    expect(winner.award).toMatchObject({ yours: true, reasons: "Highest quality; meets section F in full." });
    expect(winner.evaluation.map((e) => e.offerId)).toEqual([a.id]);
    const loser = await view(m.providers[1]!.person, made.id);
    expect(loser.award).toMatchObject({ yours: false, offerId: null });
    expect(loser.evaluation.map((e) => [e.offerId, e.rank])).toEqual([[b.id, 2]]);
    expect(loser.placement).toBeNull();
    expect(JSON.stringify(loser)).not.toContain("160000");

    const ended = await post(m.commissioner, `/api/v1/placements/${awarded.placement!.id}/end`, {
      endDate: awarded.placement!.startDate,
      reason: "breakdown_needs_not_met",
    });
    expect(ended.body.data).toMatchObject({ breakdown: true, endReason: "breakdown_needs_not_met" });
    expect(
      (await post(m.providers[0]!.person, `/api/v1/placements/${awarded.placement!.id}/end`, { endDate: awarded.placement!.startDate, reason: "other" }))
        .status,
    ).toBe(403);
  });

  it("should run a ranked price round: each provider sees its own rank and may only lower its price", async () => {
    const { request: made } = await openRequest(t.app, m, { mode: "ranked" });
    await offer(0, made.id);
    await offer(1, made.id);
    await passDeadline(db(), made.id);
    await closeDueRequests(db());
    const opened = await view(m.commissioner, made.id);
    const scores = opened.offers.flatMap((o) => opened.request.criteria.map((c) => ({ offerId: o.id, criterionId: c.id, score: 3 })));
    expect((await evaluateViaApi(t.app, m.commissioner.auth, made.id, scores)).status).toBe(200);
    expect((await post(m.commissioner, `/api/v1/placement-requests/${made.id}/price-round`, { closesAt: inSeconds(600) })).status).toBe(200);
    const mine = await view(m.providers[1]!.person, made.id);
    const offerId = mine.offers[0]!.id;
    const price = (fee: number) =>
      request(t.app)
        .put(`/api/v1/placement-requests/${made.id}/offers/${offerId}/price`)
        .set(m.providers[1]!.person.auth)
        .send({ fee: { corePence: fee, staffingPence: 0, therapiesPence: 0, otherPence: 0 } });
    expect((await price(170000)).status).toBe(400);
    expect((await price(150000)).status).toBe(200);
    const after = await view(m.providers[1]!.person, made.id);
    expect(after.ranks).toEqual([{ offerId, rank: 1, of: 2 }]);
    expect(after.evaluation).toEqual([]);
    expect((await view(m.providers[0]!.person, made.id)).ranks.map((r) => r.rank)).toEqual([2]);
  });
});

describe("Clarifications", () => {
  it("should keep a question between the asker and the council until answered to all, then show it to every provider without the asker", async () => {
    const { request: made } = await openRequest(t.app, m);
    const asked = await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/clarifications`, { question: "Is transport included?" });
    expect(asked.status).toBe(201);
    expect((await view(m.providers[1]!.person, made.id)).clarifications).toEqual([]);
    const council = await view(m.commissioner, made.id);
    expect(council.clarifications[0]).toMatchObject({ question: "Is transport included?", askedBy: expect.stringMatching(/^Provider 1/) });
    const answered = await request(t.app)
      .put(`/api/v1/placement-requests/${made.id}/clarifications/${asked.body.data.id}/answer`)
      .set(m.commissioner.auth)
      .send({ answer: "No: the council arranges transport.", visibility: "all" });
    expect(answered.status).toBe(200);
    expect((await view(m.providers[1]!.person, made.id)).clarifications).toEqual([
      expect.objectContaining({ answer: "No: the council arranges transport.", askedBy: null }),
    ]);
    expect((await view(m.providers[0]!.person, made.id)).clarifications[0]!.askedBy).toMatch(/^Provider 1/);
  });
});

describe("Answering a question", () => {
  const answer = (requestId: string, id: string) =>
    request(t.app)
      .put(`/api/v1/placement-requests/${requestId}/clarifications/${id}/answer`)
      .set(m.commissioner.auth)
      .send({ answer: "Yes, a quiet room next to the classroom.", visibility: "all" });

  it("should answer each with the question as its reader sees it: the asker's own name to the asker and to the council", async () => {
    const { request: made } = await openRequest(t.app, m);
    const asked = await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/clarifications`, { question: "Is there a quiet room?" });
    expect(asked.body.data).toMatchObject({ question: "Is there a quiet room?", answer: null, askedBy: expect.stringMatching(/^Provider 1/) });
    const answered = await answer(made.id, asked.body.data.id);
    expect(answered.status).toBe(200);
    expect(answered.body.data).toMatchObject({
      id: asked.body.data.id,
      answer: "Yes, a quiet room next to the classroom.",
      askedBy: expect.stringMatching(/^Provider 1/),
    });
  });

  it("should take one answer only, even two at once (409 saying to ask again), and 404 for a question not of this request", async () => {
    const [{ request: made }, { request: other }] = [await openRequest(t.app, m), await openRequest(t.app, m)];
    const asked = await post(m.providers[0]!.person, `/api/v1/placement-requests/${made.id}/clarifications`, { question: "Is there a garden?" });
    const both = await Promise.all([answer(made.id, asked.body.data.id), answer(made.id, asked.body.data.id)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)!.body).toMatchObject({ reason: "already_answered", message: expect.stringMatching(/new question/) });
    expect((await answer(other.id, asked.body.data.id)).status).toBe(404);
    expect((await answer(made.id, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const [{ n } = { n: -1 }] = await query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'clarification.answer' AND record_id = $1",
      [asked.body.data.id],
    );
    expect(n).toBe(1);
  });
});

describe("Disclosure", () => {
  it("should audit the first time each invited provider reads the child's anonymised summary, and only then", async () => {
    const { request: made } = await openRequest(t.app, m);
    await view(m.providers[0]!.person, made.id);
    await view(m.providers[0]!.person, made.id);
    const rows = await query<{ actor_organisation_id: string; details: { settingIds: string[] } }>(
      "SELECT actor_organisation_id, details FROM audit_log WHERE record_id = $1 AND action = 'placement_request.summary_disclosed'",
      [made.id],
    );
    expect(rows).toEqual([{ actor_organisation_id: m.providers[0]!.organisationId, details: { settingIds: [m.providers[0]!.settingId] } }]);
  });
});
