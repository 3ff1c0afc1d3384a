import { type SQL, sql } from "drizzle-orm";
import type { Member } from "../../../http/require-actor";
import { readsCouncilInvoices, readsProviderPayments, readsRegionPayments } from "../policy";

/** Whose eyes an invoice is read with: it decides which rows and which fields. */
export type InvoiceView = "hub" | "council" | "provider";

/** The view of an actor the policy let read invoices (readsInvoices); null for anyone else. */
export function viewOf(actor: Member): InvoiceView | null {
  if (readsRegionPayments(actor)) return "hub";
  if (readsCouncilInvoices(actor)) return "council";
  if (readsProviderPayments(actor)) return "provider";
  return null;
}

/**
 * The invoices (alias `i`) an actor may know exist: the hub its region's, a council those it is
 * billed, a provider those it is paid by. Everything else is as if it did not exist (a 404).
 */
export function invoiceScope(actor: Member, view: InvoiceView): SQL {
  if (view === "hub") return sql`i.region_id = ${actor.regionId}`;
  if (view === "council") return sql`i.council_id = ${actor.organisationId}`;
  return sql`i.provider_id = ${actor.organisationId}`;
}
