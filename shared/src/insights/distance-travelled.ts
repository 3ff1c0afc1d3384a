import { PDS_RISK_CODES } from "../codes/directory";
import { INCIDENT_KINDS, type IncidentCounts, type IncidentKind, type OutcomeScore, type ReviewKind, type ReviewRisk } from "../codes/outcomes";
import type { DistanceTravelled } from "../schemas/outcome-reviews";

/**
 * Distance travelled (issue 13): the change in a child's outcomes over a placement, drawn from
 * its submitted reviews only (a draft may still change). Pure, so the API, the PDS export, the
 * insights facts and the tests compute the same numbers.
 */

export interface DistanceOutcome {
  id: string;
  statement: string;
  position: number;
  retired: boolean;
}

export interface DistanceReview {
  kind: ReviewKind;
  status: "draft" | "submitted";
  reviewDate: string;
  scores: readonly OutcomeScore[];
  /** Null (or empty) only on a draft: submitting requires them. */
  incidents: Partial<IncidentCounts> | null;
  risks: readonly ReviewRisk[];
}

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
const round2 = (n: number) => Math.round(n * 100) / 100;
const countOf = (incidents: Partial<IncidentCounts> | null, kind: IncidentKind) => incidents?.[kind] ?? 0;

/**
 * Incidents since the previous submitted review (the baseline, or the placement's start when
 * there is none), as a rate per 4 weeks: count / days * 28. A review on the same day as the
 * previous one covers no time and has no rate.
 */
function incidentRatesOf(baseline: DistanceReview | undefined, reviews: DistanceReview[], startDate: string): DistanceTravelled["incidentRates"] {
  const rates: DistanceTravelled["incidentRates"] = [];
  let previous = baseline?.reviewDate ?? startDate;
  for (const review of reviews) {
    const days = daysBetween(previous, review.reviewDate);
    previous = review.reviewDate;
    if (days <= 0) continue;
    const per4Weeks = Object.fromEntries(INCIDENT_KINDS.map((k) => [k, round2((countOf(review.incidents, k) / days) * 28)])) as IncidentCounts;
    const total = INCIDENT_KINDS.reduce((sum, k) => sum + countOf(review.incidents, k), 0);
    rates.push({ reviewDate: review.reviewDate, weeks: round2(days / 7), per4Weeks, total: round2((total / days) * 28) });
  }
  return rates;
}

/** Each risk any submitted review assessed, in the standard's order, with its trajectory at each review that assessed it. */
function riskTrajectoriesOf(submitted: DistanceReview[]): DistanceTravelled["risks"] {
  return PDS_RISK_CODES.flatMap((code) => {
    const points = submitted.flatMap((r) =>
      r.risks.filter((risk) => risk.code === code).map((risk) => ({ reviewDate: r.reviewDate, trajectory: risk.trajectory })),
    );
    return points.length > 0 ? [{ code, points }] : [];
  });
}

export interface DistanceTravelledInput {
  placementId: string;
  startDate: string;
  /** The child's outcomes, current and retired. */
  outcomes: readonly DistanceOutcome[];
  /** The placement's reviews in any order, drafts included (they are left out). */
  reviews: readonly DistanceReview[];
}

export function distanceTravelled({ placementId, startDate, outcomes, reviews }: DistanceTravelledInput): DistanceTravelled {
  const submitted = reviews
    .filter((r) => r.status === "submitted")
    .sort((a, b) => (a.kind === b.kind ? a.reviewDate.localeCompare(b.reviewDate) : a.kind === "baseline" ? -1 : 1));
  const baseline = submitted.find((r) => r.kind === "baseline");
  const later = submitted.filter((r) => r.kind === "review");
  const scoreIn = (review: DistanceReview | undefined, outcomeId: string) => review?.scores.find((s) => s.outcomeId === outcomeId)?.score ?? null;
  const everScored = new Set(submitted.flatMap((r) => r.scores.map((s) => s.outcomeId)));

  // A retired outcome stays while a submitted review scored it: its history is still the child's.
  const shown = outcomes.filter((o) => !o.retired || everScored.has(o.id)).sort((a, b) => Number(a.retired) - Number(b.retired) || a.position - b.position);
  const rows = shown.map((o) => {
    const base = scoreIn(baseline, o.id);
    const points = later.map((r) => {
      const score = scoreIn(r, o.id);
      return { reviewDate: r.reviewDate, score, change: score !== null && base !== null ? score - base : null };
    });
    return { outcomeId: o.id, statement: o.statement, baseline: base, points };
  });

  const changes = rows.flatMap((row) => {
    const latest = row.points.filter((p) => p.score !== null).at(-1);
    return latest?.change !== null && latest?.change !== undefined ? [latest.change] : [];
  });
  return {
    placementId,
    baselineDate: baseline?.reviewDate ?? null,
    reviewDates: later.map((r) => r.reviewDate),
    outcomes: rows,
    incidentRates: incidentRatesOf(baseline, later, startDate),
    risks: riskTrajectoriesOf(submitted),
    meanChange: changes.length > 0 ? round2(changes.reduce((a, b) => a + b, 0) / changes.length) : null,
  };
}
