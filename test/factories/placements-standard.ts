/**
 * A referral exactly as the Placements Data Standard v2 shapes it (entities keyed by name,
 * fields by the standard's names and options): what a council's own system would send us.
 */
export function pdsReferral(overrides: { childId?: number; risks?: Record<string, string> } = {}): Record<string, unknown> {
  return {
    PlacementAvailability: {
      childId: overrides.childId ?? 100000 + Math.floor(Math.random() * 899999),
      neededBy: "in less than 5 days",
      siblingCount: 0,
      preferredLocation: "Greater Manchester",
    },
    PlacementRequirements: {
      communicationNeeds: "Y",
      specificCommunicationRequirements: ["Makaton"],
      homeAdaptation: false,
      culturalNeeds: "Not required",
      livingCompanions: "Only with other younger children",
      pets: "Yes - can",
      additionalSupport: "therapeutic support",
      deprivationOfLiberty: false,
    },
    PlacementRecommendation: {
      fosterCareSuitability: "Unsuitable",
      residentialCareSuitability: "Preferred",
      supportedAccommodationSuitability: "Suitable but not preferred",
    },
    Risks: {
      riskSelfHarm: "Risk Present",
      riskSexualExploitation: "No known risk",
      riskCriminalExploitation: "No known risk",
      riskDrugAlcohol: "No known risk",
      riskEatingDisorder: "No known risk",
      riskMissing: "Risk Present",
      riskToOthersPhysical: "No known risk",
      riskToOthersSexual: "No known risk",
      riskToOthersFire: "No known risk",
      riskToOthersAnimals: "No known risk",
      riskToOthersCriminal: "No known risk",
      ...overrides.risks,
    },
    QualityAssurance: { referralDate: "2026-11-02" },
  };
}
