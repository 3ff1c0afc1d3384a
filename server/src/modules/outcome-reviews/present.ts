import { INCIDENT_KINDS, type IncidentCounts } from "@shared/codes/outcomes";
import type { ChildOutcome, OutcomeReview, ProviderView } from "@shared/schemas/outcome-reviews";
import type { ChildOutcomeRow, OutcomeReviewRow, ProviderReviewViewRow } from "../../db/schema";

/** Stored as {} until given: null, so "none given" is never shown as zero. */
const incidentsOf = (stored: Partial<IncidentCounts>): IncidentCounts | null =>
  INCIDENT_KINDS.every((k) => typeof stored[k] === "number") ? (Object.fromEntries(INCIDENT_KINDS.map((k) => [k, stored[k]])) as IncidentCounts) : null;

export const presentOutcome = (row: ChildOutcomeRow): ChildOutcome => ({
  id: row.id,
  position: row.position,
  statement: row.statement,
  retired: row.retiredAt !== null,
});

export const presentProviderView = (row: ProviderReviewViewRow): ProviderView => ({
  scores: row.scores,
  attendancePercent: row.attendancePercent,
  incidents: incidentsOf(row.incidents),
  risks: row.risks,
  stability: row.stability,
  notes: row.notes,
  submittedAt: row.submittedAt.toISOString(),
  decision: row.decision,
  annotation: row.annotation,
  decidedAt: row.decidedAt?.toISOString() ?? null,
});

export const presentReview = ({ review, view }: { review: OutcomeReviewRow; view: ProviderReviewViewRow | null }): OutcomeReview => ({
  id: review.id,
  placementId: review.placementId,
  kind: review.kind,
  status: review.status,
  reviewDate: review.reviewDate,
  scores: review.scores,
  attendancePercent: review.attendancePercent,
  incidents: incidentsOf(review.incidents),
  risks: review.risks,
  stability: review.stability,
  childView: review.childView,
  familyView: review.familyView,
  notes: review.notes,
  submittedAt: review.submittedAt?.toISOString() ?? null,
  updatedAt: review.updatedAt.toISOString(),
  providerView: view ? presentProviderView(view) : null,
});
