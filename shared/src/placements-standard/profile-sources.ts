import type { ChildProfileUpdateInput, ChildProfileValues } from "../schemas/children";

/** Our top-level key beside the standard's entities, for the profile fields the standard lacks. */
export const EXTENSION_KEY = "placementExchange";

/** Profile fields the standard lacks, carried in placementExchange (plus riskTrajectories). */
export const EXTENSION_FIELDS = [
  "reference",
  "birthMonth",
  "sex",
  "homeOutcode",
  "schoolYear",
  "primaryNeed",
  "secondaryNeeds",
  "ehcPlanStatus",
  "sectionB",
  "sectionE",
  "sectionF",
  "staffingRatio",
  "therapies",
  "lotNumber",
  "priceBand",
  "neededBy",
  "preferredSettingId",
  "maxTravelKm",
] as const satisfies readonly (keyof ChildProfileUpdateInput)[];
export type ExtensionField = (typeof EXTENSION_FIELDS)[number];

/** Where a profile field comes from in a referral, when the standard carries it. */
export const STANDARD_SOURCE_OF = {
  pdsChildId: "PlacementAvailability.childId",
  siblingCount: "PlacementAvailability.siblingCount",
  preferredLocation: "PlacementAvailability.preferredLocation",
  requirements: "PlacementRequirements",
  recommendation: "PlacementRecommendation",
  risks: "Risks",
  riskOther: "Risks.riskOther",
  riskToOthersOther: "Risks.riskToOthersOther",
  referralDate: "QualityAssurance.referralDate",
} as const satisfies Partial<Record<keyof ChildProfileValues, string>>;

export const standardSourceOf = (field: string): string | undefined => (STANDARD_SOURCE_OF as Record<string, string>)[field];

/**
 * A problem found with a profile field (e.g. "body.riskOther", from the checks every profile
 * goes through) restated where the council put it in the referral ("body.Risks.riskOther").
 */
export function referralPathOf(path: string, at = "body"): string {
  if (!path.startsWith(`${at}.`)) return path;
  const [field = "", ...rest] = path.slice(at.length + 1).split(".");
  return [at, standardSourceOf(field) ?? `${EXTENSION_KEY}.${field}`, ...rest].join(".");
}
