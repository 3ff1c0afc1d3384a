import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "../../db/client";
import { organisations, stripeCustomers } from "../../db/schema";

/**
 * The organisation's Stripe Customer (a council billed for placements, a provider paying its
 * membership), made once: the key is the organisation, so two nodes or a retry after a crash get
 * the same customer back from Stripe. Callers decide how a Stripe failure is told (billing keeps
 * the invoice pending; a person's request gets a 503 through callStripe).
 */
export async function customerFor(db: Db, stripe: Stripe, organisationId: string): Promise<string> {
  const [known] = await db.select({ id: stripeCustomers.customerId }).from(stripeCustomers).where(eq(stripeCustomers.organisationId, organisationId));
  if (known) return known.id;
  const [organisation] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId));
  if (!organisation) throw new Error(`organisation ${organisationId} not found`);
  const customer = await stripe.customers.create(
    { name: organisation.name, metadata: { organisationId } },
    { idempotencyKey: `px-customer-${organisationId}` },
  );
  await db.insert(stripeCustomers).values({ organisationId, customerId: customer.id }).onConflictDoNothing();
  const [stored] = await db.select({ id: stripeCustomers.customerId }).from(stripeCustomers).where(eq(stripeCustomers.organisationId, organisationId));
  return stored?.id ?? customer.id;
}
