import type { Payouts } from "@shared/schemas/payments";
import { creditedOf, providerPenceOf } from "./present";
import type { InvoiceRead } from "./queries/invoices";

/** A provider's open invoices as payouts, soonest due first, with what it can expect in all. */
export function presentPayouts(open: InvoiceRead[]): Payouts {
  const data = open
    .map((i) => ({
      invoiceId: i.id,
      number: i.number,
      councilName: i.councilName,
      periodStart: i.periodStart,
      periodEnd: i.periodEnd,
      dueDate: i.dueDate,
      displayStatus: i.displayStatus,
      totalPence: i.totalPence,
      levyPence: i.levyPence,
      creditedPence: creditedOf(i),
      providerPence: providerPenceOf(i),
    }))
    .sort((a, b) => (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") || a.invoiceId.localeCompare(b.invoiceId));
  const sum = (items: typeof data) => items.reduce((s, p) => s + p.providerPence, 0);
  return { data, totals: { expectedPence: sum(data), overduePence: sum(data.filter((p) => p.displayStatus === "overdue")), invoices: data.length } };
}
