import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { providerMemberships, regions } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { callStripe } from "../stripe-access";
import { ensureCustomer } from "./customer";
import { isAdmitted, membershipRowOf, membershipSettingsOf } from "./queries";

export interface MembershipCheckoutProps {
  db: Db;
  stripe: Stripe;
  /** An administrator of a provider: paying binds the organisation. */
  actor: Member;
  publicUrl: string;
  ip?: string | undefined;
}

/**
 * Starts paying the annual membership through Stripe Checkout (a yearly subscription). The
 * idempotency key is the provider, fee and year: a second click or a retry gets the same
 * session, and a new fee or a new year a new one. Paying is confirmed by the webhook only.
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
  const organisation = { id: actor.organisationId, name: actor.organisationName };
  const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.id, actor.regionId));
  if (!region) throw new Error(`region ${actor.regionId} of a member is missing`);
  const customer = await ensureCustomer(db, stripe, organisation);
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
      { idempotencyKey: `px-membership-${organisation.id}-${fee}-${year}` },
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
    await recordAudit(tx, {
      action: "payments.membership_checkout",
      recordType: "organisation",
      recordId: organisation.id,
      actorUserId: actor.userId,
      actorOrganisationId: organisation.id,
      ip,
      details: { checkoutSessionId: session.id, feePence: fee },
    });
  });
  return url;
}
