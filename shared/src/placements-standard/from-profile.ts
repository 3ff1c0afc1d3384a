import { PDS_RISK_CODES } from "../codes/directory";
import type { ChildProfile } from "../schemas/children";
import type { DistanceTravelled } from "../schemas/outcome-reviews";
import { actualPlacementOf, type AgreedPlacement } from "./actual-placement";
import type { PlacementExchangeExtension } from "./extension";
import { neededByUrgency } from "./needed-by";
import { EXTENSION_FIELDS, EXTENSION_KEY, type ExtensionField } from "./profile-sources";
import type { PdsPlacementDocument, PdsRisks } from "./referral-types";

/** Optional (0..1) fields without a value are left out, as the standard's optional fields are. */
function withValues<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as { [K in keyof T]?: Exclude<T[K], null> };
}

/**
 * The childId to send. A profile imported from a referral keeps the council's own; one recorded
 * here has none, so a stable number stands in: the first 48 bits of its id, the same on every
 * export and well inside JSON's safe integers.
 */
export const pdsChildIdOf = (profile: Pick<ChildProfile, "id" | "pdsChildId">): number =>
  profile.pdsChildId ?? Number.parseInt(profile.id.replace(/-/g, "").slice(0, 12), 16);

function risksOf(profile: ChildProfile): PdsRisks {
  const present = new Set(profile.risks.map((r) => r.code));
  const risks = Object.fromEntries(PDS_RISK_CODES.map((code) => [code, present.has(code) ? "Risk Present" : "No known risk"])) as Pick<
    PdsRisks,
    (typeof PDS_RISK_CODES)[number]
  >;
  return { ...risks, ...withValues({ riskOther: profile.riskOther, riskToOthersOther: profile.riskToOthersOther }) };
}

function extensionOf(profile: ChildProfile, distanceTravelled: DistanceTravelled | undefined): PlacementExchangeExtension {
  // Each of EXTENSION_FIELDS is a profile field of the same type (profile-sources.ts says so).
  const fields = Object.fromEntries(EXTENSION_FIELDS.map((field) => [field, profile[field]])) as Pick<ChildProfile, ExtensionField>;
  const riskTrajectories = Object.fromEntries(profile.risks.map((r) => [r.code, r.trajectory]));
  return { ...withValues(fields), ...(profile.risks.length > 0 ? { riskTrajectories } : {}), ...(distanceTravelled ? { distanceTravelled } : {}) };
}

export interface ReferralExportOptions {
  /** The database's today: "needed by" is sent as the standard's urgency relative to it. */
  today: string;
  /** The child's current agreed placement, if any: sent as ActualPlacement. */
  placement?: AgreedPlacement;
  /** The current placement's distance travelled (any lot), sent under our extension. */
  distanceTravelled?: DistanceTravelled;
}

/** A profile in the Placements Data Standard's shape, with our extension: what an import would have been. */
export function profileToReferral(profile: ChildProfile, { today, placement, distanceTravelled }: ReferralExportOptions): PdsPlacementDocument {
  const { additionalSupport, deprivationOfLiberty, ...requirements } = profile.requirements;
  const actualPlacement = actualPlacementOf(placement);
  return {
    PlacementAvailability: {
      childId: pdsChildIdOf(profile),
      ...withValues({
        neededBy: profile.neededBy ? neededByUrgency(profile.neededBy, today) : null,
        siblingCount: profile.siblingCount,
        preferredLocation: profile.preferredLocation,
      }),
    },
    PlacementRequirements: { ...requirements, ...withValues({ additionalSupport, deprivationOfLiberty }) },
    PlacementRecommendation: { ...profile.recommendation },
    Risks: risksOf(profile),
    ...(profile.referralDate ? { QualityAssurance: { referralDate: profile.referralDate } } : {}),
    ...(actualPlacement ? { ActualPlacement: actualPlacement } : {}),
    [EXTENSION_KEY]: extensionOf(profile, distanceTravelled),
  };
}
