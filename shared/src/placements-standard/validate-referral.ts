import { PDS_RISK_CODES } from "../codes/directory";
import type { ValidationIssue } from "../errors";
import { ChildProfileUpdateSchema, ChildRequirementsSchema } from "../schemas/children";
import { checkExtension } from "./extension";
import { EXTENSION_KEY } from "./profile-sources";
import type { PdsReferral } from "./referral-types";
import { defineStage, isPlainObject, validateDocument } from "./validate-document";

const profileField = ChildProfileUpdateSchema.shape;

/**
 * A referral: the child's availability, requirements, recommendation and risks. QualityAssurance
 * is optional, and only its referral fields apply: the placement and cost fields are filled in
 * when the child is placed, so a referral carrying them is refused rather than half-read.
 */
export const REFERRAL_RULES = defineStage({
  document: "A referral",
  required: ["PlacementAvailability", "PlacementRequirements", "PlacementRecommendation", "Risks"],
  refused: {
    ActualPlacement: "ActualPlacement is the agreed placement, not part of a referral; remove it (the export adds it once the child is placed)",
  },
  onlyFields: {
    QualityAssurance: { fields: ["referralOfficerName", "referralDate"], otherwise: "belongs to the placement stage, not a referral; remove it" },
  },
  extensions: [EXTENSION_KEY],
  // The profile's own limits where they are tighter than the standard's (which sets none).
  limits: {
    "PlacementAvailability.siblingCount": profileField.siblingCount,
    "PlacementAvailability.preferredLocation": profileField.preferredLocation,
    "PlacementRequirements.specificCommunicationRequirements": ChildRequirementsSchema.shape.specificCommunicationRequirements,
    "Risks.riskOther": profileField.riskOther,
    "Risks.riskToOthersOther": profileField.riskToOthersOther,
  },
});

/** A trajectory is for a risk present: one given for "No known risk" is a contradiction to fix, not to guess. */
function trajectoriesWithoutRisk(document: Record<string, unknown>, trajectories: object | undefined, at: string): ValidationIssue[] {
  const risks = isPlainObject(document.Risks) ? document.Risks : {};
  return PDS_RISK_CODES.filter((code) => trajectories && code in trajectories && risks[code] !== "Risk Present").map((code) => ({
    path: `${at}.riskTrajectories.${code}`,
    message: `Risks.${code} is not "Risk Present"; give a trajectory only for a risk present`,
  }));
}

export type ReferralCheck = { ok: true; referral: PdsReferral } | { ok: false; issues: ValidationIssue[] };

/**
 * Checks a referral in the Placements Data Standard v2, with our placementExchange extension,
 * and lists every problem at once with where it is (paths under `at`).
 */
export function validateReferral(document: unknown, at = "body"): ReferralCheck {
  const issues = validateDocument(document, REFERRAL_RULES, at);
  if (!isPlainObject(document)) return { ok: false, issues };
  const raw = document[EXTENSION_KEY];
  const extension = raw === undefined ? undefined : checkExtension(raw, `${at}.${EXTENSION_KEY}`);
  if (extension) issues.push(...extension.issues, ...trajectoriesWithoutRisk(document, extension.extension.riskTrajectories, `${at}.${EXTENSION_KEY}`));
  if (issues.length > 0) return { ok: false, issues };
  // Every entity and field has just been checked against the definition: the shape is PdsReferral's.
  const referral = document as unknown as PdsReferral;
  return { ok: true, referral: extension ? { ...referral, [EXTENSION_KEY]: extension.extension } : referral };
}
