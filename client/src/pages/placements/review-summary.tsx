import type { ReactNode } from "react";
import { INCIDENT_KIND_LABELS, INCIDENT_KINDS, REVIEW_RISK_TRAJECTORY_LABELS, REVIEW_STABILITY_LABELS } from "@shared/codes/outcomes";
import type { OutcomeReview } from "@shared/schemas/outcome-reviews";
import { SummaryList, type SummaryRow } from "../../components/summary-list";
import { riskLabel, scoreLabel, viewLabel } from "./labels";

type Measures = Pick<OutcomeReview, "scores" | "attendancePercent" | "incidents" | "risks" | "stability" | "notes">;

const NOT_RECORDED = "Not recorded";

function plainList(items: ReactNode[]) {
  if (items.length === 0) return NOT_RECORDED;
  return (
    <ul className="govuk-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}

/** What a review (or the provider's view of it) recorded, in the words of the form. */
export function measureRows(measures: Measures, statementOf: (outcomeId: string) => string): SummaryRow[] {
  const { incidents } = measures;
  return [
    { key: "Progress", value: plainList(measures.scores.map((s) => `${statementOf(s.outcomeId)}: ${scoreLabel(s.score)}`)) },
    { key: "Attendance", value: measures.attendancePercent === null ? NOT_RECORDED : `${measures.attendancePercent}%` },
    { key: "Incidents", value: incidents ? plainList(INCIDENT_KINDS.map((kind) => `${INCIDENT_KIND_LABELS[kind]}: ${incidents[kind]}`)) : NOT_RECORDED },
    { key: "Risks", value: plainList(measures.risks.map((r) => `${riskLabel(r.code)}: ${REVIEW_RISK_TRAJECTORY_LABELS[r.trajectory].toLowerCase()}`)) },
    { key: "Stability", value: measures.stability ? REVIEW_STABILITY_LABELS[measures.stability] : NOT_RECORDED },
    { key: "Notes", value: measures.notes || "None" },
  ];
}

/** The council's review: its measures and the child's and family's views. */
export function ReviewSummary({ review, statementOf }: { review: OutcomeReview; statementOf(outcomeId: string): string }) {
  const rows = measureRows(review, statementOf);
  rows.splice(
    rows.length - 1,
    0,
    { key: "Child’s view", value: review.childView === null ? NOT_RECORDED : viewLabel(review.childView) },
    { key: "Family’s view", value: review.familyView === null ? NOT_RECORDED : viewLabel(review.familyView) },
  );
  return <SummaryList rows={rows} />;
}

/** A lookup of outcome statements, "Outcome no longer in the plan" for one it cannot find. */
export function statementsOf(outcomes: readonly { id: string; statement: string }[]): (outcomeId: string) => string {
  const byId = new Map(outcomes.map((o) => [o.id, o.statement]));
  return (outcomeId) => byId.get(outcomeId) ?? "An outcome no longer in the plan";
}
