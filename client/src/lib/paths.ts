import { generatePath } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";

export const peoplePath = (organisationId: string) => generatePath(PAGE_PATHS.people, { id: organisationId });
export const organisationContactPath = (organisationId: string) => generatePath(PAGE_PATHS.organisationContact, { id: organisationId });

export const providerSettingPath = (settingId: string) => generatePath(PAGE_PATHS.providerSetting, { id: settingId });
export const providerSettingEditPath = (settingId: string) => generatePath(PAGE_PATHS.providerSettingEdit, { id: settingId });
export const commissionerSettingPath = (settingId: string) => generatePath(PAGE_PATHS.commissionerSetting, { id: settingId });
export const parentReviewRoundPath = (roundId: string) => generatePath(PAGE_PATHS.parentReviewRound, { id: roundId });
export const adminReviewRoundPath = (roundId: string) => generatePath(PAGE_PATHS.adminReviewRound, { id: roundId });
export const publicReviewSummaryPath = (roundId: string) => generatePath(PAGE_PATHS.publicReviewSummary, { id: roundId });
export const commissionerChildPath = (childId: string) => generatePath(PAGE_PATHS.commissionerChild, { id: childId });
export const commissionerChildEditPath = (childId: string) => generatePath(PAGE_PATHS.commissionerChildEdit, { id: childId });
export const commissionerChildQuestionPath = (childId: string, section: string) => generatePath(PAGE_PATHS.commissionerChildQuestion, { id: childId, section });
export const commissionerChildCheckPath = (childId: string) => generatePath(PAGE_PATHS.commissionerChildCheck, { id: childId });
export const commissionerChildMatchesPath = (childId: string) => generatePath(PAGE_PATHS.commissionerChildMatches, { id: childId });
export const commissionerChildRequestNewPath = (childId: string) => generatePath(PAGE_PATHS.commissionerChildRequestNew, { id: childId });
export const commissionerRequestPath = (requestId: string) => generatePath(PAGE_PATHS.commissionerRequest, { id: requestId });
export const providerRequestPath = (requestId: string) => generatePath(PAGE_PATHS.providerRequest, { id: requestId });
export const providerAwardLetterPath = (requestId: string) => generatePath(PAGE_PATHS.providerAwardLetter, { id: requestId });
export const commissionerPlacementPath = (placementId: string) => generatePath(PAGE_PATHS.commissionerPlacement, { id: placementId });
export const commissionerReviewNewPath = (placementId: string) => generatePath(PAGE_PATHS.commissionerReviewNew, { id: placementId });
export const commissionerReviewPath = (placementId: string, reviewId: string) => generatePath(PAGE_PATHS.commissionerReview, { id: placementId, reviewId });
export const commissionerChildOutcomesPath = (childId: string) => generatePath(PAGE_PATHS.commissionerChildOutcomes, { id: childId });
export const providerPlacementPath = (placementId: string) => generatePath(PAGE_PATHS.providerPlacement, { id: placementId });
export const publicInsightsPath = (regionId: string) => generatePath(PAGE_PATHS.publicInsights, { id: regionId });
