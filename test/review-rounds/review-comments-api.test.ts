import { sql } from "drizzle-orm";
import request from "supertest";
import { PublicReviewSummarySchema, ReviewRoundResponseSchema } from "@shared/schemas/review-rounds";
import { buildReviewPeople, buildReviewRound } from "../factories/review-rounds";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let forumId: string;
let panel: BuiltUser;
let colleague: BuiltUser;
let hub: BuiltUser;
const db = () => t.database.handle.db;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  ({ regionId, forumId, panel, colleague, hub } = await buildReviewPeople(db(), { forumName: "Bolton Parent Carer Forum" }));
});
afterAll(() => t.close());

async function openRound() {
  const { round } = await buildReviewRound(db(), { regionId, forumIds: [forumId] });
  const detail = ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(hub.auth)).body).data;
  return { roundId: round.id, sectionId: detail.sections[0]?.id ?? "", proposalId: detail.proposals[0]?.id ?? "", criterionId: detail.criteria[0]?.id ?? "" };
}
const comment = (who: BuiltUser, roundId: string, body: object) => request(t.app).post(`/api/v1/review-rounds/${roundId}/comments`).set(who.auth).send(body);

describe("Comments on review rounds", () => {
  it("should take threaded comments from panel members, refusing personal data with what to remove", async () => {
    const r = await openRound();
    expect((await comment(hub, r.roundId, { sectionId: r.sectionId, body: "x" })).status).toBe(403);
    const personal = await comment(panel, r.roundId, { sectionId: r.sectionId, body: "Ring me on 07700 900123" });
    expect(personal.status).toBe(400);
    expect(personal.body.issues).toEqual([{ path: "body.body", message: expect.stringMatching(/^Remove a phone number/) }]);
    const first = await comment(panel, r.roundId, { sectionId: r.sectionId, body: "Video calls help when families live far away." });
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ forumName: "Bolton Parent Carer Forum", mine: true, parentId: null });
    const reply = await comment(colleague, r.roundId, { sectionId: r.sectionId, parentId: first.body.data.id, body: "Agreed, and calls at weekends too." });
    expect(reply.status).toBe(201);
    const seen = ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${r.roundId}`).set(colleague.auth)).body).data;
    expect(seen.comments.map((c) => [c.body, c.mine, c.parentId])).toEqual([
      ["Video calls help when families live far away.", false, null],
      ["Agreed, and calls at weekends too.", true, first.body.data.id],
    ]);
    expect(JSON.stringify(seen.comments)).not.toContain(panel.user.id);
  });

  it("should let the hub hide a comment with a reason only its author and the hub see", async () => {
    const r = await openRound();
    const posted = (await comment(panel, r.roundId, { sectionId: r.sectionId, body: "The manager at one school ignored us." })).body.data;
    expect((await request(t.app).put(`/api/v1/review-comments/${posted.id}/moderation`).set(panel.auth).send({ hidden: true, reason: "x" })).status).toBe(403);
    expect((await request(t.app).put(`/api/v1/review-comments/${posted.id}/moderation`).set(hub.auth).send({ hidden: true })).status).toBe(400);
    expect(
      (
        await request(t.app)
          .put(`/api/v1/review-comments/${posted.id}/moderation`)
          .set(hub.auth)
          .send({ hidden: true, reason: "It could identify a member of staff" })
      ).status,
    ).toBe(200);
    const view = async (who: BuiltUser) =>
      ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${r.roundId}`).set(who.auth)).body).data.comments[0];
    expect(await view(colleague)).toMatchObject({ hidden: true, body: null, hiddenReason: null });
    expect(await view(panel)).toMatchObject({
      hidden: true,
      body: "The manager at one school ignored us.",
      hiddenReason: "It could identify a member of staff",
    });
    const audit = await t.database.handle.sql.query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1", [posted.id]);
    expect(audit.map((a) => a.action)).toEqual(["review_comment.hide"]);
  });
});

describe("You said, we did", () => {
  it("should publish themes, answers, votes and ratings once the round closes — and never who said what", async () => {
    const r = await openRound();
    const c1 = (await comment(panel, r.roundId, { sectionId: r.sectionId, body: "Families need a named contact." })).body.data.id;
    await request(t.app).put(`/api/v1/review-rounds/${r.roundId}/proposals/${r.proposalId}/vote`).set(panel.auth).send({ choice: "for" });
    await request(t.app).put(`/api/v1/review-rounds/${r.roundId}/criteria/${r.criterionId}/rating`).set(colleague.auth).send({ rating: 3 });
    expect((await request(t.app).post(`/api/v1/review-rounds/${r.roundId}/themes`).set(panel.auth).send({ title: "x" })).status).toBe(403);
    expect(
      (
        await request(t.app)
          .post(`/api/v1/review-rounds/${r.roundId}/themes`)
          .set(hub.auth)
          .send({ title: "Contact", commentIds: ["00000000-0000-4000-8000-000000000000"] })
      ).status,
    ).toBe(400);
    const themed = await request(t.app)
      .post(`/api/v1/review-rounds/${r.roundId}/themes`)
      .set(hub.auth)
      .send({ title: "A named contact for each family", answer: "The specification now requires a named key worker.", commentIds: [c1] });
    expect(themed.status).toBe(201);
    expect(themed.body.data.themes[0]).toMatchObject({ title: "A named contact for each family", commentIds: [c1] });

    expect((await request(t.app).get(`/api/v1/public/review-rounds/${r.roundId}/summary`)).status).toBe(404);
    await db().execute(sql`UPDATE review_rounds SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = ${r.roundId}`);
    const res = await request(t.app).get(`/api/v1/public/review-rounds/${r.roundId}/summary`);
    expect(res.status).toBe(200);
    const { data } = PublicReviewSummarySchema.parse(res.body);
    expect(data).toMatchObject({
      forums: ["Bolton Parent Carer Forum"],
      themes: [{ title: "A named contact for each family", answer: "The specification now requires a named key worker.", comments: 1 }],
      proposals: [{ totals: { for: 1, against: 0, abstain: 0 } }],
      criteria: [{ averageRating: 3, ratings: 1 }],
    });
    expect(JSON.stringify(res.body)).not.toMatch(/named contact\.|user|author/i);
    expect((await request(t.app).get("/api/v1/public/review-rounds")).body.data.map((x: { id: string }) => x.id)).toContain(r.roundId);
    expect((await comment(panel, r.roundId, { sectionId: r.sectionId, body: "Too late?" })).status).toBe(409);
  });
});
