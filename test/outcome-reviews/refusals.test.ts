import { formatDate } from "@shared/format-date";
import { buildOrganisation } from "../factories/organisations";
import { buildReviewedPlacement, daysAfter, providerViewBody, reviewBody, type ReviewedPlacement, storeReview } from "../factories/outcome-reviews";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { apiOf, outcomeIdsOf as ids, pathsOf } from "./api";

let t: TestApp;
let api: ReturnType<typeof apiOf>;
let p: ReviewedPlacement;
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  api = apiOf(t);
  p = await buildReviewedPlacement(t.database.handle.db);
});
afterAll(() => t.close());
const db = () => t.database.handle.db;
const reviewCount = async (placementId = p.placementId) =>
  Number((await api.query<{ n: string }>("SELECT count(*) AS n FROM outcome_reviews WHERE placement_id = $1", [placementId]))[0]?.n);

describe("Refusals when recording a review", () => {
  it("should refuse a second baseline with what to do, even when two arrive at once", async () => {
    const q = await buildReviewedPlacement(db());
    const baseline = reviewBody(ids(q), { kind: "baseline", reviewDate: q.startDate });
    const both = await Promise.all([api.as(q.council).post(api.reviewsPath(q), baseline), api.as(q.council).post(api.reviewsPath(q), baseline)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const second = both.find((r) => r.status === 409)!;
    expect(second.body).toMatchObject({ code: "conflict", reason: "already_exists" });
    expect(second.body.message).toContain("record this one as a review");
    // Turning a review into a second baseline is refused the same way.
    const review = await api.as(q.council).post(api.reviewsPath(q), reviewBody(ids(q), { reviewDate: daysAfter(q.startDate, 10) }));
    expect((await api.as(q.council).put(api.reviewsPath(q, `/${review.body.data.id}`), baseline)).status).toBe(409);
    expect(await reviewCount(q.placementId)).toBe(2);
  });

  it("should refuse a review dated before the placement started, or before the baseline, and a baseline after a review", async () => {
    const q = await buildReviewedPlacement(db());
    const early = await api.as(q.council).post(api.reviewsPath(q), reviewBody(ids(q), { kind: "baseline", reviewDate: daysAfter(q.startDate, -1) }));
    expect(early.status).toBe(400);
    expect(pathsOf(early)).toEqual(["body.reviewDate"]);
    expect(early.body.issues[0].message).toContain(`before the placement started on ${formatDate(q.startDate)}`);

    await api.as(q.council).post(api.reviewsPath(q), reviewBody(ids(q), { kind: "baseline", reviewDate: daysAfter(q.startDate, 7) }));
    const beforeBaseline = await api.as(q.council).post(api.reviewsPath(q), reviewBody(ids(q), { reviewDate: daysAfter(q.startDate, 3) }));
    expect(pathsOf(beforeBaseline)).toEqual(["body.reviewDate"]);
    expect(beforeBaseline.body.issues[0].message).toContain("before the baseline");
    expect(await reviewCount(q.placementId)).toBe(1);

    const r = await buildReviewedPlacement(db());
    await api.as(r.council).post(api.reviewsPath(r), reviewBody(ids(r), { reviewDate: daysAfter(r.startDate, 10) }));
    const lateBaseline = await api.as(r.council).post(api.reviewsPath(r), reviewBody(ids(r), { kind: "baseline", reviewDate: daysAfter(r.startDate, 20) }));
    expect(pathsOf(lateBaseline)).toEqual(["body.reviewDate"]);
    expect(lateBaseline.body.issues[0].message).toContain(`after the review of ${formatDate(daysAfter(r.startDate, 10))}`);
  });

  it("should refuse scores of outcomes that are not this child's current ones, and notes that identify someone, all at once", async () => {
    const other = await buildReviewedPlacement(db());
    const res = await api.as(p.council).post(
      api.reviewsPath(p),
      reviewBody(ids(p), {
        reviewDate: daysAfter(p.startDate, 50),
        scores: [
          { outcomeId: ids(p)[0]!, score: 3 },
          { outcomeId: ids(other)[0]!, score: 3 },
        ],
        notes: "Spoke to her mum Jane Smith on 07700 900123.",
      }),
    );
    expect(res.status).toBe(400);
    expect(pathsOf(res)).toEqual(["body.notes", "body.scores.1.outcomeId"]);
    expect(res.body.issues.find((i: { path: string }) => i.path === "body.notes").message).toContain("a phone number");
    expect(await reviewCount()).toBe(0);
  });

  it("should refuse hostile input, naming every field, and store nothing", async () => {
    const res = await api.as(p.council).post(api.reviewsPath(p), {
      ...reviewBody(ids(p)),
      notes: "Fine\u0000",
      scores: [{ outcomeId: ids(p)[0], score: 6 }],
      incidents: { missingEpisodes: -1, exclusions: 2 ** 31, policeContacts: 1.5, physicalInterventions: 0, hospitalAdmissions: 0 },
      attendancePercent: 2 ** 31,
      childView: 0,
      stability: "fine",
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(pathsOf(res)).toEqual([
      "body.attendancePercent",
      "body.childView",
      "body.extra",
      "body.incidents.exclusions",
      "body.incidents.missingEpisodes",
      "body.incidents.policeContacts",
      "body.notes",
      "body.scores.0.score",
      "body.stability",
    ]);
    const long = await api.as(p.council).post(api.reviewsPath(p), reviewBody(ids(p), { notes: "x".repeat(900_000) }));
    expect(long.status).toBe(400);
    expect(pathsOf(long)).toEqual(["body.notes"]);
    const huge = await api.as(p.council).post(api.reviewsPath(p), reviewBody(ids(p), { notes: "x".repeat(10 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe("payload_too_large");
    expect(await reviewCount()).toBe(0);
  });

  it("should refuse a hostile provider view with every field named, and leave the view as it was", async () => {
    const q = await buildReviewedPlacement(db());
    const reviewId = await storeReview(db(), q, { status: "submitted" });
    const res = await api.as(q.provider).put(api.reviewsPath(q, `/${reviewId}/provider-view`), {
      ...providerViewBody(ids(q)),
      notes: "Call 07700 900123",
      scores: [{ outcomeId: ids(q)[0], score: 0 }],
      incidents: { missingEpisodes: -1, exclusions: 0, policeContacts: 0, physicalInterventions: 0, hospitalAdmissions: 0 },
    });
    expect(res.status).toBe(400);
    expect(pathsOf(res)).toEqual(["body.incidents.missingEpisodes", "body.scores.0.score"]);
    const named = await api.as(q.provider).put(api.reviewsPath(q, `/${reviewId}/provider-view`), { ...providerViewBody(ids(q)), notes: "Call 07700 900123" });
    expect(pathsOf(named)).toEqual(["body.notes"]);
    expect(await api.query("SELECT 1 FROM provider_review_views WHERE review_id = $1", [reviewId])).toHaveLength(0);
  });
});

describe("Who is told a placement's reviews do not exist", () => {
  it("should answer 404 to another council, another provider, a parent panel and the hub, and 403 to their placement lists", async () => {
    const draftId = await storeReview(db(), p);
    const submittedId = await storeReview(db(), p, { status: "submitted", reviewDate: daysAfter(p.startDate, 60) });
    const regionId = p.regionId;
    const strangers = [
      await buildUser(db(), { role: "commissioner", organisationId: (await buildOrganisation(db(), { kind: "council", regionId })).id }),
      await buildUser(db(), { role: "provider", organisationId: (await buildOrganisation(db(), { kind: "provider", regionId })).id }),
      await buildUser(db(), { role: "parent_panel", regionId }),
      await buildUser(db(), { role: "regional_admin", orgAdmin: true, regionId }),
    ];
    for (const who of strangers) {
      const calls = [
        await api.as(who).get(api.reviewsPath(p)),
        await api.as(who).get(`/api/v1/placements/${p.placementId}/distance-travelled`),
        await api.as(who).post(api.reviewsPath(p), reviewBody(ids(p))),
        await api.as(who).put(api.reviewsPath(p, `/${draftId}`), reviewBody(ids(p))),
        await api.as(who).post(api.reviewsPath(p, `/${draftId}/submit`)),
        await api.as(who).put(api.reviewsPath(p, `/${submittedId}/provider-view`), providerViewBody(ids(p))),
        await api.as(who).post(api.reviewsPath(p, `/${submittedId}/provider-view/decision`), { decision: "accepted" }),
      ];
      expect(calls.map((c) => c.status)).toEqual(Array(calls.length).fill(404));
    }
    for (const who of strangers.slice(2)) expect((await api.as(who).get("/api/v1/placements")).status).toBe(403);
    expect((await api.as(strangers[0]!).get("/api/v1/placements")).body).toEqual({ viewer: "council", data: [] });
    expect(await reviewCount()).toBe(2);
  });

  it("should answer 404 for a review of another placement used on this one", async () => {
    const other = await buildReviewedPlacement(db(), { councilId: p.staged.request.organisationId, regionId: p.regionId });
    const elsewhere = await storeReview(db(), other);
    const res = await api.as(p.council).put(api.reviewsPath(p, `/${elsewhere}`), reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 70) }));
    expect(res.status).toBe(404);
    expect((await api.as(p.council).post(api.reviewsPath(p, "/00000000-0000-4000-8000-000000000000/submit"))).status).toBe(404);
    expect((await api.as(p.council).post(api.reviewsPath(p, "/not-an-id/submit"))).status).toBe(400);
  });
});
