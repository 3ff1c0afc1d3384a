import { eq } from "drizzle-orm";
import type { BillingSettingsInput } from "@shared/schemas/payments";
import type { DbOrTx } from "../../../db/client";
import { billingSettings, type BillingSettingsRow } from "../../../db/schema";

/** What a region bills by before the hub saves settings (nothing is billed until then). */
export const DEFAULT_BILLING: BillingSettingsInput = {
  periodKind: "month",
  anchorDate: "2026-04-06",
  startsOn: "2026-04-01",
  levyBasisPoints: 0,
  cardPayments: false,
  membershipEnabled: false,
  membershipFeePence: 0,
};

/** The region's stored settings, or undefined: billing is off until the hub saves them. */
export async function billingSettingsOf(db: DbOrTx, regionId: string): Promise<BillingSettingsRow | undefined> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.regionId, regionId));
  return row;
}
