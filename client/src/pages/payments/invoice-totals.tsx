import { formatPence } from "@shared/money";
import type { InvoiceTotals as Totals } from "@shared/schemas/payments";
import { SummaryList } from "../../components/summary-list";

/** The totals of the invoices shown; the levy only for the hub, who sets it. */
export function InvoiceTotals({ totals, levy = false }: { totals: Totals; levy?: boolean }) {
  return (
    <SummaryList
      rows={[
        { key: "Invoiced", value: formatPence(totals.invoicedPence) },
        { key: "Paid", value: formatPence(totals.paidPence) },
        { key: "Outstanding", value: formatPence(totals.outstandingPence) },
        { key: "Overdue", value: formatPence(totals.overduePence) },
        { key: "Credited", value: formatPence(totals.creditedPence) },
        ...(levy ? [{ key: "Framework levy", value: formatPence(totals.levyPence) }] : []),
      ]}
    />
  );
}
