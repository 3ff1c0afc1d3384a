import { sql } from "drizzle-orm";
import request from "supertest";
import { ReviewRoundChangesListSchema, ReviewRoundResponseSchema, ReviewRoundVisitResponseSchema } from "@shared/schemas/review-rounds";
import { buildOrganisation } from "../factories/organisations";
import { buildReviewPeople, buildReviewRound } from "../factories/review-rounds";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let forumId: string;
let me: BuiltUser;
let colleague: BuiltUser;
let hub: BuiltUser;
const db = () => t.database.handle.db;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  ({ regionId, forumId, panel: me, colleague, hub } = await buildReviewPeople(db()));
});
afterAll(() => t.close());

async function openRound(forumIds = [forumId]) {
  const { round } = await buildReviewRound(db(), { regionId, forumIds });
  const detail = ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(hub.auth)).body).data;
  return { roundId: round.id, sectionId: detail.sections[0]?.id ?? "" };
}
const comment = (who: BuiltUser, roundId: string, sectionId: string, body: string) =>
  request(t.app).post(`/api/v1/review-rounds/${roundId}/comments`).set(who.auth).send({ sectionId, body }).expect(201);
const visit = (who: BuiltUser, roundId: string) => request(t.app).post(`/api/v1/review-rounds/${roundId}/visit`).set(who.auth);
async function changesOf(who: BuiltUser, roundId: string) {
  const res = await request(t.app).get("/api/v1/review-rounds/changes").set(who.auth).expect(200);
  return ReviewRoundChangesListSchema.parse(res.body).data.find((c) => c.round.id === roundId);
}

describe("GET /api/v1/review-rounds/changes", () => {
  it("should answer 401 without a sign-in and 403 to anyone but panel members", async () => {
    expect((await request(t.app).get("/api/v1/review-rounds/changes")).status).toBe(401);
    expect((await request(t.app).get("/api/v1/review-rounds/changes").set(hub.auth)).status).toBe(403);
    const commissioner = await buildUser(db(), { role: "commissioner", regionId });
    expect((await request(t.app).get("/api/v1/review-rounds/changes").set(commissioner.auth)).status).toBe(403);
  });

  it("should count another member's comment after my visit, never my own, and start again when I open the round", async () => {
    const r = await openRound();
    expect(await changesOf(me, r.roundId)).toMatchObject({
      lastVisitAt: null,
      newComments: 0,
      newThemes: 0,
      closedSinceLastVisit: false,
      round: { state: "open" },
    });
    await comment(colleague, r.roundId, r.sectionId, "Before my first visit.");
    expect((await changesOf(me, r.roundId))?.newComments).toBe(1);

    const marker = ReviewRoundVisitResponseSchema.parse((await visit(me, r.roundId).expect(200)).body).data;
    expect(await changesOf(me, r.roundId)).toMatchObject({ lastVisitAt: marker.lastVisitAt, newComments: 0 });

    await comment(me, r.roundId, r.sectionId, "My own comment.");
    expect((await changesOf(me, r.roundId))?.newComments).toBe(0);
    const theirs = await comment(colleague, r.roundId, r.sectionId, "After my visit.");
    expect((await changesOf(me, r.roundId))?.newComments).toBe(1);
    // The colleague has never opened it: of everything there, only mine is by someone else.
    expect((await changesOf(colleague, r.roundId))?.newComments).toBe(1);

    await request(t.app).put(`/api/v1/review-comments/${theirs.body.data.id}/moderation`).set(hub.auth).send({ hidden: true, reason: "Off topic" }).expect(200);
    expect((await changesOf(me, r.roundId))?.newComments).toBe(0);
    await comment(colleague, r.roundId, r.sectionId, "Another one.");
    await visit(me, r.roundId).expect(200);
    expect((await changesOf(me, r.roundId))?.newComments).toBe(0);
  });

  it("should count new and changed themes, and say when a round closed since my visit", async () => {
    const r = await openRound();
    const first = await request(t.app).post(`/api/v1/review-rounds/${r.roundId}/themes`).set(hub.auth).send({ title: "Contact" }).expect(201);
    const themeId = first.body.data.themes[0].id as string;
    expect(await changesOf(me, r.roundId)).toMatchObject({ newThemes: 1, changedThemes: 0 });
    await visit(me, r.roundId).expect(200);
    expect(await changesOf(me, r.roundId)).toMatchObject({ newThemes: 0, changedThemes: 0 });

    await request(t.app)
      .put(`/api/v1/review-rounds/${r.roundId}/themes/${themeId}`)
      .set(hub.auth)
      .send({ title: "Contact", answer: "We added a weekly call." })
      .expect(200);
    await request(t.app).post(`/api/v1/review-rounds/${r.roundId}/themes`).set(hub.auth).send({ title: "Transport" }).expect(201);
    expect(await changesOf(me, r.roundId)).toMatchObject({ newThemes: 1, changedThemes: 1, closedSinceLastVisit: false });

    // Closes now, by the database clock: after my visit a moment ago.
    await db().execute(sql`UPDATE review_rounds SET opens_at = now() - interval '2 days', closes_at = now() WHERE id = ${r.roundId}`);
    expect(await changesOf(me, r.roundId)).toMatchObject({ closedSinceLastVisit: true, round: { state: "closed" } });
    await visit(me, r.roundId).expect(200);
    expect(await changesOf(me, r.roundId)).toMatchObject({ closedSinceLastVisit: false, newThemes: 0, changedThemes: 0 });
  });

  it("should never list a round of another forum, even one in the same region", async () => {
    const otherForum = (await buildOrganisation(db(), { kind: "parent_forum", regionId })).id;
    const theirs = await openRound([otherForum]);
    const member = await buildUser(db(), { role: "parent_panel", organisationId: otherForum });
    await comment(member, theirs.roundId, theirs.sectionId, "Only for our forum.");
    const res = await request(t.app).get("/api/v1/review-rounds/changes").set(me.auth).expect(200);
    expect(ReviewRoundChangesListSchema.parse(res.body).data.map((c) => c.round.id)).not.toContain(theirs.roundId);
    expect(await changesOf(member, theirs.roundId)).toMatchObject({ newComments: 0 });
  });
});

describe("POST /api/v1/review-rounds/:id/visit", () => {
  it("should answer 401, 400 on a bad id, 404 for a round my forum does not take part in, and 403 to the hub", async () => {
    const r = await openRound();
    expect((await request(t.app).post(`/api/v1/review-rounds/${r.roundId}/visit`)).status).toBe(401);
    expect((await visit(me, "not-an-id")).status).toBe(400);
    const outsider = await buildUser(db(), { role: "parent_panel", regionId });
    expect((await visit(outsider, r.roundId)).status).toBe(404);
    expect((await visit(hub, r.roundId)).status).toBe(403);
    expect((await visit(me, r.roundId)).status).toBe(200);
  });
});
