import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { type StripeAccountRow, stripeAccounts } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import type { Member } from "../../../http/require-actor";
import { recordAudit } from "../../audit/record-audit";
import { callStripe } from "../stripe-access";
import { stripeAccountOf } from "./queries";
import { accountStatusOf, storeAccountStatus } from "./store-account";

export interface ConnectProps {
  db: Db;
  stripe: Stripe;
  /** An administrator of a provider: connecting binds the organisation. */
  actor: Member;
  ip?: string | undefined;
}

const auditOf = (actor: Member, ip: string | undefined, action: string, accountId: string) => ({
  action,
  recordType: "organisation",
  recordId: actor.organisationId,
  actorUserId: actor.userId,
  actorOrganisationId: actor.organisationId,
  ip,
  details: { accountId },
});

/**
 * The organisation's Express account, created at the first call. The idempotency key is the
 * organisation, so two clicks or a retry after a lost answer get the same account from Stripe,
 * never a second one.
 */
async function ensureAccount({ db, stripe, actor, ip }: ConnectProps): Promise<StripeAccountRow> {
  const existing = await stripeAccountOf(db, actor.organisationId);
  if (existing) return existing;
  const account = await callStripe(() =>
    stripe.accounts.create(
      {
        type: "express",
        country: "GB",
        business_type: "company",
        capabilities: { transfers: { requested: true } },
        metadata: { organisationId: actor.organisationId },
      },
      { idempotencyKey: `px-account-${actor.organisationId}` },
    ),
  );
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(stripeAccounts)
      .values({ organisationId: actor.organisationId, accountId: account.id, ...accountStatusOf(account), syncedAt: sql`clock_timestamp()` })
      .onConflictDoNothing()
      .returning();
    if (inserted) await recordAudit(tx, auditOf(actor, ip, "payments.connect_account_created", account.id));
    const stored = inserted ?? (await stripeAccountOf(tx, actor.organisationId));
    if (!stored) throw new Error("stripe account neither inserted nor found");
    return stored;
  });
}

/** Where the administrator goes to give Stripe the organisation's details (a one-use Account Link). */
export async function startOnboarding(props: ConnectProps & { publicUrl: string }): Promise<string> {
  const { db, stripe, actor, ip, publicUrl } = props;
  const account = await ensureAccount(props);
  const link = await callStripe(() =>
    stripe.accountLinks.create({
      account: account.accountId,
      type: "account_onboarding",
      return_url: `${publicUrl}/payments/connect/return`,
      refresh_url: `${publicUrl}/payments/connect/refresh`,
    }),
  );
  await recordAudit(db, auditOf(actor, ip, "payments.connect_onboarding_link", account.accountId));
  return link.url;
}

/** Asks Stripe for the account now (the return page: webhooks may lag) and stores what it says. */
export async function syncAccount({ db, stripe, actor, ip }: ConnectProps): Promise<StripeAccountRow> {
  const existing = await stripeAccountOf(db, actor.organisationId);
  if (!existing) throw conflict("Your organisation has not started connecting to Stripe yet: choose 'Connect with Stripe' first.", DomainErrorCode.WrongState);
  const account = await callStripe(() => stripe.accounts.retrieve(existing.accountId));
  return db.transaction(async (tx) => {
    const stored = await storeAccountStatus(tx, account);
    if (!stored) throw new Error("stripe account vanished during sync");
    await recordAudit(tx, { ...auditOf(actor, ip, "payments.connect_synced", existing.accountId) });
    return stored;
  });
}
