import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../../db/client";
import { type StripeAccountRow, stripeAccounts } from "../../../db/schema";

/** The organisation's Stripe Connect account, if it has started connecting. */
export async function stripeAccountOf(db: DbOrTx, organisationId: string): Promise<StripeAccountRow | undefined> {
  const [row] = await db.select().from(stripeAccounts).where(eq(stripeAccounts.organisationId, organisationId));
  return row;
}
