import type { PdsActualPlacement } from "./referral-types";

/**
 * An agreed placement, as the placements table (a later issue) will give it. Plain values, so
 * the mapping is tested now and that issue only has to pass its row.
 */
export interface AgreedPlacement {
  /** The agreed weekly fee in integer pence, like every price here. */
  weeklyFeePence: number;
  /** Where the child is placed: the setting's town or postcode district, never an address. */
  location: string;
  /** Whether the placement is where the referral preferred. */
  inPreferredLocation: boolean;
  /** Whether the child stays at the same school. */
  educationContinuity: boolean;
  /** The setting's six-digit URN (Get Information About Schools / Ofsted). */
  settingUrn: string;
  siblingsPlacedTogether: number;
  placementType: PdsActualPlacement["placementType"];
}

/**
 * ActualPlacement for the export once the child is placed; nothing before. The standard gives
 * totalWeeklyCost no unit; we send whole pounds (rounded from pence), the unit councils' cost
 * returns use, and say so in the README.
 */
export function actualPlacementOf(placement?: AgreedPlacement): PdsActualPlacement | undefined {
  if (!placement) return undefined;
  return {
    totalWeeklyCost: Math.round(placement.weeklyFeePence / 100),
    placementLocation: placement.location,
    preferabilityLocation: placement.inPreferredLocation,
    educationContinuity: placement.educationContinuity,
    providerURN: placement.settingUrn,
    siblingsPlacedTogether: placement.siblingsPlacedTogether,
    placementType: placement.placementType,
  };
}
