import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { type AgreedPlacement, placementTypeOfLot } from "@shared/placements-standard";
import type { ChildProfile } from "@shared/schemas/children";
import type { DbOrTx } from "../../db/client";
import { placementRequests, placements, settings } from "../../db/schema";

/** Whole-word, case-insensitive: "Bolton or Wigan" names Bolton; "Boltonshire" does not. */
const names = (text: string | null, place: string | null) =>
  Boolean(text && place && new RegExp(`\\b${place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text));

/**
 * The child's current placement (the latest not ended by today) as the standard's
 * ActualPlacement takes it, or undefined: none, or a day placement, which the standard's
 * placement types cannot describe (placementTypeOfLot). An ended placement is not where the
 * child is, so after a breakdown the export is a referral again.
 */
export async function agreedPlacementOf(db: DbOrTx, profile: ChildProfile, today: string): Promise<AgreedPlacement | undefined> {
  const [row] = await db
    .select({
      weeklyFeePence: placements.weeklyFeePence,
      settingId: placements.settingId,
      requestLot: placementRequests.lotNumber,
      urn: settings.urn,
      town: settings.town,
      outcode: settings.outcode,
      // The only school of the child's we know is one we placed them in before.
      sameSettingBefore: sql<boolean>`EXISTS (SELECT 1 FROM placements earlier WHERE earlier.child_id = ${placements.childId} AND earlier.id <> ${placements.id} AND earlier.setting_id = ${placements.settingId} AND earlier.start_date <= ${placements.startDate})`,
    })
    .from(placements)
    .innerJoin(settings, eq(settings.id, placements.settingId))
    .leftJoin(placementRequests, eq(placementRequests.id, placements.requestId))
    .where(and(eq(placements.childId, profile.id), or(isNull(placements.endDate), gt(placements.endDate, today))))
    .orderBy(desc(placements.startDate), desc(placements.createdAt))
    .limit(1);
  const placementType = row ? placementTypeOfLot(row.requestLot ?? profile.lotNumber ?? 0) : undefined;
  if (!row || !placementType) return undefined;
  const location = row.town || row.outcode || "";
  return {
    weeklyFeePence: row.weeklyFeePence,
    location,
    inPreferredLocation:
      profile.preferredSettingId === row.settingId || names(profile.preferredLocation, row.town) || names(profile.preferredLocation, row.outcode),
    educationContinuity: Boolean(row.sameSettingBefore),
    settingUrn: row.urn,
    // A request places one child, and we hold no link between siblings' placements.
    siblingsPlacedTogether: 0,
    placementType,
  };
}
