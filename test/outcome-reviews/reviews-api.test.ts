import request from "supertest";
import { DistanceTravelledResponseSchema, OutcomeReviewListResponseSchema, OutcomeReviewResponseSchema } from "@shared/schemas/outcome-reviews";
import { buildReviewedPlacement, daysAfter, reviewBody, type ReviewedPlacement } from "../factories/outcome-reviews";
import type { BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(() => t.close());

const db = () => t.database.handle.db;
const as = (who: BuiltUser) => ({
  get: (path: string) => request(t.app).get(path).set(who.auth),
  post: (path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body),
  put: (path: string, body: object) => request(t.app).put(path).set(who.auth).send(body),
});
const reviewsOf = (p: ReviewedPlacement) => `/api/v1/placements/${p.placementId}/reviews`;
const ids = (p: ReviewedPlacement) => p.outcomes.map((o) => o.id);

/** A review started and submitted by the council, through the API. */
async function submitted(p: ReviewedPlacement, body: ReturnType<typeof reviewBody>) {
  const created = await as(p.council).post(reviewsOf(p), body);
  expect(created.status).toBe(201);
  const done = await as(p.council).post(`${reviewsOf(p)}/${created.body.data.id}/submit`);
  expect(done.status).toBe(200);
  return OutcomeReviewResponseSchema.parse(done.body).data;
}

describe("A placement's outcome reviews, from the baseline to the distance travelled", () => {
  it("should record a baseline and a review, show the provider only what was submitted, and measure the change", async () => {
    const p = await buildReviewedPlacement(db());
    const [first, second] = ids(p) as [string, string];
    await submitted(
      p,
      reviewBody(ids(p), {
        kind: "baseline",
        reviewDate: p.startDate,
        scores: [
          { outcomeId: first, score: 1 },
          { outcomeId: second, score: 2 },
        ],
        risks: [{ code: "riskMissing", trajectory: "current" }],
      }),
    );
    const review = await submitted(
      p,
      reviewBody(ids(p), {
        reviewDate: daysAfter(p.startDate, 42),
        scores: [
          { outcomeId: first, score: 4 },
          { outcomeId: second, score: 3 },
        ],
        incidents: { missingEpisodes: 3, exclusions: 0, policeContacts: 1, physicalInterventions: 0, hospitalAdmissions: 0 },
        risks: [{ code: "riskMissing", trajectory: "historic" }],
      }),
    );
    expect(review.status).toBe("submitted");

    // A draft stays the council's.
    const draft = await as(p.council).post(reviewsOf(p), reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 60) }));
    expect(draft.status).toBe(201);
    const councilList = OutcomeReviewListResponseSchema.parse((await as(p.council).get(reviewsOf(p))).body).data;
    expect(councilList.map((r) => r.status)).toEqual(["submitted", "submitted", "draft"]);
    const providerList = OutcomeReviewListResponseSchema.parse((await as(p.provider).get(reviewsOf(p))).body).data;
    expect(providerList.map((r) => r.kind)).toEqual(["baseline", "review"]);

    const distance = DistanceTravelledResponseSchema.parse((await as(p.provider).get(`/api/v1/placements/${p.placementId}/distance-travelled`)).body).data;
    expect(distance.baselineDate).toBe(p.startDate);
    expect(distance.outcomes.map((o) => [o.baseline, o.points.map((pt) => pt.change)])).toEqual([
      [1, [3]],
      [2, [1]],
    ]);
    expect(distance.meanChange).toBe(2);
    // 3 missing episodes and 1 police contact over 6 weeks: per 4 weeks, 3/42*28 = 2 and 1/42*28 = 0.67.
    expect(distance.incidentRates).toEqual([
      {
        reviewDate: daysAfter(p.startDate, 42),
        weeks: 6,
        per4Weeks: { missingEpisodes: 2, exclusions: 0, policeContacts: 0.67, physicalInterventions: 0, hospitalAdmissions: 0 },
        total: 2.67,
      },
    ]);
    expect(distance.risks).toEqual([
      {
        code: "riskMissing",
        points: [
          { reviewDate: p.startDate, trajectory: "current" },
          { reviewDate: daysAfter(p.startDate, 42), trajectory: "historic" },
        ],
      },
    ]);
  });
});
