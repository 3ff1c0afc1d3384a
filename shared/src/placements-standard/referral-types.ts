import type { NEEDED_BY_URGENCY, PLACEMENT_TYPES } from "../codes/children";
import type { PdsRisk } from "../codes/directory";
import type { ChildRecommendation, ChildRequirements } from "../schemas/children";
import type { PlacementExchangeExtension } from "./extension";

/**
 * The standard's entities as TypeScript sees them once validateReferral has passed a document.
 * The definition is JSON, so these are written out; tests check them against definition.json
 * (the option lists, and that every exported document validates).
 */

/** PDS Risks: each risk field is one of these. */
export const RISK_PRESENCE = ["No known risk", "Risk Present"] as const;
export type RiskPresence = (typeof RISK_PRESENCE)[number];
export type NeededByUrgency = (typeof NEEDED_BY_URGENCY)[number];

/** A 0..1 field arrives absent or null; we send it absent. */
type Optional<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

export interface PdsPlacementAvailability {
  childId: number;
  neededBy?: NeededByUrgency | null;
  siblingCount?: number | null;
  preferredLocation?: string | null;
}
/** The profile's requirements are the standard's, field for field. */
export type PdsPlacementRequirements = Optional<ChildRequirements, "additionalSupport" | "deprivationOfLiberty">;
export type PdsRisks = Record<PdsRisk, RiskPresence> & { riskOther?: string | null; riskToOthersOther?: string | null };
/** QualityAssurance at the referral stage: the placement and cost fields come with the placement. */
export interface PdsReferralQualityAssurance {
  referralDate: string;
  referralOfficerName?: string | null;
}
export interface PdsActualPlacement {
  totalWeeklyCost: number;
  placementLocation: string;
  preferabilityLocation: boolean;
  educationContinuity: boolean;
  providerURN: string;
  siblingsPlacedTogether: number;
  placementType: (typeof PLACEMENT_TYPES)[number];
}

export interface PdsReferral {
  PlacementAvailability: PdsPlacementAvailability;
  PlacementRequirements: PdsPlacementRequirements;
  PlacementRecommendation: ChildRecommendation;
  Risks: PdsRisks;
  QualityAssurance?: PdsReferralQualityAssurance;
  /** Ours, beside the standard's entities: see extension.ts. */
  placementExchange?: PlacementExchangeExtension;
}

/** What we send back: the referral, and the agreed placement once there is one. */
export type PdsPlacementDocument = PdsReferral & { ActualPlacement?: PdsActualPlacement };
