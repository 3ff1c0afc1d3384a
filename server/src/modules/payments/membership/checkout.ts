import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { providerMemberships, regions } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { customerFor } from "../customers";
import { callStripe } from "../stripe-access";
import { isAdmitted, membershipRowOf, membershipSettingsOf } from "./queries";

export interface MembershipCheckoutProps {
  db: Db;
  stripe: Stripe;
  /** An administrator of a provider: paying binds the organisation. */
  actor: Member;
  publicUrl: string;
  ip?: string | undefined;
}

const auditEntry = (actor: Member, ip: string | undefined, details: { checkoutSessionId: string; feePence: number; reused: boolean }) => ({
  action: "payments.membership_checkout",
  recordType: "organisation",
  recordId: actor.organisationId,
  actorUserId: actor.userId,
  actorOrganisationId: actor.organisationId,
  ip,
  details,
});

/**
 * The url of the provider's Checkout Session if it is still open (a second click, another
 * administrator); undefined if it expired. Completed but not yet confirmed by the webhook: 409,
 * since a new session would start a second subscription.
 */
async function openSessionUrl(stripe: Stripe, sessionId: string): Promise<string | undefined> {
  const session = await callStripe(() => stripe.checkout.sessions.retrieve(sessionId));
  if (session.status === "complete") {
    throw conflict("Your organisation has paid the membership; Stripe is confirming it. Reload this page in a minute.", DomainErrorCode.AlreadyDecided);
  }
  return session.status === "open" && session.url ? session.url : undefined;
}

/**
 * Starts paying the annual membership through Stripe Checkout (a yearly subscription). The
 * idempotency key is the provider, fee and year (and the session that ended unpaid before it, if
 * any): a second click or a retry gets the same session, a new fee or a new year a new one, and
 * an open session is reused. Paying is confirmed by the webhook only.
 */
export async function startMembershipCheckout({ db, stripe, actor, publicUrl, ip }: MembershipCheckoutProps): Promise<string> {
  const settings = await membershipSettingsOf(db, actor.regionId, "act");
  if (!(await isAdmitted(db, actor.organisationId, actor.regionId))) {
    throw conflict("Your organisation is not admitted to the region's framework, so it owes no membership.", DomainErrorCode.WrongState);
  }
  const fee = settings.membershipFeePence;
  if (fee <= 0) throw conflict("The region's membership fee is £0, so there is nothing to pay.", DomainErrorCode.WrongState);
  const current = await membershipRowOf(db, actor.organisationId);
  if (current?.status === "active" || current?.status === "past_due") {
    throw conflict("Your organisation's membership is already paid by a yearly subscription; Stripe collects each year's fee.", DomainErrorCode.AlreadyDecided);
  }
  const previous = current?.checkoutSessionId ?? null;
  if (previous && current?.status === "checkout_open" && current.feePence === fee) {
    const reusable = await openSessionUrl(stripe, previous);
    if (reusable) {
      await recordAudit(db, auditEntry(actor, ip, { checkoutSessionId: previous, feePence: fee, reused: true }));
      return reusable;
    }
  }
  const organisation = { id: actor.organisationId, name: actor.organisationName };
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, actor.regionId));
  if (!region) throw new Error(`region ${actor.regionId} of a member is missing`);
  const customer = await callStripe(() => customerFor(db, stripe, organisation.id));
  const year = new Date().getUTCFullYear();
  const session = await callStripe(() =>
    stripe.checkout.sessions.create(
      {
        mode: "subscription",
        customer,
        line_items: [
          {
            quantity: 1,
            price_data: { currency: "gbp", unit_amount: fee, recurring: { interval: "year" }, product_data: { name: `Framework membership ${region.name}` } },
          },
        ],
        success_url: `${publicUrl}/payments/membership/paid`,
        cancel_url: `${publicUrl}/payments/membership/cancelled`,
        metadata: { organisationId: organisation.id },
        subscription_data: { metadata: { organisationId: organisation.id } },
      },
      // After an earlier session ended unpaid, the key names it too: the same key would replay it.
      { idempotencyKey: `px-membership-${organisation.id}-${fee}-${year}${previous ? `-after-${previous}` : ""}` },
    ),
  );
  if (!session.url) throw new Error("Stripe gave a Checkout Session without a url");
  const url = session.url;
  await db.transaction(async (tx) => {
    const values = { status: "checkout_open" as const, feePence: fee, checkoutSessionId: session.id, checkoutUrl: url, updatedAt: sql`clock_timestamp()` };
    await tx
      .insert(providerMemberships)
      .values({ organisationId: organisation.id, regionId: actor.regionId, ...values })
      .onConflictDoUpdate({ target: providerMemberships.organisationId, set: values });
    await recordAudit(tx, auditEntry(actor, ip, { checkoutSessionId: session.id, feePence: fee, reused: false }));
  });
  return url;
}
