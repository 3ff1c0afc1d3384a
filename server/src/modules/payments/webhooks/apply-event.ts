import type Stripe from "stripe";
import type { Tx } from "../../../db/client";
import { recordAudit } from "../../audit/record-audit";
import { storeAccountStatus } from "../connect/store-account";
import { applyCreditNote, applyInvoice } from "./apply-invoice";
import { applyCheckout, applySubscription } from "./apply-membership";
import type { Effect } from "./effect";
import type { Fetched } from "./refetch";

async function effectOf(tx: Tx, fetched: Fetched): Promise<Effect | undefined> {
  switch (fetched.kind) {
    case "account": {
      const row = await storeAccountStatus(tx, fetched.account);
      if (!row) return undefined;
      const { detailsSubmitted, chargesEnabled, payoutsEnabled } = row;
      return {
        recordType: "organisation",
        recordId: row.organisationId,
        details: { accountId: row.accountId, detailsSubmitted, chargesEnabled, payoutsEnabled },
      };
    }
    case "invoice":
      return applyInvoice(tx, fetched.invoice);
    case "credit_note":
      return applyCreditNote(tx, fetched.creditNote);
    case "checkout":
      return applyCheckout(tx, fetched.session, fetched.subscription);
    case "subscription":
      return applySubscription(tx, fetched.subscription);
  }
}

/**
 * Applies the object as Stripe has it now, in the caller's transaction (the one that records the
 * event id), and audits what changed as "payments.<event type>" (e.g. payments.invoice_paid).
 * An object that is not ours changes nothing. Whether anything changed is returned.
 */
export async function applyEvent(tx: Tx, event: Stripe.Event, fetched: Fetched, ip: string | undefined): Promise<boolean> {
  const effect = await effectOf(tx, fetched);
  if (!effect) return false;
  await recordAudit(tx, {
    action: `payments.${event.type.replace(/\./g, "_")}`,
    recordType: effect.recordType,
    recordId: effect.recordId,
    ip,
    details: { eventId: event.id, ...effect.details },
  });
  return true;
}
