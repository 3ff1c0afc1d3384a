import { LOTS } from "../codes/lots";
import type { PdsActualPlacement } from "./referral-types";

/**
 * An agreed placement, from the placements table and its setting (see the server's
 * placements-standard/agreed-placement.ts). Plain values, so the mapping is tested on its own.
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
 * returns use, and say so in docs/domain/placements-data-standard.md.
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

/**
 * The standard's placement type for a lot. Its types (Residential, Foster, Supported
 * Accommodation) are all where a child lives: the residential lots (38- and 52-week, 16+
 * residential) are "Residential"; a day lot changes the child's school, not their home, so it
 * has no type and the export sends no ActualPlacement for it (undefined here).
 */
export function placementTypeOfLot(lotNumber: number): PdsActualPlacement["placementType"] | undefined {
  const lot = LOTS.find((l) => l.number === lotNumber);
  return lot && lot.residential !== "day" ? "Residential" : undefined;
}
