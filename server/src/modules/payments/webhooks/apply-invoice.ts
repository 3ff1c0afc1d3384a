import { and, eq, isNull, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { CreditNoteStatus, InvoiceStatus } from "@shared/codes/payments";
import type { Tx } from "../../../db/client";
import { creditNotes, invoices } from "../../../db/schema";
import type { Effect } from "./effect";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Our id put in the Stripe object's metadata, if it is one (metadata is Stripe's, not trusted as a uuid). */
const ourId = (metadata: Stripe.Metadata | null | undefined, key: string) => {
  const value = metadata?.[key];
  return value && UUID.test(value) ? value : undefined;
};
/** The statuses Stripe gives invoices and credit notes that the product stores (a newer one keeps ours). */
const STRIPE_INVOICE_STATUSES: readonly InvoiceStatus[] = ["draft", "open", "paid", "void", "uncollectible"];
const STRIPE_CREDIT_NOTE_STATUSES: readonly CreditNoteStatus[] = ["issued", "void"];
const dateOf = (unix: number | null | undefined) => (unix ? new Date(unix * 1000).toISOString().slice(0, 10) : null);
const timeOf = (unix: number | null | undefined) => (unix ? new Date(unix * 1000) : null);

/**
 * The invoice as Stripe has it now. An invoice still 'pending' here is being pushed: its draft or
 * open state stays the push's to record (it still has to finalize and send it); paid, void and
 * uncollectible are final and stop the push.
 */
export async function applyInvoice(tx: Tx, invoice: Stripe.Invoice): Promise<Effect | undefined> {
  const byStripeId = await tx.select().from(invoices).where(eq(invoices.stripeInvoiceId, invoice.id)).for("update");
  const metadataId = ourId(invoice.metadata, "invoiceId");
  const [row] =
    byStripeId.length > 0 || !metadataId
      ? byStripeId
      : await tx
          .select()
          .from(invoices)
          .where(and(eq(invoices.id, metadataId), isNull(invoices.stripeInvoiceId)))
          .for("update");
  if (!row) return undefined;
  const stripeStatus = STRIPE_INVOICE_STATUSES.find((s) => s === invoice.status);
  const keepPending = row.status === "pending" && (stripeStatus === "draft" || stripeStatus === "open");
  const status = keepPending || stripeStatus === undefined ? row.status : stripeStatus;
  await tx
    .update(invoices)
    .set({
      status,
      stripeInvoiceId: invoice.id,
      invoiceNumber: invoice.number ?? row.invoiceNumber,
      hostedInvoiceUrl: invoice.hosted_invoice_url ?? row.hostedInvoiceUrl,
      dueDate: dateOf(invoice.due_date) ?? row.dueDate,
      paidAt: timeOf(invoice.status_transitions?.paid_at) ?? row.paidAt,
      stripeSyncedAt: sql`clock_timestamp()`,
      updatedAt: sql`clock_timestamp()`,
    })
    .where(eq(invoices.id, row.id));
  return { recordType: "invoice", recordId: row.id, details: { stripeInvoiceId: invoice.id, status } };
}

/** A credit note as Stripe has it now: issued or void. */
export async function applyCreditNote(tx: Tx, creditNote: Stripe.CreditNote): Promise<Effect | undefined> {
  const byStripeId = await tx.select().from(creditNotes).where(eq(creditNotes.stripeCreditNoteId, creditNote.id)).for("update");
  const metadataId = ourId(creditNote.metadata, "creditNoteId");
  const [row] =
    byStripeId.length > 0 || !metadataId
      ? byStripeId
      : await tx
          .select()
          .from(creditNotes)
          .where(and(eq(creditNotes.id, metadataId), isNull(creditNotes.stripeCreditNoteId)))
          .for("update");
  if (!row) return undefined;
  const status = STRIPE_CREDIT_NOTE_STATUSES.find((s) => s === creditNote.status) ?? row.status;
  await tx
    .update(creditNotes)
    .set({ status, stripeCreditNoteId: creditNote.id, updatedAt: sql`clock_timestamp()` })
    .where(eq(creditNotes.id, row.id));
  return { recordType: "credit_note", recordId: row.id, details: { stripeCreditNoteId: creditNote.id, status } };
}
