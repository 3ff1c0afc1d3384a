import { Link } from "react-router";
import { formatPence } from "@shared/money";
import { useExpectedPayouts } from "../../api/payments";
import { QueryView } from "../../components/query-view";
import { SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { formatDate } from "../../lib/format-date";
import { InvoiceStatusTag } from "./invoice-status-tag";
import { formatPeriod, invoicePath } from "./payments-format";

/** What the provider can expect to be paid: each open invoice, less the levy and credits, soonest due first. */
export function PayoutsSection() {
  const payouts = useExpectedPayouts();
  return (
    <section aria-labelledby="payouts-heading">
      <h2 className="govuk-heading-m" id="payouts-heading">
        Payouts expected
      </h2>
      <QueryView query={payouts} what="your expected payouts" loading="your expected payouts">
        {({ data, totals }) => (
          <>
            <SummaryList
              rows={[
                { key: "Expected", value: `${formatPence(totals.expectedPence)} from ${totals.invoices} ${totals.invoices === 1 ? "invoice" : "invoices"}` },
                { key: "Of which overdue", value: formatPence(totals.overduePence) },
              ]}
            />
            <Table
              caption="Open invoices for your placements"
              columns={[
                "Period",
                "Council",
                "Status",
                "Due",
                { text: "Total", numeric: true },
                { text: "Levy and credits", numeric: true },
                { text: "You receive", numeric: true },
              ]}
              rows={data.map((p) => ({
                key: p.invoiceId,
                header: (
                  <Link className="govuk-link" to={invoicePath(p.invoiceId)}>
                    {formatPeriod(p.periodStart, p.periodEnd)}
                    <span className="govuk-visually-hidden">, {p.councilName}</span>
                  </Link>
                ),
                cells: [
                  p.councilName,
                  <InvoiceStatusTag status={p.displayStatus} />,
                  p.dueDate ? formatDate(p.dueDate) : "Not sent yet",
                  formatPence(p.totalPence),
                  formatPence(-(p.levyPence + p.creditedPence)),
                  formatPence(p.providerPence),
                ],
              }))}
              empty="No payout expected: no open invoice for your placements."
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
