import request from "supertest";
import { ReviewRoundListSchema, ReviewRoundResponseSchema } from "@shared/schemas/review-rounds";
import { frameworkOf } from "../factories/directory";
import { buildOrganisation } from "../factories/organisations";
import { buildReviewPeople, buildReviewRound } from "../factories/review-rounds";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let regionId: string;
let forumId: string;
let panel: BuiltUser;
let outsider: BuiltUser;
let hub: BuiltUser;
const db = () => t.database.handle.db;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  ({ regionId, forumId, panel, hub } = await buildReviewPeople(db()));
  outsider = await buildUser(db(), { role: "parent_panel", regionId });
});
afterAll(() => t.close());

describe("POST /api/v1/review-rounds", () => {
  it("should answer 401, list every bad field, refuse (403) anyone but the hub, and open a round for the named forums", async () => {
    const framework = await frameworkOf(db(), regionId);
    const body = {
      frameworkId: framework.id,
      title: "Quality criteria 2027",
      summary: "How offers are scored.",
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      forumIds: [forumId],
      sections: [{ heading: "Staffing", body: "## Ratios\nProviders state the ratio they can keep." }],
      proposals: [{ title: "Score transition plans separately" }],
      criteria: [{ name: "Staffing matches the child's needs" }],
    };
    expect((await request(t.app).post("/api/v1/review-rounds").send(body)).status).toBe(401);
    expect((await request(t.app).post("/api/v1/review-rounds").set(panel.auth).send(body)).status).toBe(403);
    const bad = await request(t.app)
      .post("/api/v1/review-rounds")
      .set(hub.auth)
      .send({ ...body, title: "", forumIds: [], sections: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path).sort()).toEqual(["body.forumIds", "body.sections", "body.title"]);
    const council = await buildOrganisation(db(), { kind: "council", regionId });
    expect(
      (
        await request(t.app)
          .post("/api/v1/review-rounds")
          .set(hub.auth)
          .send({ ...body, forumIds: [council.id] })
      ).body.issues,
    ).toEqual([{ path: "body.forumIds", message: "Choose Parent Carer Forums of your region" }]);
    const res = await request(t.app).post("/api/v1/review-rounds").set(hub.auth).send(body);
    expect(res.status).toBe(201);
    const { data } = ReviewRoundResponseSchema.parse(res.body);
    expect(data).toMatchObject({
      state: "open",
      forums: [{ id: forumId }],
      sections: [{ heading: "Staffing" }],
      proposals: [{ totals: { for: 0, against: 0, abstain: 0 }, myVote: null }],
    });
  });
});

describe("Seeing review rounds", () => {
  it("should show a panel member only the rounds their forum takes part in (404 for others)", async () => {
    const { round } = await buildReviewRound(db(), { regionId, forumIds: [forumId] });
    const theirs = ReviewRoundListSchema.parse((await request(t.app).get("/api/v1/review-rounds").set(panel.auth)).body).data;
    expect(theirs.map((r) => r.id)).toContain(round.id);
    expect(ReviewRoundListSchema.parse((await request(t.app).get("/api/v1/review-rounds").set(outsider.auth)).body).data).toEqual([]);
    expect((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(outsider.auth)).status).toBe(404);
    const commissioner = await buildUser(db(), { role: "commissioner", regionId });
    expect((await request(t.app).get("/api/v1/review-rounds").set(commissioner.auth)).status).toBe(403);
    expect((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(commissioner.auth)).status).toBe(404);
  });
});

describe("Voting and rating", () => {
  it("should keep one vote per member per proposal, changeable while open, and show the totals", async () => {
    const { round } = await buildReviewRound(db(), { regionId, forumIds: [forumId] });
    const detail = ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(panel.auth)).body).data;
    const proposalId = detail.proposals[0]?.id ?? "";
    const vote = (who: BuiltUser, choice: string) =>
      request(t.app).put(`/api/v1/review-rounds/${round.id}/proposals/${proposalId}/vote`).set(who.auth).send({ choice });
    const colleague = await buildUser(db(), { role: "parent_panel", organisationId: forumId });
    expect((await vote(panel, "maybe")).status).toBe(400);
    expect((await vote(panel, "for")).status).toBe(200);
    expect((await vote(colleague, "against")).status).toBe(200);
    const changed = ReviewRoundResponseSchema.parse((await vote(panel, "abstain")).body).data;
    expect(changed.proposals[0]).toMatchObject({ totals: { for: 0, against: 1, abstain: 1 }, myVote: "abstain" });
    expect((await vote(hub, "for")).status).toBe(403);
    expect((await vote(outsider, "for")).status).toBe(404);
  });

  it("should average ratings of quality criteria", async () => {
    const { round } = await buildReviewRound(db(), { regionId, forumIds: [forumId] });
    const detail = ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(panel.auth)).body).data;
    const criterionId = detail.criteria[0]?.id ?? "";
    const rate = (who: BuiltUser, rating: number) =>
      request(t.app).put(`/api/v1/review-rounds/${round.id}/criteria/${criterionId}/rating`).set(who.auth).send({ rating });
    const colleague = await buildUser(db(), { role: "parent_panel", organisationId: forumId });
    expect((await rate(panel, 6)).status).toBe(400);
    await rate(panel, 4);
    const after = ReviewRoundResponseSchema.parse((await rate(colleague, 5)).body).data;
    expect(after.criteria[0]).toMatchObject({ averageRating: 4.5, ratings: 2, myRating: 5 });
  });

  it("should refuse votes before a round opens and after it closes (409 with the time)", async () => {
    for (const state of ["upcoming", "closed"] as const) {
      const { round } = await buildReviewRound(db(), { regionId, forumIds: [forumId], state });
      const detail = ReviewRoundResponseSchema.parse((await request(t.app).get(`/api/v1/review-rounds/${round.id}`).set(panel.auth)).body).data;
      const res = await request(t.app)
        .put(`/api/v1/review-rounds/${round.id}/proposals/${detail.proposals[0]?.id}/vote`)
        .set(panel.auth)
        .send({ choice: "for" });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(state === "upcoming" ? /opens on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/ : /closed on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
    }
  });
});
