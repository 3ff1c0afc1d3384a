import type { PaymentsOverview } from "@shared/schemas/payments";
import type { DbOrTx } from "../../db/client";
import type { Member } from "../../http/require-actor";
import { presentConnectStatus } from "./connect/present";
import { presentCredit, presentInvoice, totalsOf } from "./present";
import { readInvoices } from "./queries/invoices";
import { councilsOf, lastBillingRun, lotTotals, membershipsOf, providersWithAccounts } from "./queries/overview";
import { billingSettingsOf } from "./settings/queries";

/**
 * The hub's view of its region's money. No child reference is read for it at all: the hub sees
 * placements as settings and amounts only.
 */
export async function regionOverview(db: DbOrTx, actor: Member): Promise<PaymentsOverview> {
  const regionId = actor.regionId;
  const settings = await billingSettingsOf(db, regionId);
  const invoices = await readInvoices(db, actor, "hub");
  // Not yet all in Stripe (pending) or created there but never finalised (draft): both wait on a run.
  const waiting = invoices.filter((i) => i.status === "pending" || i.status === "draft");
  const councils = await councilsOf(db, regionId);
  const charging = settings?.membershipEnabled ? { feePence: settings.membershipFeePence } : null;
  return {
    pending: waiting.map((i) => presentInvoice(i, "hub")),
    pendingCredits: invoices.flatMap((i) => i.credits.filter((c) => c.status === "pending").map((c) => presentCredit(c, "hub"))),
    byCouncil: councils.map((c) => ({ councilId: c.id, councilName: c.name, totals: totalsOf(invoices.filter((i) => i.councilId === c.id)) })),
    byLot: await lotTotals(db, regionId),
    providers: (await providersWithAccounts(db, regionId)).map((p) => presentConnectStatus(p.organisation, p.account)),
    // The checkout link is the provider's own to follow; the hub sees the status.
    memberships: (await membershipsOf(db, regionId, charging)).map((m) => ({ ...m, checkoutUrl: null })),
    lastRun: await lastBillingRun(db, regionId),
  };
}
