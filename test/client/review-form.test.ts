import { ErrorCode } from "@shared/errors";
import { OutcomeReviewInputSchema } from "@shared/schemas/outcome-reviews";
import { ApiRequestError } from "../../client/src/api/http";
import { errorsFromApi, errorsFromZod } from "../../client/src/components/form-errors";
import { reviewFieldIds } from "../../client/src/pages/placements/review-fields";
import { reviewFormFrom, type ReviewFormState, reviewInput, startingRisks } from "../../client/src/pages/placements/review-form-state";

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const OUTCOMES = [
  { id: A, statement: "Travels to college alone" },
  { id: B, statement: "Asks for help in class" },
];
const blank = (): ReviewFormState => reviewFormFrom(undefined, "2026-03-02", {});
const inputOf = (state: ReviewFormState, before = {}) => reviewInput("review", state, [A, B], before);

// The review form turns what was typed into the API's body, and the API's answers back into errors beside the fields.
describe("the review form", () => {
  it("should send a draft with nothing chosen as empty values the schema accepts, not as zeros", () => {
    const parsed = OutcomeReviewInputSchema.parse(inputOf(blank()));
    expect(parsed).toMatchObject({
      reviewDate: "2026-03-02",
      scores: [],
      attendancePercent: null,
      incidents: null,
      risks: [],
      stability: null,
      childView: null,
    });
  });

  it("should send the chosen scores in the plan's order and the views as numbers", () => {
    const state = { ...blank(), scores: { [B]: "3", [A]: "5" }, familyView: "2" };
    expect(OutcomeReviewInputSchema.parse(inputOf(state))).toMatchObject({
      scores: [
        { outcomeId: A, score: 5 },
        { outcomeId: B, score: 3 },
      ],
      familyView: 2,
    });
  });

  it("should leave out a risk never present, and send one that has gone as 'none'", () => {
    const before = startingRisks(undefined, [{ code: "riskMissing", trajectory: "current" }]);
    const state = {
      ...reviewFormFrom(undefined, "2026-03-02", before),
      risks: { riskMissing: "none" as const, riskSelfHarm: "none" as const, riskDrugAlcohol: "historic" as const },
    };
    expect(OutcomeReviewInputSchema.parse(inputOf(state, before)).risks).toEqual([
      { code: "riskMissing", trajectory: "none" },
      { code: "riskDrugAlcohol", trajectory: "historic" },
    ]);
  });

  it("should start a review's risks from the latest earlier review rather than the profile", () => {
    const previous = { risks: [{ code: "riskMissing", trajectory: "historic" }] } as unknown as Parameters<typeof startingRisks>[0];
    expect(startingRisks(previous, [{ code: "riskMissing", trajectory: "escalating" }])).toEqual({ riskMissing: "historic" });
  });

  it("should name a half-filled incident row's empty count beside its own box", () => {
    const state = { ...blank(), incidents: { ...blank().incidents, missingEpisodes: "1" } };
    const parsed = OutcomeReviewInputSchema.safeParse(inputOf(state));
    expect(parsed.success).toBe(false);
    const errors = errorsFromZod(reviewFieldIds(OUTCOMES, state, []), parsed.error!);
    expect(errors.summary.map((s) => s.fieldId)).toEqual([
      "review-incidents-exclusions",
      "review-incidents-policeContacts",
      "review-incidents-physicalInterventions",
      "review-incidents-hospitalAdmissions",
    ]);
  });

  it("should link each field a refused submit names to its place, 'score every outcome' to the first one unscored", () => {
    const state = { ...blank(), scores: { [A]: "2" } };
    const refusal = new ApiRequestError(400, {
      code: ErrorCode.ValidationError,
      message: "Invalid",
      issues: [
        { path: "review.scores", message: "Score progress on every outcome of the plan" },
        { path: "review.stability", message: "Choose how stable the placement is" },
        { path: "review.attendancePercent", message: "Enter attendance" },
        { path: "review.incidents", message: "Enter the incidents" },
        { path: "body.notes", message: "Remove a phone number" },
      ],
    });
    const errors = errorsFromApi(reviewFieldIds(OUTCOMES, state, inputOf(state).scores), refusal);
    expect(Object.fromEntries(errors.summary.map((s) => [s.text, s.fieldId]))).toEqual({
      "Score progress on every outcome of the plan": `review-score-${B}`,
      "Enter attendance": "review-attendance",
      "Enter the incidents": "review-incidents-missingEpisodes",
      "Choose how stable the placement is": "review-stability",
      "Remove a phone number": "review-notes",
    });
  });

  it("should put a refused score, named by its place in the body, on that outcome's radios", () => {
    const state = { ...blank(), scores: { [B]: "4" } };
    const refusal = new ApiRequestError(400, {
      code: ErrorCode.ValidationError,
      message: "Invalid",
      issues: [{ path: "body.scores.0.outcomeId", message: "Score only the outcomes of this child's plan" }],
    });
    expect(errorsFromApi(reviewFieldIds(OUTCOMES, state, inputOf(state).scores), refusal).summary[0]?.fieldId).toBe(`review-score-${B}`);
  });
});
