import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "../../../db/client";
import { stripeCustomers } from "../../../db/schema";
import { callStripe } from "../stripe-access";

/**
 * The organisation's Stripe Customer id, made at first need. The idempotency key is the
 * organisation, so a retry (or a council invoiced at the same moment) gets the same customer.
 */
export async function ensureCustomer(db: Db, stripe: Stripe, organisation: { id: string; name: string }): Promise<string> {
  const [existing] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.organisationId, organisation.id));
  if (existing) return existing.customerId;
  const customer = await callStripe(() =>
    stripe.customers.create({ name: organisation.name, metadata: { organisationId: organisation.id } }, { idempotencyKey: `px-customer-${organisation.id}` }),
  );
  await db.insert(stripeCustomers).values({ organisationId: organisation.id, customerId: customer.id }).onConflictDoNothing();
  const [stored] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.organisationId, organisation.id));
  if (!stored) throw new Error("stripe customer neither inserted nor found");
  return stored.customerId;
}
