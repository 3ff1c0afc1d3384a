import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { MembershipStatus } from "@shared/codes/payments";
import type { Tx } from "../../../db/client";
import { type ProviderMembershipRow, providerMemberships, stripeCustomers } from "../../../db/schema";
import { membershipPaymentFailed } from "../../notifications/messages/others";
import { notify, recipientsOf } from "../../notifications/notify";
import type { Effect } from "./effect";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Stripe's subscription status in the product's words: paid, payment overdue, or ended. */
const STATUS: Partial<Record<string, MembershipStatus>> = {
  active: "active",
  trialing: "active",
  past_due: "past_due",
  unpaid: "past_due",
  incomplete: "past_due",
  paused: "past_due",
  canceled: "canceled",
  incomplete_expired: "canceled",
};

const byOrganisation = async (tx: Tx, organisationId: string | undefined) =>
  organisationId && UUID.test(organisationId)
    ? (await tx.select().from(providerMemberships).where(eq(providerMemberships.organisationId, organisationId)).for("update"))[0]
    : undefined;

/** The membership a subscription pays: by its id, else the organisation in its metadata or of its customer. */
async function membershipOfSubscription(tx: Tx, subscription: Stripe.Subscription): Promise<ProviderMembershipRow | undefined> {
  const [bySubscription] = await tx.select().from(providerMemberships).where(eq(providerMemberships.subscriptionId, subscription.id)).for("update");
  if (bySubscription) return bySubscription;
  const byMetadata = await byOrganisation(tx, subscription.metadata?.organisationId);
  if (byMetadata) return byMetadata;
  const customerId = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const [customer] = await tx.select().from(stripeCustomers).where(eq(stripeCustomers.customerId, customerId));
  return byOrganisation(tx, customer?.organisationId);
}

/** The end of the year paid for: on the subscription's item (Stripe's current API), or on the subscription (older ones). */
function periodEndOf(subscription: Stripe.Subscription): Date | null {
  const unix = subscription.items?.data?.[0]?.current_period_end ?? (subscription as { current_period_end?: number }).current_period_end;
  return unix ? new Date(unix * 1000) : null;
}

/**
 * The membership as its subscription stands now. A subscription that has ended does not
 * overwrite a newer one the provider has taken out since (an old subscription's late event).
 */
export async function applySubscription(tx: Tx, subscription: Stripe.Subscription, row?: ProviderMembershipRow): Promise<Effect | undefined> {
  const membership = row ?? (await membershipOfSubscription(tx, subscription));
  if (!membership) return undefined;
  const status = STATUS[subscription.status];
  // A status newer than this list: keep what we have until Stripe says something we know.
  if (!status) return undefined;
  if (membership.subscriptionId && membership.subscriptionId !== subscription.id && status === "canceled") return undefined;
  await tx
    .update(providerMemberships)
    .set({
      status,
      subscriptionId: subscription.id,
      currentPeriodEnd: periodEndOf(subscription),
      stripeSyncedAt: sql`clock_timestamp()`,
      updatedAt: sql`clock_timestamp()`,
    })
    .where(eq(providerMemberships.organisationId, membership.organisationId));
  // Told when the membership becomes overdue, not on each of Stripe's retries; once per period paid for.
  if (status === "past_due" && membership.status !== "past_due") {
    await notify(tx, {
      kind: "membership_payment_failed",
      userIds: await recipientsOf(tx, { organisationId: membership.organisationId, adminsOnly: true }),
      about: `membership-payment-failed:${subscription.id}:${periodEndOf(subscription)?.toISOString() ?? "open"}`,
      ...membershipPaymentFailed(),
    });
  }
  return { recordType: "organisation", recordId: membership.organisationId, details: { subscriptionId: subscription.id, status } };
}

/** A Checkout Session completed (the subscription it made is applied) or expired unpaid (payment can start again). */
export async function applyCheckout(tx: Tx, session: Stripe.Checkout.Session, subscription: Stripe.Subscription | undefined): Promise<Effect | undefined> {
  const [bySession] = await tx.select().from(providerMemberships).where(eq(providerMemberships.checkoutSessionId, session.id)).for("update");
  const membership = bySession ?? (await byOrganisation(tx, session.metadata?.organisationId));
  if (!membership) return undefined;
  if (session.status === "complete" && subscription) return applySubscription(tx, subscription, membership);
  if (session.status === "expired" && membership.status === "checkout_open" && membership.checkoutSessionId === session.id) {
    await tx
      .update(providerMemberships)
      .set({ status: "unpaid", checkoutUrl: null, stripeSyncedAt: sql`clock_timestamp()`, updatedAt: sql`clock_timestamp()` })
      .where(eq(providerMemberships.organisationId, membership.organisationId));
    return { recordType: "organisation", recordId: membership.organisationId, details: { checkoutSessionId: session.id, status: "unpaid" } };
  }
  return undefined;
}
