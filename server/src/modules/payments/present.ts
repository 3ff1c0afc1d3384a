import type { CreditNote, Invoice, InvoiceTotals } from "@shared/schemas/payments";
import type { CreditRead, InvoiceRead } from "./queries/invoices";
import type { InvoiceView } from "./queries/scope";

// Whitelists: a new column never reaches anyone until it is named here. Why an invoice or a credit
// is still pending (Stripe's error, the attempts) is the hub's to see, not the council's.

/** Credit given back on an invoice: only credit notes Stripe has issued count. */
export const creditedOf = (invoice: InvoiceRead) => invoice.credits.filter((c) => c.status === "issued").reduce((sum, c) => sum + c.amountPence, 0);

/** What the provider receives: the total less the levy (the application fee) and any credit issued. */
export const providerPenceOf = (invoice: InvoiceRead) => invoice.totalPence - invoice.levyPence - creditedOf(invoice);

export function presentCredit(credit: CreditRead, view: InvoiceView): CreditNote {
  const { id, invoiceId, placementId, periodStart, periodEnd, amountPence, reason, status } = credit;
  return { id, invoiceId, placementId, periodStart, periodEnd, amountPence, reason, status, ...(view === "hub" ? { lastError: credit.lastError } : {}) };
}

export function presentInvoice(invoice: InvoiceRead, view: InvoiceView): Invoice {
  return {
    id: invoice.id,
    councilId: invoice.councilId,
    councilName: invoice.councilName,
    providerId: invoice.providerId,
    providerName: invoice.providerName,
    kind: invoice.kind,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    status: invoice.status,
    displayStatus: invoice.displayStatus,
    totalPence: invoice.totalPence,
    levyPence: invoice.levyPence,
    providerPence: providerPenceOf(invoice),
    creditedPence: creditedOf(invoice),
    number: invoice.number,
    dueDate: invoice.dueDate,
    hostedInvoiceUrl: invoice.hostedInvoiceUrl,
    paidAt: invoice.paidAt,
    ...(view === "hub" ? { lastError: invoice.lastError, attempts: invoice.attempts } : {}),
    lines: invoice.lines.map((l) => ({
      id: l.id,
      placementId: l.placementId,
      ...(view === "council" && l.childReference ? { childReference: l.childReference } : {}),
      settingName: l.settingName,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      amountPence: l.amountPence,
      description: l.description,
    })),
    credits: invoice.credits.map((c) => presentCredit(c, view)),
  };
}

/**
 * The sums a finance officer checks: a void invoice counts for nothing; what is outstanding (and
 * overdue) is what is still owed on open invoices after credit issued against them.
 */
export function totalsOf(invoices: InvoiceRead[]): InvoiceTotals {
  const totals: InvoiceTotals = { invoicedPence: 0, paidPence: 0, outstandingPence: 0, overduePence: 0, creditedPence: 0, levyPence: 0 };
  for (const invoice of invoices) {
    if (invoice.status === "void") continue;
    const credited = creditedOf(invoice);
    totals.invoicedPence += invoice.totalPence;
    totals.levyPence += invoice.levyPence;
    totals.creditedPence += credited;
    if (invoice.status === "paid") totals.paidPence += invoice.totalPence;
    if (invoice.status === "open") totals.outstandingPence += invoice.totalPence - credited;
    if (invoice.displayStatus === "overdue") totals.overduePence += invoice.totalPence - credited;
  }
  return totals;
}
