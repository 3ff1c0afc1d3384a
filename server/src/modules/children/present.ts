import { type ChildProfile, MATCHING_REQUIRED_FIELDS } from "@shared/schemas/children";
import { isoDate } from "../../db/dates";
import type { ChildProfileRow } from "../../db/schema";
import { ageForPlacement } from "./age";

/** The answers matching works from, reckoned as the profile shows them (the same age, the same missing fields). */
export type MatchingAnswers = Pick<
  ChildProfile,
  | "ageOnNeededBy"
  | "missingForMatching"
  | "sex"
  | "primaryNeed"
  | "secondaryNeeds"
  | "homeOutcode"
  | "lotNumber"
  | "priceBand"
  | "risks"
  | "maxTravelKm"
  | "preferredSettingId"
>;

export function matchingAnswers(row: ChildProfileRow, today: string): MatchingAnswers {
  return {
    ageOnNeededBy: ageForPlacement(row.birthMonth, isoDate(row.neededBy), today),
    missingForMatching: MATCHING_REQUIRED_FIELDS.filter((field) => row[field] === null),
    sex: row.sex,
    primaryNeed: row.primaryNeed as ChildProfile["primaryNeed"],
    secondaryNeeds: row.secondaryNeeds as ChildProfile["secondaryNeeds"],
    homeOutcode: row.homeOutcode,
    lotNumber: row.lotNumber,
    priceBand: row.priceBand as ChildProfile["priceBand"],
    risks: row.risks,
    maxTravelKm: row.maxTravelKm,
    preferredSettingId: row.preferredSettingId,
  };
}

/** Row -> the profile as its council's commissioners see it (a whitelist: new columns never leak). */
export function presentChild(
  row: ChildProfileRow,
  extra: Pick<ChildProfile, "organisationName" | "preferredSettingName" | "requests" | "currentPlacement"> & { today: string },
): ChildProfile {
  const neededBy = isoDate(row.neededBy);
  return {
    ...matchingAnswers(row, extra.today),
    id: row.id,
    organisationId: row.organisationId,
    organisationName: extra.organisationName,
    reference: row.reference,
    birthMonth: row.birthMonth,
    schoolYear: row.schoolYear,
    ehcPlanStatus: row.ehcPlanStatus as ChildProfile["ehcPlanStatus"],
    sectionB: row.sectionB,
    sectionE: row.sectionE,
    sectionF: row.sectionF,
    staffingRatio: row.staffingRatio as ChildProfile["staffingRatio"],
    therapies: row.therapies as ChildProfile["therapies"],
    neededBy,
    preferredSettingName: extra.preferredSettingName,
    siblingCount: row.siblingCount,
    preferredLocation: row.preferredLocation,
    requirements: row.requirements,
    recommendation: row.recommendation,
    riskOther: row.riskOther,
    riskToOthersOther: row.riskToOthersOther,
    pdsChildId: row.pdsChildId,
    referralDate: isoDate(row.referralDate),
    status: row.status,
    unanswered: row.unanswered,
    requests: extra.requests,
    currentPlacement: extra.currentPlacement,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
