/**
 * Codes for a child's needs profile. Option lists marked "PDS" are the Placements Data Standard
 * v2's own options, verbatim (shared/src/placements-standard/definition.json), so a referral
 * in that standard maps onto a profile without translation.
 */

/** Recorded for matching against a setting's "boys / girls / mixed". */
export const CHILD_SEXES = ["female", "male"] as const;
export type ChildSex = (typeof CHILD_SEXES)[number];
export const CHILD_SEX_LABELS: Record<ChildSex, string> = { female: "Female", male: "Male" };

/** Where the child's education, health and care plan has got to. */
export const EHC_PLAN_STATUSES = ["none", "assessment", "draft", "final", "under_review"] as const;
export type EhcPlanStatus = (typeof EHC_PLAN_STATUSES)[number];
export const EHC_PLAN_STATUS_LABELS: Record<EhcPlanStatus, string> = {
  none: "No EHC plan",
  assessment: "Being assessed for an EHC plan",
  draft: "Draft EHC plan",
  final: "Final EHC plan",
  under_review: "EHC plan under review",
};

/** How a present risk is moving. Current and escalating risks must be managed by the setting. */
export const RISK_TRAJECTORIES = ["historic", "current", "escalating"] as const;
export type RiskTrajectory = (typeof RISK_TRAJECTORIES)[number];
export const RISK_TRAJECTORY_LABELS: Record<RiskTrajectory, string> = {
  historic: "Historic",
  current: "Current",
  escalating: "Escalating",
};

/** PDS PlacementRequirements.communicationNeeds */
export const COMMUNICATION_NEEDS = ["Y", "N", "Not Specified"] as const;
/** PDS PlacementRequirements.specificCommunicationRequirements */
export const COMMUNICATION_REQUIREMENTS = ["ESOL", "BSL", "Makaton", "Other", "None"] as const;
/** PDS PlacementRequirements.culturalNeeds */
export const CULTURAL_NEEDS = ["Required", "Not required", "Not Known", "Other"] as const;
/** PDS PlacementRequirements.livingCompanions */
export const LIVING_COMPANIONS = [
  "Solo placement recommended",
  "With other children recommended",
  "Only with other older children",
  "Only with other younger children",
  "No preference",
] as const;
/** PDS PlacementRequirements.pets */
export const PETS = ["Yes - must", "Yes - can", "No", "Not Known"] as const;
/** PDS PlacementRequirements.additionalSupport */
export const ADDITIONAL_SUPPORT = [
  "additional supervision",
  "therapeutic support",
  "a worker for respite",
  "taxis to school",
  "NA",
  "other (please specify)",
] as const;
/** PDS PlacementRecommendation.*Suitability */
export const SUITABILITY = ["Preferred", "Suitable but not preferred", "Unsuitable", "Not specified"] as const;
/** PDS PlacementAvailability.neededBy */
export const NEEDED_BY_URGENCY = ["Today", "in less than 5 days", "in more than 5 days"] as const;
/** PDS ActualPlacement.placementType */
export const PLACEMENT_TYPES = ["Residential", "Foster", "Supported Accommodation"] as const;
