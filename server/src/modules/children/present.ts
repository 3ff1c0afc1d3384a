import { type ChildProfile, MATCHING_REQUIRED_FIELDS } from "@shared/schemas/children";
import { isoDate } from "../../db/dates";
import type { ChildProfileRow } from "../../db/schema";
import { ageForPlacement } from "./age";

/** Row -> the profile as its council's commissioners see it (a whitelist: new columns never leak). */
export function presentChild(
  row: ChildProfileRow,
  extra: Pick<ChildProfile, "organisationName" | "preferredSettingName" | "requests" | "currentPlacement"> & { today: string },
): ChildProfile {
  const neededBy = isoDate(row.neededBy);
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: extra.organisationName,
    reference: row.reference,
    birthMonth: row.birthMonth,
    ageOnNeededBy: ageForPlacement(row.birthMonth, neededBy, extra.today),
    sex: row.sex,
    homeOutcode: row.homeOutcode,
    schoolYear: row.schoolYear,
    primaryNeed: row.primaryNeed as ChildProfile["primaryNeed"],
    secondaryNeeds: row.secondaryNeeds as ChildProfile["secondaryNeeds"],
    ehcPlanStatus: row.ehcPlanStatus as ChildProfile["ehcPlanStatus"],
    sectionB: row.sectionB,
    sectionE: row.sectionE,
    sectionF: row.sectionF,
    staffingRatio: row.staffingRatio as ChildProfile["staffingRatio"],
    therapies: row.therapies as ChildProfile["therapies"],
    lotNumber: row.lotNumber,
    priceBand: row.priceBand as ChildProfile["priceBand"],
    neededBy,
    preferredSettingId: row.preferredSettingId,
    preferredSettingName: extra.preferredSettingName,
    maxTravelKm: row.maxTravelKm,
    siblingCount: row.siblingCount,
    preferredLocation: row.preferredLocation,
    requirements: row.requirements,
    recommendation: row.recommendation,
    risks: row.risks,
    riskOther: row.riskOther,
    riskToOthersOther: row.riskToOthersOther,
    pdsChildId: row.pdsChildId,
    referralDate: isoDate(row.referralDate),
    missingForMatching: MATCHING_REQUIRED_FIELDS.filter((field) => row[field] === null),
    status: row.status,
    unanswered: row.unanswered,
    requests: extra.requests,
    currentPlacement: extra.currentPlacement,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
