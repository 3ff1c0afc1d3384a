import type { BillingSettings, BillingSettingsInput } from "@shared/schemas/payments";
import type { BillingSettingsRow } from "../../../db/schema";
import { DEFAULT_BILLING } from "./queries";

/** The settings as the hub saved them (a whitelist of the row). */
export const settingsInputOf = (row: BillingSettingsRow): BillingSettingsInput => ({
  periodKind: row.periodKind,
  anchorDate: row.anchorDate,
  startsOn: row.startsOn,
  levyBasisPoints: row.levyBasisPoints,
  cardPayments: row.cardPayments,
  membershipEnabled: row.membershipEnabled,
  membershipFeePence: row.membershipFeePence,
});

/** The region's settings, or the defaults with billing off until the hub first saves them. */
export function presentBillingSettings(row: BillingSettingsRow | undefined, stripeConfigured: boolean): BillingSettings {
  return {
    ...(row ? settingsInputOf(row) : DEFAULT_BILLING),
    enabled: row !== undefined,
    stripeConfigured,
    updatedAt: row ? row.updatedAt.toISOString() : null,
  };
}
