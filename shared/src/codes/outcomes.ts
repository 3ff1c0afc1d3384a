import type { PdsRisk } from "./directory";

/**
 * Codes of an outcome review of a placement (issue 13): what the placing council records at the
 * start (the baseline) and at each review, so the change over the placement ("distance
 * travelled") can be measured.
 */

export const REVIEW_KINDS = ["baseline", "review"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** A draft can still be changed; a submitted review is the council's record and cannot. */
export const REVIEW_STATUSES = ["draft", "submitted"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Progress towards one EHC plan outcome, 1 (no progress) to 5 (fully achieved). */
export const OUTCOME_SCORES = [1, 2, 3, 4, 5] as const;
export type OutcomeScoreValue = (typeof OUTCOME_SCORES)[number];
export const OUTCOME_SCORE_LABELS: Record<OutcomeScoreValue, string> = {
  1: "1 - No progress",
  2: "2 - Some progress",
  3: "3 - Good progress",
  4: "4 - Mostly achieved",
  5: "5 - Fully achieved",
};
export interface OutcomeScore {
  outcomeId: string;
  score: OutcomeScoreValue;
}

/** Incidents since the last review, each a whole count. */
export const INCIDENT_KINDS = ["missingEpisodes", "exclusions", "policeContacts", "physicalInterventions", "hospitalAdmissions"] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  missingEpisodes: "Missing episodes",
  exclusions: "Exclusions",
  policeContacts: "Police contacts",
  physicalInterventions: "Physical interventions",
  hospitalAdmissions: "Hospital admissions",
};
export type IncidentCounts = Record<IncidentKind, number>;

/** A Placements Data Standard risk's trajectory at the review; "none" means no longer present. */
export const REVIEW_RISK_TRAJECTORIES = ["none", "historic", "current", "escalating"] as const;
export type ReviewRiskTrajectory = (typeof REVIEW_RISK_TRAJECTORIES)[number];
export const REVIEW_RISK_TRAJECTORY_LABELS: Record<ReviewRiskTrajectory, string> = {
  none: "None",
  historic: "Historic",
  current: "Current",
  escalating: "Escalating",
};
export interface ReviewRisk {
  code: PdsRisk;
  trajectory: ReviewRiskTrajectory;
}

export const REVIEW_STABILITIES = ["stable", "at_risk", "notice_given"] as const;
export type ReviewStability = (typeof REVIEW_STABILITIES)[number];
export const REVIEW_STABILITY_LABELS: Record<ReviewStability, string> = { stable: "Stable", at_risk: "At risk", notice_given: "Notice given" };

/** The child's or the family's view of the placement, 1 (very unhappy) to 5 (very happy); optional. */
export const VIEW_SCORES = [1, 2, 3, 4, 5] as const;

/** What the council did with a provider's view of a review. */
export const PROVIDER_VIEW_DECISIONS = ["accepted", "annotated"] as const;
export type ProviderViewDecision = (typeof PROVIDER_VIEW_DECISIONS)[number];
