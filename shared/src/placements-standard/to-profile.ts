import { PDS_RISK_CODES } from "../codes/directory";
import type { ChildProfileValues, ChildRequirements } from "../schemas/children";
import { neededByDate } from "./needed-by";
import type { PdsReferral } from "./referral-types";

/** A risk marked present with no trajectory in placementExchange.riskTrajectories: present now, so current. */
export const DEFAULT_RISK_TRAJECTORY = "current";

/** The standard's reference for a child that the council gave no reference of its own for. */
export const referenceForChildId = (childId: number) => `PDS-${childId}`;

function requirementsOf({ PlacementRequirements: r }: PdsReferral): ChildRequirements {
  return {
    communicationNeeds: r.communicationNeeds,
    specificCommunicationRequirements: r.specificCommunicationRequirements,
    homeAdaptation: r.homeAdaptation,
    culturalNeeds: r.culturalNeeds,
    livingCompanions: r.livingCompanions,
    pets: r.pets,
    additionalSupport: r.additionalSupport ?? null,
    deprivationOfLiberty: r.deprivationOfLiberty ?? null,
  };
}

/**
 * A validated referral as the profile to store. What neither the standard nor the extension
 * gives stays empty (missingForMatching then says what matching still needs).
 * QualityAssurance.referralOfficerName is not kept: a member of staff's name is not needed to
 * place a child, and the audit log records who imported the referral.
 *
 * @param today the database's today, from which "needed by" urgency becomes a date.
 */
export function referralToProfile(referral: PdsReferral, today: string): ChildProfileValues {
  const { PlacementAvailability: availability, PlacementRecommendation: recommendation, Risks: risks } = referral;
  const ext = referral.placementExchange ?? {};
  return {
    reference: ext.reference ?? referenceForChildId(availability.childId),
    birthMonth: ext.birthMonth ?? null,
    sex: ext.sex ?? null,
    homeOutcode: ext.homeOutcode ?? null,
    schoolYear: ext.schoolYear ?? null,
    primaryNeed: ext.primaryNeed ?? null,
    secondaryNeeds: ext.secondaryNeeds ?? [],
    ehcPlanStatus: ext.ehcPlanStatus ?? null,
    sectionB: ext.sectionB ?? "",
    sectionE: ext.sectionE ?? "",
    sectionF: ext.sectionF ?? "",
    staffingRatio: ext.staffingRatio ?? null,
    therapies: ext.therapies ?? [],
    lotNumber: ext.lotNumber ?? null,
    priceBand: ext.priceBand ?? null,
    neededBy: ext.neededBy ?? (availability.neededBy ? neededByDate(availability.neededBy, today) : null),
    preferredSettingId: ext.preferredSettingId ?? null,
    maxTravelKm: ext.maxTravelKm ?? null,
    siblingCount: availability.siblingCount ?? null,
    preferredLocation: availability.preferredLocation ?? null,
    requirements: requirementsOf(referral),
    recommendation: {
      fosterCareSuitability: recommendation.fosterCareSuitability,
      residentialCareSuitability: recommendation.residentialCareSuitability,
      supportedAccommodationSuitability: recommendation.supportedAccommodationSuitability,
    },
    risks: PDS_RISK_CODES.filter((code) => risks[code] === "Risk Present").map((code) => ({
      code,
      trajectory: ext.riskTrajectories?.[code] ?? DEFAULT_RISK_TRAJECTORY,
    })),
    riskOther: risks.riskOther ?? null,
    riskToOthersOther: risks.riskToOthersOther ?? null,
    pdsChildId: availability.childId,
    referralDate: referral.QualityAssurance?.referralDate ?? null,
  };
}
