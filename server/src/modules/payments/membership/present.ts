import type { Membership } from "@shared/schemas/payments";
import type { BillingSettingsRow, ProviderMembershipRow } from "../../../db/schema";

/** Statuses whose fee is the one Stripe was asked for; otherwise the region's fee now is what is owed. */
const FEE_FIXED = new Set(["checkout_open", "active", "past_due"]);

/**
 * The provider's membership: its row, or 'unpaid' at the region's fee when it is admitted and has
 * not started paying. Unpaid only warns; nothing is ever suspended for it.
 */
export function presentMembership(
  organisation: { id: string; name: string },
  settings: BillingSettingsRow,
  row: ProviderMembershipRow | undefined,
): Membership {
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    status: row?.status ?? "unpaid",
    feePence: row && FEE_FIXED.has(row.status) ? row.feePence : settings.membershipFeePence,
    currentPeriodEnd: row?.currentPeriodEnd?.toISOString() ?? null,
    checkoutUrl: row?.status === "checkout_open" ? row.checkoutUrl : null,
  };
}
