import { DistanceTravelledResponseSchema, OutcomeReviewListResponseSchema, OutcomeReviewResponseSchema } from "@shared/schemas/outcome-reviews";
import { buildReviewedPlacement, daysAfter, providerViewBody, reviewBody } from "../factories/outcome-reviews";
import { createTestApp, type TestApp } from "../setup/test-app";
import { apiOf, outcomeIdsOf as ids, pathsOf } from "./api";

let t: TestApp;
let api: ReturnType<typeof apiOf>;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  api = apiOf(t);
});
afterAll(() => t.close());
const db = () => t.database.handle.db;

describe("A placement's outcome reviews, from the baseline to the distance travelled", () => {
  it("should record a baseline and a review, show the provider only what was submitted, and measure the change", async () => {
    const p = await buildReviewedPlacement(db());
    const { as, reviewsPath, submitted } = api;
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
        childView: 4,
      }),
    );
    expect(review).toMatchObject({ status: "submitted", childView: 4, familyView: null, providerView: null });

    // A draft stays the council's: the provider is not shown it, and it does not count.
    const draft = await as(p.council).post(
      reviewsPath(p),
      reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 60), scores: [{ outcomeId: first, score: 5 }] }),
    );
    expect(draft.status).toBe(201);
    const councilList = OutcomeReviewListResponseSchema.parse((await as(p.council).get(reviewsPath(p))).body).data;
    expect(councilList.map((r) => r.status)).toEqual(["submitted", "submitted", "draft"]);
    const providerList = OutcomeReviewListResponseSchema.parse((await as(p.provider).get(reviewsPath(p))).body).data;
    expect(providerList.map((r) => r.kind)).toEqual(["baseline", "review"]);
    expect(JSON.stringify(providerList)).not.toContain(p.staged.child.reference);
    expect((await as(p.provider).get(reviewsPath(p, `/${draft.body.data.id}/provider-view`))).status).toBe(404);

    const distance = DistanceTravelledResponseSchema.parse((await as(p.provider).get(`/api/v1/placements/${p.placementId}/distance-travelled`)).body).data;
    expect(distance.baselineDate).toBe(p.startDate);
    expect(distance.reviewDates).toEqual([daysAfter(p.startDate, 42)]);
    expect(distance.outcomes.map((o) => [o.statement, o.baseline, o.points.map((pt) => pt.change)])).toEqual([
      ["To travel to school with an adult", 1, [3]],
      ["To join a small group for lessons", 2, [1]],
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

    // Each read by the provider is a disclosure, audited with its basis; the submits are audited too.
    const reads = await api.query<{ actor_user_id: string; reason: string; details: { what: string; viewer: string } }>(
      "SELECT actor_user_id, reason, details FROM audit_log WHERE record_id = $1 AND action = 'outcome_review.read' AND actor_user_id = $2 ORDER BY seq",
      [p.placementId, p.provider.user.id],
    );
    expect(reads.map((r) => r.details)).toEqual([
      { what: "reviews", viewer: "provider" },
      { what: "distance_travelled", viewer: "provider" },
    ]);
    expect(reads[0]?.reason).toContain("provider delivering the placement");
    const submits = await api.query("SELECT 1 FROM audit_log WHERE action = 'outcome_review.submit' AND details->>'placementId' = $1", [p.placementId]);
    expect(submits).toHaveLength(2);
  });

  it("should save a draft with values missing, change it, and submit it only when complete, naming every missing value", async () => {
    const p = await buildReviewedPlacement(db());
    const { as, reviewsPath } = api;
    const empty = reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate, scores: [], stability: null, attendancePercent: null, incidents: null });
    const created = await as(p.council).post(reviewsPath(p), empty);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ status: "draft", incidents: null, stability: null });
    const id = created.body.data.id as string;

    const refused = await as(p.council).post(reviewsPath(p, `/${id}/submit`));
    expect(refused.status).toBe(400);
    expect(pathsOf(refused)).toEqual(["review.attendancePercent", "review.incidents", "review.scores", "review.stability"]);

    const changed = await as(p.council).put(reviewsPath(p, `/${id}`), reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate, notes: "Settled in." }));
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ status: "draft", notes: "Settled in.", stability: "stable" });
    const submitted = await as(p.council).post(reviewsPath(p, `/${id}/submit`));
    expect(submitted.status).toBe(200);
    expect(OutcomeReviewResponseSchema.parse(submitted.body).data.submittedAt).not.toBeNull();

    const again = await as(p.council).put(reviewsPath(p, `/${id}`), reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    expect(again.status).toBe(409);
    expect(again.body.message).toContain("Submitted reviews cannot be changed");
    expect((await as(p.council).post(reviewsPath(p, `/${id}/submit`))).status).toBe(409);
    const [audit] = await api.query<{ details: { fields: string[] } }>(
      "SELECT details FROM audit_log WHERE record_id = $1 AND action = 'outcome_review.update'",
      [id],
    );
    expect(audit?.details.fields).toEqual(expect.arrayContaining(["attendancePercent", "notes", "scores", "stability"]));
    expect(JSON.stringify(audit)).not.toContain("Settled in");
  });

  it("should not ask for attendance on lot 5 (16+ residential), which is not an education placement", async () => {
    const p = await buildReviewedPlacement(db(), { lotNumber: 5 });
    const created = await api
      .as(p.council)
      .post(api.reviewsPath(p), reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate, attendancePercent: null }));
    expect((await api.as(p.council).post(api.reviewsPath(p, `/${created.body.data.id}/submit`))).status).toBe(200);
  });
});

describe("The provider's view of a review", () => {
  it("should let the provider give and replace its view until the council accepts it, then refuse changes", async () => {
    const p = await buildReviewedPlacement(db());
    const { as, reviewsPath } = api;
    const review = await api.submitted(p, reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    const viewPath = reviewsPath(p, `/${review.id}/provider-view`);

    const given = await as(p.provider).put(viewPath, providerViewBody(ids(p), { stability: "at_risk" }));
    expect(given.status).toBe(200);
    expect(given.body.data.providerView).toMatchObject({ stability: "at_risk", decision: null });
    const replaced = await as(p.provider).put(viewPath, providerViewBody(ids(p), { stability: "stable", notes: "Better this month." }));
    expect(replaced.body.data.providerView).toMatchObject({ stability: "stable", notes: "Better this month." });

    const accepted = await as(p.council).post(`${viewPath}/decision`, { decision: "accepted" });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data.providerView).toMatchObject({ decision: "accepted", annotation: null });
    expect(accepted.body.data.providerView.decidedAt).not.toBeNull();

    const late = await as(p.provider).put(viewPath, providerViewBody(ids(p)));
    expect(late.status).toBe(409);
    expect(late.body.reason).toBe("already_decided");
    const twice = await as(p.council).post(`${viewPath}/decision`, { decision: "annotated", annotation: "Too late." });
    expect(twice.status).toBe(409);

    const seen = OutcomeReviewListResponseSchema.parse((await as(p.provider).get(reviewsPath(p))).body).data;
    expect(seen[0]?.providerView).toMatchObject({ notes: "Better this month.", decision: "accepted" });
    const actions = await api.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE record_id = $1 AND action LIKE 'provider_review_view.%' ORDER BY seq",
      [review.id],
    );
    expect(actions.map((a) => a.action)).toEqual(["provider_review_view.submit", "provider_review_view.replace", "provider_review_view.decide"]);
  });

  it("should let the council annotate the view with its own note, checked for personal data", async () => {
    const p = await buildReviewedPlacement(db());
    const review = await api.submitted(p, reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    const viewPath = api.reviewsPath(p, `/${review.id}/provider-view`);
    expect((await api.as(p.council).post(`${viewPath}/decision`, { decision: "accepted" })).status).toBe(404);
    await api.as(p.provider).put(viewPath, providerViewBody(ids(p)));

    const named = await api.as(p.council).post(`${viewPath}/decision`, { decision: "annotated", annotation: "Discussed with Mrs Patel." });
    expect(named.status).toBe(400);
    expect(pathsOf(named)).toEqual(["body.annotation"]);
    const empty = await api.as(p.council).post(`${viewPath}/decision`, { decision: "annotated", annotation: " " });
    expect(pathsOf(empty)).toEqual(["body.annotation"]);

    const annotated = await api
      .as(p.council)
      .post(`${viewPath}/decision`, { decision: "annotated", annotation: "Attendance figure differs from the school's register." });
    expect(annotated.status).toBe(200);
    expect(annotated.body.data.providerView).toMatchObject({ decision: "annotated", annotation: "Attendance figure differs from the school's register." });
  });

  it("should refuse the council's own view and the provider's decision (403), and the provider's view of a draft (404)", async () => {
    const p = await buildReviewedPlacement(db());
    const draft = await api.as(p.council).post(api.reviewsPath(p), reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    const review = await api.submitted(p, reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 42) }));
    const viewPath = api.reviewsPath(p, `/${review.id}/provider-view`);
    expect((await api.as(p.council).put(viewPath, providerViewBody(ids(p)))).status).toBe(403);
    await api.as(p.provider).put(viewPath, providerViewBody(ids(p)));
    expect((await api.as(p.provider).post(`${viewPath}/decision`, { decision: "accepted" })).status).toBe(403);
    expect((await api.as(p.provider).put(api.reviewsPath(p, `/${draft.body.data.id}/provider-view`), providerViewBody(ids(p)))).status).toBe(404);
  });
});
