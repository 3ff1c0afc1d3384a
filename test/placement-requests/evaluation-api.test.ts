import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { EvaluationStateResponseSchema, type RequestView, RequestViewResponseSchema } from "@shared/schemas/placement-requests";
import { parseCsvRows } from "../../server/src/lib/csv";
import { closeDueRequests } from "../../server/src/modules/placement-requests/commands/close-due";
import { buildMarket, type Market, offerBody, openRequest, passDeadline } from "../factories/placement-requests";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let m: Market;
/** A second commissioner of the same council, and an administrator of it. */
let colleague: BuiltUser;
let admin: BuiltUser;
const db = () => t.database.handle.db;
const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);

beforeAll(async () => {
  t = await createTestApp({ seed: false });
  m = await buildMarket(db(), { providers: 2 });
  colleague = await buildUser(db(), { role: "commissioner", organisationId: m.commissioner.user.organisationId! });
  admin = await buildUser(db(), { role: "commissioner", orgAdmin: true, organisationId: m.commissioner.user.organisationId! });
});
afterAll(() => t.close());

const R = (id: string, suffix = "") => `/api/v1/placement-requests/${id}${suffix}`;
const view = async (who: BuiltUser, id: string): Promise<RequestView> => {
  const res = await request(t.app).get(R(id)).set(who.auth);
  expect(res.status).toBe(200);
  return RequestViewResponseSchema.parse(res.body).data;
};
const state = async (who: BuiltUser, id: string) => {
  const res = await request(t.app).get(R(id, "/evaluation")).set(who.auth);
  expect(res.status).toBe(200);
  return EvaluationStateResponseSchema.parse(res.body).data;
};
const declare = (who: BuiltUser, id: string, body: object = { conflict: "none" }) =>
  request(t.app).put(R(id, "/evaluation/declaration")).set(who.auth).send(body);
const score = (who: BuiltUser, id: string, scores: object[]) => request(t.app).put(R(id, "/scores")).set(who.auth).send({ scores });
const startModeration = (who: BuiltUser, id: string) => request(t.app).post(R(id, "/evaluation/moderation")).set(who.auth).send({});
const moderate = (who: BuiltUser, id: string, scores: object[], note?: string) =>
  request(t.app)
    .put(R(id, "/evaluation/moderation"))
    .set(who.auth)
    .send({ scores, ...(note === undefined ? {} : { note }) });
const complete = (who: BuiltUser, id: string) => request(t.app).post(R(id, "/evaluate")).set(who.auth).send({});

/** A sealed request with an offer from each provider, closed: returns its id, the two offers (A: provider 0's) and the criteria ids. */
async function closedRequest() {
  const { request: made } = await openRequest(t.app, m);
  for (const [i, p] of m.providers.entries()) {
    const fee = { corePence: 150_000 + i * 10_000, staffingPence: 0, therapiesPence: 0, otherPence: 0 };
    expect((await request(t.app).post(R(made.id, "/offers")).set(p.person.auth).send(offerBody(p.settingId, { fee }))).status).toBe(201);
  }
  await passDeadline(db(), made.id);
  await closeDueRequests(db());
  const opened = await view(m.commissioner, made.id);
  const offerOf = (i: number) => opened.offers.find((o) => o.settingId === m.providers[i]!.settingId)!;
  return { id: made.id, a: offerOf(0), b: offerOf(1), criteria: opened.request.criteria.map((c) => c.id) };
}

/** Every cell of the grid: `value(offer index, criterion)` as score and a reason naming who said it. */
const grid = (offers: { id: string }[], criteria: string[], value: (i: number, c: string) => number, who: string) =>
  offers.flatMap((o, i) =>
    criteria.map((c) => ({ offerId: o.id, criterionId: c, score: value(i, c), reason: `${who}: offer ${i} on ${c} scores ${value(i, c)}` })),
  );

describe("Scoring as a draft", () => {
  it("should start with nothing scored, keep a partial draft, and overwrite it when saved again", async () => {
    const { id, a, criteria } = await closedRequest();
    const empty = await state(m.commissioner, id);
    expect(empty.you).toMatchObject({ declared: false, mayScore: false });
    expect(empty.evaluators).toEqual([]);

    // Scoring before the declaration is refused, and says why.
    const early = await score(m.commissioner, id, [{ offerId: a.id, criterionId: criteria[0], score: 3 }]);
    expect(early.status).toBe(409);
    expect(ApiErrorSchema.parse(early.body).reason).toBe("declaration_needed");

    expect((await declare(m.commissioner, id)).status).toBe(200);
    const declared = await state(m.commissioner, id);
    expect(declared.evaluators[0]).toMatchObject({ conflict: false, scores: [] });
    expect(declared.you).toMatchObject({ declared: true, mayScore: true });

    expect((await score(m.commissioner, id, [{ offerId: a.id, criterionId: criteria[0], score: 3 }])).status).toBe(200);
    expect((await state(m.commissioner, id)).evaluators[0]!.scores).toEqual([{ offerId: a.id, criterionId: criteria[0], score: 3, reason: null }]);

    // Saving again replaces the draft: the first cell is gone, the second has a reason and no score yet.
    expect((await score(m.commissioner, id, [{ offerId: a.id, criterionId: criteria[1], score: null, reason: "Strong staffing plan" }])).status).toBe(200);
    expect((await state(m.commissioner, id)).evaluators[0]!.scores).toEqual([
      { offerId: a.id, criterionId: criteria[1], score: null, reason: "Strong staffing plan" },
    ]);
    // Nothing is agreed or evaluated by a draft.
    expect((await view(m.commissioner, id)).request.state).toBe("closed");
    const audit = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1 AND action LIKE 'evaluation.%' ORDER BY seq", [id]);
    expect(audit.map((r) => r.action)).toEqual(["evaluation.declare", "evaluation.score", "evaluation.score"]);
  });

  it("should refuse a score out of range or for another request's offer, naming each field, and change nothing", async () => {
    const { id, a, criteria } = await closedRequest();
    const other = await closedRequest();
    await declare(m.commissioner, id);
    const bad = await score(m.commissioner, id, [
      { offerId: a.id, criterionId: criteria[0], score: 6 },
      { offerId: other.a.id, criterionId: criteria[0], score: 2 },
    ]);
    expect(bad.status).toBe(400);
    expect(ApiErrorSchema.parse(bad.body).issues!.map((i) => i.path)).toEqual(["body.scores.0.score"]);
    const foreign = await score(m.commissioner, id, [{ offerId: other.a.id, criterionId: criteria[0], score: 2 }]);
    expect(foreign.status).toBe(400);
    expect(ApiErrorSchema.parse(foreign.body).issues!.map((i) => i.path)).toEqual(["body.scores.0.offerId"]);
    expect((await state(m.commissioner, id)).evaluators[0]!.scores).toEqual([]);
  });
});

describe("Conflicts of interest", () => {
  it("should not let an evaluator who declared a conflict score or moderate, and record the details", async () => {
    const { id, a, criteria } = await closedRequest();
    const missing = await declare(colleague, id, { conflict: "yes" });
    expect(missing.status).toBe(400);
    expect(ApiErrorSchema.parse(missing.body).issues!.map((i) => i.path)).toEqual(["body.details"]);

    expect((await declare(colleague, id, { conflict: "yes", details: "My sister manages one of the homes." })).status).toBe(200);
    const refused = await score(colleague, id, [{ offerId: a.id, criterionId: criteria[0], score: 4, reason: "Good" }]);
    expect(refused.status).toBe(409);
    expect(ApiErrorSchema.parse(refused.body).reason).toBe("conflict_of_interest");
    expect(ApiErrorSchema.parse((await startModeration(colleague, id)).body).reason).toBe("conflict_of_interest");
    // A declaration is a record: it is not changed afterwards.
    expect((await declare(colleague, id, { conflict: "none" })).status).toBe(409);
    expect((await state(m.commissioner, id)).evaluators).toEqual([
      expect.objectContaining({ userId: colleague.user.id, conflict: true, details: "My sister manages one of the homes." }),
    ]);
  });
});

describe("Several evaluators and moderation", () => {
  it("should hide each evaluator's scores from the others until moderation, then show them side by side to agree and complete", async () => {
    const { id, a, b, criteria } = await closedRequest();
    const offers = [a, b];
    await declare(m.commissioner, id);
    await declare(colleague, id);
    expect(
      (
        await score(
          m.commissioner,
          id,
          grid(offers, criteria, (i) => (i === 0 ? 5 : 2), "First"),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await score(
          colleague,
          id,
          grid(offers, criteria, (i) => (i === 0 ? 3 : 2), "Second"),
        )
      ).status,
    ).toBe(200);

    const before = await state(colleague, id);
    expect(before.evaluators.find((e) => e.userId === m.commissioner.user.id)!.scores).toBeNull();
    expect(before.evaluators.find((e) => e.userId === colleague.user.id)!.scores).toHaveLength(8);
    expect(JSON.stringify(before)).not.toContain("First:");
    // Nor does the request's view carry any evaluator's scores or reasons.
    expect(JSON.stringify(await view(m.commissioner, id))).not.toContain("First:");

    // Completion needs moderation first.
    expect(ApiErrorSchema.parse((await complete(m.commissioner, id)).body).reason).toBe("not_moderator");

    expect((await startModeration(colleague, id)).status).toBe(200);
    const side = await state(m.commissioner, id);
    expect(side.moderation).toMatchObject({ moderatorId: colleague.user.id, agreed: [] });
    expect(side.evaluators.map((e) => e.scores?.length)).toEqual([8, 8]);
    expect(side.you).toMatchObject({ mayScore: false, mayModerate: false });
    // Evaluators' scores are fixed once moderation starts; only the moderator agrees scores.
    expect(
      (
        await score(
          m.commissioner,
          id,
          grid(offers, criteria, () => 1, "Late"),
        )
      ).status,
    ).toBe(409);
    expect(
      ApiErrorSchema.parse(
        (
          await moderate(
            m.commissioner,
            id,
            grid(offers, criteria, () => 1, "Agreed"),
          )
        ).body,
      ).reason,
    ).toBe("not_moderator");

    const agreed = grid(offers, criteria, (i) => (i === 0 ? 4 : 2), "Agreed");
    expect((await moderate(colleague, id, agreed)).status).toBe(200);
    // Two evaluators: the note says how they agreed.
    const noNote = await complete(colleague, id);
    expect(noNote.status).toBe(409);
    expect(ApiErrorSchema.parse(noNote.body).issues!.map((i) => i.path)).toEqual(["note"]);
    expect((await moderate(colleague, id, agreed, "Agreed 4 for A: the first evaluator's 5 did not allow for the staffing gap.")).status).toBe(200);

    const done = await complete(colleague, id);
    expect(done.status).toBe(200);
    const evaluated = RequestViewResponseSchema.parse(done.body).data;
    expect(evaluated.request.state).toBe("evaluated");
    // The agreed scores are what the quality score uses: 4 of 5 on every criterion is 70 x 16/20 = 56.
    const rowA = evaluated.evaluation.find((e) => e.offerId === a.id)!;
    expect(rowA.qualityScore).toBe(56);
    expect(rowA.reasons[criteria[0]!]).toBe(`Agreed: offer 0 on ${criteria[0]} scores 4`);

    const actions = await query<{ action: string }>("SELECT action FROM audit_log WHERE record_id = $1 AND action LIKE 'evaluation.%' ORDER BY seq", [id]);
    expect(actions.map((r) => r.action)).toEqual([
      "evaluation.declare",
      "evaluation.declare",
      "evaluation.score",
      "evaluation.score",
      "evaluation.moderation_start",
      "evaluation.moderate",
      "evaluation.moderate",
    ]);
  });

  it("should refuse to start moderation while an evaluator's scores or reasons are missing, naming them", async () => {
    const { id, a, b, criteria } = await closedRequest();
    await declare(m.commissioner, id);
    await declare(admin, id);
    await score(
      m.commissioner,
      id,
      grid([a, b], criteria, () => 3, "First"),
    );
    await score(admin, id, grid([a, b], criteria, () => 3, "Admin").slice(1));
    const res = await startModeration(m.commissioner, id);
    expect(res.status).toBe(409);
    const body = ApiErrorSchema.parse(res.body);
    expect(body.reason).toBe("scores_missing");
    expect(body.issues).toHaveLength(2);
    expect(body.issues!.every((i) => i.path.startsWith(`evaluators.${admin.user.id}.`))).toBe(true);
    expect(body.message).toContain("choose a score from 0 to 5");
    expect(body.message).toContain("give the reason for the score");
    expect((await state(m.commissioner, id)).moderation).toBeNull();
  });

  it("should list every missing agreed score and reason at completion with one evaluator, and complete without a note", async () => {
    const { id, a, b, criteria } = await closedRequest();
    await declare(m.commissioner, id);
    const scores = grid([a, b], criteria, () => 3, "Only");
    await score(m.commissioner, id, scores);
    expect((await startModeration(m.commissioner, id)).status).toBe(200);
    const partial = scores.map((s, i) => (i === 0 ? { ...s, reason: "" } : i === 1 ? { ...s, score: null } : s));
    await moderate(m.commissioner, id, partial);
    const res = await complete(m.commissioner, id);
    expect(res.status).toBe(409);
    expect(ApiErrorSchema.parse(res.body).issues!.map((i) => i.path)).toEqual([
      `scores.${partial[0]!.offerId}.${criteria[0]}.reason`,
      `scores.${partial[1]!.offerId}.${criteria[1]}.score`,
    ]);
    expect((await view(m.commissioner, id)).request.state).toBe("closed");
    await moderate(m.commissioner, id, scores);
    expect((await complete(m.commissioner, id)).status).toBe(200);
    // Completed: nothing changes any more.
    expect((await moderate(m.commissioner, id, scores, "Later")).status).toBe(409);
  });
});

describe("What providers and other councils see", () => {
  it("should show each provider its own offer's agreed reasons after the outcome, never a rival's, and evaluators' own scores to nobody outside the council", async () => {
    const { id, a, b, criteria } = await closedRequest();
    await declare(m.commissioner, id);
    const scores = grid([a, b], criteria, (i) => (i === 0 ? 5 : 2), "Panel");
    await score(m.commissioner, id, scores);
    await startModeration(m.commissioner, id);
    await moderate(m.commissioner, id, scores);
    await complete(m.commissioner, id);

    // Before the outcome a provider sees no scores or reasons.
    expect((await view(m.providers[1]!.person, id)).evaluation).toEqual([]);
    expect((await request(t.app).post(R(id, "/award")).set(m.commissioner.auth).send({ offerId: a.id, reasons: "Best quality." })).status).toBe(200);

    const loser = await view(m.providers[1]!.person, id);
    expect(loser.evaluation).toHaveLength(1);
    expect(loser.evaluation[0]!.reasons).toEqual(Object.fromEntries(criteria.map((c) => [c, `Panel: offer 1 on ${c} scores 2`])));
    expect(JSON.stringify(loser)).not.toContain("offer 0 on");
    const winner = await view(m.providers[0]!.person, id);
    expect(winner.evaluation[0]!.reasons[criteria[0]!]).toBe(`Panel: offer 0 on ${criteria[0]} scores 5`);
    expect(JSON.stringify(winner)).not.toContain("offer 1 on");

    // The evaluation itself (declarations, evaluators' scores) and its report are the council's alone.
    for (const path of ["/evaluation", "/evaluation-report.csv"]) {
      expect((await request(t.app).get(R(id, path)).set(m.providers[0]!.person.auth)).status).toBe(403);
      expect((await request(t.app).get(R(id, path)).set(m.otherCommissioner.auth)).status).toBe(404);
      expect((await request(t.app).get(R(id, path)).set(m.outsider.auth)).status).toBe(404);
    }
    expect((await declare(m.otherCommissioner, id)).status).toBe(404);
  });
});

describe("GET /api/v1/placement-requests/:id/evaluation-report.csv", () => {
  it("should download every evaluator's scores and reasons, the agreed ones, totals and ranks, declarations and the moderation, safe for spreadsheets", async () => {
    const { id, a, b, criteria } = await closedRequest();
    await declare(m.commissioner, id);
    await declare(colleague, id);
    await declare(admin, id, { conflict: "yes", details: '=HYPERLINK("http://x")' });
    const first = grid([a, b], criteria, () => 4, "First");
    await score(m.commissioner, id, first);
    await score(
      colleague,
      id,
      grid([a, b], criteria, () => 2, "Second, with a comma"),
    );
    await startModeration(m.commissioner, id);
    await moderate(
      m.commissioner,
      id,
      grid([a, b], criteria, () => 3, "Agreed"),
      "Met on 3 December; agreed the middle.",
    );
    expect((await complete(m.commissioner, id)).status).toBe(200);

    const res = await request(t.app).get(R(id, "/evaluation-report.csv")).set(m.commissioner.auth);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="evaluation-report-${id}.csv"`);
    const text = res.text;
    expect(text.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsvRows(text).map((r) => r.cells);
    const names = [m.commissioner, colleague].map((u) => u.user.displayName ?? u.user.email);
    expect(rows[1]).toEqual([
      "Offer",
      "Criterion",
      `${names[0]}: score`,
      `${names[0]}: reason`,
      `${names[1]}: score`,
      `${names[1]}: reason`,
      "Agreed score",
      "Agreed reason",
    ]);
    const aName = `${a.settingName} (${a.organisationName})`;
    const label = (await view(m.commissioner, id)).request.criteria[0]!.label;
    expect(rows).toContainEqual([
      aName,
      label,
      "4",
      `First: offer 0 on ${criteria[0]} scores 4`,
      "2",
      `Second, with a comma: offer 0 on ${criteria[0]} scores 2`,
      "3",
      `Agreed: offer 0 on ${criteria[0]} scores 3`,
    ]);
    // Totals and ranks: quality 70 x 12/20 = 42 for both; the cheaper offer (A) gets the full 30.
    expect(rows).toContainEqual([aName, "1500.00", "42", "30", "72", "1"]);
    // The declarations, a formula among them written as text; the moderation with its note.
    expect(rows).toContainEqual([expect.any(String), "Yes", `'=HYPERLINK("http://x")`, expect.any(String)]);
    expect(rows).toContainEqual([names[0], expect.any(String), "Met on 3 December; agreed the middle.", expect.any(String)]);
  });
});
