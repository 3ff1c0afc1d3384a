import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { DbOrTx } from "../../../db/client";
import { type StripeAccountRow, stripeAccounts } from "../../../db/schema";

/** The columns Stripe decides, as the account says now (what it still needs, due now or overdue). */
export function accountStatusOf(account: Stripe.Account) {
  const due = [...(account.requirements?.past_due ?? []), ...(account.requirements?.currently_due ?? [])];
  return {
    detailsSubmitted: account.details_submitted ?? false,
    chargesEnabled: account.charges_enabled ?? false,
    payoutsEnabled: account.payouts_enabled ?? false,
    requirementsDue: [...new Set(due)].sort(),
    disabledReason: account.requirements?.disabled_reason ?? null,
  };
}

/**
 * Stores the account's status as Stripe gave it just now (a re-fetched object, never an event's
 * copy, so a late or repeated event cannot bring back an older state). Undefined when the account
 * is not one of ours.
 */
export async function storeAccountStatus(db: DbOrTx, account: Stripe.Account): Promise<StripeAccountRow | undefined> {
  const [row] = await db
    .update(stripeAccounts)
    .set({ ...accountStatusOf(account), syncedAt: sql`clock_timestamp()`, updatedAt: sql`clock_timestamp()` })
    .where(eq(stripeAccounts.accountId, account.id))
    .returning();
  return row;
}
