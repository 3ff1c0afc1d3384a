import { ChildOutcomesResponseSchema, PlacementListResponseSchema } from "@shared/schemas/outcome-reviews";
import { buildChild } from "../factories/children";
import { buildReviewedPlacement, daysAfter, providerViewBody, reviewBody } from "../factories/outcome-reviews";
import { buildUser } from "../factories/users";
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

describe("/api/v1/children/:id/outcomes", () => {
  it("should keep the plan's outcomes in order, edit them in place, and retire those left out, never deleting them", async () => {
    const council = await buildUser(db(), { role: "commissioner" });
    const child = await buildChild(db(), { organisationId: council.user.organisationId! });
    const path = `/api/v1/children/${child.id}/outcomes`;
    const first = await api.as(council).put(path, { outcomes: [{ statement: "To travel to school with an adult" }, { statement: "To read a short book" }] });
    expect(first.status).toBe(200);
    const [travel, read] = ChildOutcomesResponseSchema.parse(first.body).data;

    const second = await api.as(council).put(path, {
      outcomes: [{ id: read!.id, statement: "To read a short book on their own" }, { statement: "To make a friend in class" }],
    });
    expect(second.status).toBe(200);
    const listed = ChildOutcomesResponseSchema.parse((await api.as(council).get(path)).body).data;
    expect(listed.map((o) => [o.position, o.statement, o.retired])).toEqual([
      [1, "To read a short book on their own", false],
      [2, "To make a friend in class", false],
      [1, "To travel to school with an adult", true],
    ]);
    expect(listed[0]?.id).toBe(read!.id);

    // Listing a retired outcome again brings it back.
    const back = await api.as(council).put(path, { outcomes: [{ id: travel!.id, statement: travel!.statement }] });
    expect(
      ChildOutcomesResponseSchema.parse(back.body)
        .data.filter((o) => !o.retired)
        .map((o) => o.id),
    ).toEqual([travel!.id]);

    const audit = await api.query<{ action: string; details: Record<string, unknown> }>(
      "SELECT action, details FROM audit_log WHERE record_id = $1 AND action IN ('child_outcomes.update', 'child_profile.read') ORDER BY seq",
      [child.id],
    );
    expect(audit.map((a) => a.action)).toEqual(["child_outcomes.update", "child_outcomes.update", "child_profile.read", "child_outcomes.update"]);
    expect(audit[1]?.details).toEqual({ added: [expect.any(String)], changed: [read!.id], retired: [travel!.id] });
    expect(audit[2]?.details).toEqual({ purpose: "outcomes" });
    expect(JSON.stringify(audit)).not.toContain("short book");
  });

  it("should refuse unknown or repeated ids and statements that identify someone, naming each, and change nothing", async () => {
    const council = await buildUser(db(), { role: "commissioner" });
    const child = await buildChild(db(), { organisationId: council.user.organisationId! });
    const elsewhere = await buildReviewedPlacement(db());
    const path = `/api/v1/children/${child.id}/outcomes`;
    const made = await api.as(council).put(path, { outcomes: [{ statement: "To read a short book" }] });
    const mine = made.body.data[0].id as string;
    const res = await api.as(council).put(path, {
      outcomes: [
        { id: ids(elsewhere)[0], statement: "Another child's" },
        { id: mine, statement: "Fine" },
        { id: mine, statement: "Twice" },
        { statement: "Email her at jo@example.com" },
      ],
    });
    expect(res.status).toBe(400);
    expect(pathsOf(res)).toEqual(["body.outcomes.0.id", "body.outcomes.2.id", "body.outcomes.3.statement"]);
    const malformed = await api.as(council).put(path, { outcomes: [{ statement: "" }, { statement: "Nul\u0000" }, { id: "x", statement: "Fine" }] });
    expect(pathsOf(malformed)).toEqual(["body.outcomes.0.statement", "body.outcomes.1.statement", "body.outcomes.2.id"]);
    const tooMany = await api.as(council).put(path, { outcomes: Array.from({ length: 51 }, (_, i) => ({ statement: `Outcome ${i}` })) });
    expect(pathsOf(tooMany)).toEqual(["body.outcomes"]);
    expect(ChildOutcomesResponseSchema.parse((await api.as(council).get(path)).body).data.map((o) => o.statement)).toEqual(["To read a short book"]);
  });

  it("should keep one list when two saves of a new plan arrive at once", async () => {
    const council = await buildUser(db(), { role: "commissioner" });
    const child = await buildChild(db(), { organisationId: council.user.organisationId! });
    const path = `/api/v1/children/${child.id}/outcomes`;
    const body = { outcomes: [{ statement: "To read a short book" }, { statement: "To make a friend in class" }] };
    const both = await Promise.all([api.as(council).put(path, body), api.as(council).put(path, body)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const listed = ChildOutcomesResponseSchema.parse((await api.as(council).get(path)).body).data;
    expect(listed.filter((o) => !o.retired).map((o) => o.statement)).toEqual(["To read a short book", "To make a friend in class"]);
  });

  it("should tell another council, a provider and the hub that the child does not exist", async () => {
    const p = await buildReviewedPlacement(db());
    const path = `/api/v1/children/${p.staged.child.id}/outcomes`;
    const others = [
      await buildUser(db(), { role: "commissioner", regionId: p.regionId }),
      p.provider,
      await buildUser(db(), { role: "regional_admin", orgAdmin: true }),
    ];
    for (const who of others) {
      expect((await api.as(who).get(path)).status).toBe(404);
      expect((await api.as(who).put(path, { outcomes: [] })).status).toBe(404);
    }
    expect((await api.as(p.council).get(path)).body.data).toHaveLength(2);
  });

  it("should refuse a retired outcome's score, and ask for a score on an outcome added after the draft was started", async () => {
    const p = await buildReviewedPlacement(db());
    const path = `/api/v1/children/${p.staged.child.id}/outcomes`;
    const draft = await api.as(p.council).post(api.reviewsPath(p), reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    await api.as(p.council).put(path, { outcomes: [...p.outcomes.map((o) => ({ id: o.id, statement: o.statement })), { statement: "To cook a simple meal" }] });
    const submit = await api.as(p.council).post(api.reviewsPath(p, `/${draft.body.data.id}/submit`));
    expect(submit.status).toBe(400);
    expect(pathsOf(submit)).toEqual(["review.scores"]);

    await api.as(p.council).put(path, { outcomes: [{ id: p.outcomes[1]!.id, statement: p.outcomes[1]!.statement }] });
    const retired = await api.as(p.council).post(api.reviewsPath(p), reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 30) }));
    expect(pathsOf(retired)).toEqual(["body.scores.0.outcomeId"]);
  });
});

describe("GET /api/v1/placements", () => {
  it("should list a council's placements with the child's reference and when the next review is due", async () => {
    const p = await buildReviewedPlacement(db());
    const list = () => api.as(p.council).get("/api/v1/placements");
    const before = PlacementListResponseSchema.parse((await list()).body);
    expect(before).toEqual({
      viewer: "council",
      data: [
        {
          id: p.placementId,
          childId: p.staged.child.id,
          childReference: p.staged.child.reference,
          settingName: expect.any(String),
          organisationName: expect.any(String),
          startDate: p.startDate,
          reviewDates: [daysAfter(p.startDate, 42), daysAfter(p.startDate, 182), daysAfter(p.startDate, 365)],
          endDate: null,
          nextReviewDue: p.startDate,
        },
      ],
    });
    await api.submitted(p, reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    expect((await list()).body.data[0].nextReviewDue).toBe(daysAfter(p.startDate, 42));
    await api.submitted(p, reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 45) }));
    expect((await list()).body.data[0].nextReviewDue).toBe(daysAfter(p.startDate, 182));
    await api.as(p.council).post(`/api/v1/placements/${p.placementId}/end`, { endDate: daysAfter(p.startDate, 100), reason: "planned_end" });
    expect((await list()).body.data[0]).toMatchObject({ endDate: daysAfter(p.startDate, 100), nextReviewDue: null });
  });

  it("should list a provider's placements without the child's reference, saying when a review awaits its view", async () => {
    const p = await buildReviewedPlacement(db());
    const list = async () => PlacementListResponseSchema.parse((await api.as(p.provider).get("/api/v1/placements")).body);
    expect(await list()).toEqual({
      viewer: "provider",
      data: [{ id: p.placementId, settingName: expect.any(String), startDate: p.startDate, endDate: null, reviewAwaitsView: false }],
    });
    expect(JSON.stringify(await list())).not.toContain(p.staged.child.reference);
    await api.as(p.council).post(api.reviewsPath(p), reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }));
    expect((await list()).data[0]).toMatchObject({ reviewAwaitsView: false });
    const review = await api.submitted(p, reviewBody(ids(p), { reviewDate: daysAfter(p.startDate, 42) }));
    expect((await list()).data[0]).toMatchObject({ reviewAwaitsView: true });
    await api.as(p.provider).put(api.reviewsPath(p, `/${review.id}/provider-view`), providerViewBody(ids(p)));
    expect((await list()).data[0]).toMatchObject({ reviewAwaitsView: false });
  });
});
