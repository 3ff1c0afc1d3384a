import type { PdsRisk } from "@shared/codes/directory";
import { INCIDENT_KINDS, type IncidentKind, type ReviewKind, type ReviewRiskTrajectory } from "@shared/codes/outcomes";
import type { ChildRisk } from "@shared/schemas/children";
import type { OutcomeReview, OutcomeReviewInput, ProviderView, ProviderViewInput } from "@shared/schemas/outcome-reviews";
import { type DateParts, datePartsFrom, isoDateFrom } from "../../components/date-input";
import { numberFromInput } from "../../lib/parse-number";

/** What a person has typed or chosen in a review (the council's) or a view of it (the provider's). */
export interface MeasuresState {
  /** Outcome id → "1" to "5". */
  scores: Record<string, string>;
  attendance: string;
  incidents: Record<IncidentKind, string>;
  risks: Partial<Record<PdsRisk, ReviewRiskTrajectory>>;
  stability: string | undefined;
  notes: string;
}

export interface ReviewFormState extends MeasuresState {
  reviewDate: DateParts;
  /** "" while not recorded: the views are optional. */
  childView: string;
  familyView: string;
}

const NO_INCIDENTS = Object.fromEntries(INCIDENT_KINDS.map((kind) => [kind, ""])) as Record<IncidentKind, string>;

type Recorded = Pick<OutcomeReview, "scores" | "attendancePercent" | "incidents" | "risks" | "stability" | "notes">;

function measuresFrom(recorded: Recorded | undefined, startingRisks: MeasuresState["risks"]): MeasuresState {
  if (!recorded) return { scores: {}, attendance: "", incidents: NO_INCIDENTS, risks: startingRisks, stability: undefined, notes: "" };
  const incidents = recorded.incidents;
  return {
    scores: Object.fromEntries(recorded.scores.map((s) => [s.outcomeId, String(s.score)])),
    attendance: recorded.attendancePercent === null ? "" : String(recorded.attendancePercent),
    incidents: incidents ? (Object.fromEntries(INCIDENT_KINDS.map((kind) => [kind, String(incidents[kind])])) as Record<IncidentKind, string>) : NO_INCIDENTS,
    risks: { ...startingRisks, ...risksOf(recorded.risks) },
    stability: recorded.stability ?? undefined,
    notes: recorded.notes,
  };
}

const risksOf = (risks: readonly { code: PdsRisk; trajectory: ReviewRiskTrajectory }[]) =>
  Object.fromEntries(risks.map((r) => [r.code, r.trajectory])) as MeasuresState["risks"];

/**
 * Where a new review's risks start: the latest earlier review's trajectories, or, for the first,
 * the child's profile, so the commissioner changes only what moved.
 */
export function startingRisks(previous: OutcomeReview | undefined, profileRisks: readonly ChildRisk[]): MeasuresState["risks"] {
  return previous ? risksOf(previous.risks) : risksOf(profileRisks);
}

/** A draft being continued, or a new review (dated `date`). */
export function reviewFormFrom(review: OutcomeReview | undefined, date: string | null, risks: MeasuresState["risks"]): ReviewFormState {
  return {
    ...measuresFrom(review, risks),
    reviewDate: datePartsFrom(review?.reviewDate ?? date),
    childView: review?.childView == null ? "" : String(review.childView),
    familyView: review?.familyView == null ? "" : String(review.familyView),
  };
}

/** The provider's view as it stands, or, for a first view, the council's review to start from. */
export function providerViewFormFrom(view: ProviderView | null, review: OutcomeReview): MeasuresState {
  return measuresFrom(view ?? { ...review, notes: "" }, {});
}

/** An empty incident row is "not given" (a draft may leave it); a partly filled one is checked by the schema. */
function incidentsInput(incidents: MeasuresState["incidents"]) {
  if (INCIDENT_KINDS.every((kind) => incidents[kind].trim() === "")) return null;
  return Object.fromEntries(INCIDENT_KINDS.map((kind) => [kind, numberFromInput(incidents[kind])]));
}

/** Risks that were present before or are now: a risk never present and still "none" says nothing. */
function risksInput(risks: MeasuresState["risks"], before: MeasuresState["risks"]) {
  return (Object.entries(risks) as [PdsRisk, ReviewRiskTrajectory][])
    .filter(([code, trajectory]) => trajectory !== "none" || (before[code] !== undefined && before[code] !== "none"))
    .map(([code, trajectory]) => ({ code, trajectory }));
}

const viewInput = (text: string) => (text === "" ? null : Number(text));

/** The measures as the API takes them, unparsed: the shared schema says what is wrong. */
export function measuresInput(state: MeasuresState, outcomeIds: readonly string[], before: MeasuresState["risks"]): Record<keyof ProviderViewInput, unknown> {
  return {
    scores: outcomeIds.filter((id) => state.scores[id]).map((outcomeId) => ({ outcomeId, score: Number(state.scores[outcomeId]) })),
    attendancePercent: numberFromInput(state.attendance) ?? null,
    incidents: incidentsInput(state.incidents),
    risks: risksInput(state.risks, before),
    stability: state.stability ?? null,
    notes: state.notes,
  };
}

export function reviewInput(
  kind: ReviewKind,
  state: ReviewFormState,
  outcomeIds: readonly string[],
  before: MeasuresState["risks"],
): Record<keyof OutcomeReviewInput, unknown> {
  return {
    kind,
    reviewDate: isoDateFrom(state.reviewDate) ?? undefined,
    ...measuresInput(state, outcomeIds, before),
    childView: viewInput(state.childView),
    familyView: viewInput(state.familyView),
  };
}
