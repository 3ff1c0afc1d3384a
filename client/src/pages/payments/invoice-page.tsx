import { Link, useParams } from "react-router";
import { formatPence } from "@shared/money";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Invoice } from "@shared/schemas/payments";
import { useInvoice } from "../../api/payments";
import { useMe } from "../../api/session";
import { QueryView } from "../../components/query-view";
import { SummaryList, type SummaryRow } from "../../components/summary-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatTimestampDate } from "../../lib/format-date";
import { NotFoundPage } from "../public/not-found-page";
import { InvoiceStatusTag } from "./invoice-status-tag";
import { HostedInvoiceLink, type InvoiceViewer } from "./invoice-table";
import { formatPeriod } from "./payments-format";
import { WithPaymentsSetUp } from "./payments-setup";

const CREDIT_STATUS = { pending: "Not issued yet", issued: "Issued", void: "Void" } as const;

/** One invoice: its lines (a placement and period each) and the credits against it. Another's invoice is "not found", as the API answers. */
export function InvoicePage() {
  const { id = "" } = useParams();
  const invoice = useInvoice(id);
  const role = useMe().user.role;
  const viewer: InvoiceViewer = role === "provider" ? "provider" : role === "regional_admin" ? "hub" : "council";
  return (
    <WithPaymentsSetUp>
      {() => (
        <QueryView query={invoice} what="the invoice" notFound={<NotFoundPage />}>
          {(data) => <InvoiceView invoice={data} viewer={viewer} />}
        </QueryView>
      )}
    </WithPaymentsSetUp>
  );
}

function facts(invoice: Invoice, viewer: InvoiceViewer): SummaryRow[] {
  const rows: SummaryRow[] = [
    { key: "Status", value: <InvoiceStatusTag status={invoice.displayStatus} /> },
    { key: "Period", value: formatPeriod(invoice.periodStart, invoice.periodEnd) },
    { key: "Council", value: invoice.councilName },
    { key: "Provider", value: invoice.providerName },
    { key: "Kind", value: invoice.kind === "correction" ? "Correction (a fee changed after the period was invoiced)" : "Placements in the period" },
    { key: "Total", value: formatPence(invoice.totalPence) },
    { key: "Credited", value: formatPence(invoice.creditedPence) },
  ];
  if (viewer !== "council") {
    rows.push({ key: "Framework levy", value: formatPence(invoice.levyPence) });
    rows.push({ key: viewer === "provider" ? "You receive" : "The provider receives", value: formatPence(invoice.providerPence) });
  }
  rows.push({ key: "Due", value: invoice.dueDate ? formatDate(invoice.dueDate) : "Not sent yet" });
  if (invoice.paidAt) rows.push({ key: "Paid", value: formatTimestampDate(invoice.paidAt) });
  if (viewer === "hub" && invoice.status === "pending") {
    rows.push({ key: "Why it is still pending", value: invoice.lastError ?? "Waiting for the next billing run" });
    rows.push({ key: "Attempts", value: String(invoice.attempts ?? 0) });
  }
  rows.push({ key: "On Stripe", value: <HostedInvoiceLink invoice={invoice} viewer={viewer} /> });
  return rows;
}

function InvoiceView({ invoice, viewer }: { invoice: Invoice; viewer: InvoiceViewer }) {
  const title = invoice.number ? `Invoice ${invoice.number}` : `Invoice for ${formatPeriod(invoice.periodStart, invoice.periodEnd)}`;
  usePageTitle(title);
  // Child references are the council's own view: the API sends them to the council alone.
  const withChild = invoice.lines.some((line) => line.childReference !== undefined);
  return (
    <>
      <Link className="govuk-back-link" to={PAGE_PATHS.payments}>
        Back to payments
      </Link>
      <span className="govuk-caption-l">{viewer === "provider" ? invoice.councilName : invoice.providerName}</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <SummaryList rows={facts(invoice, viewer)} />
      <h2 className="govuk-heading-m">Lines</h2>
      <Table
        caption="Each placement and period billed"
        captionSize="hidden"
        columns={[...(withChild ? ["Child"] : []), "Setting", "Period", "Description", { text: "Amount", numeric: true }]}
        rows={invoice.lines.map((line) => ({
          key: line.id,
          cells: [
            ...(withChild ? [line.childReference ?? ""] : []),
            line.settingName,
            formatPeriod(line.periodStart, line.periodEnd),
            line.description,
            formatPence(line.amountPence),
          ],
        }))}
        empty="This invoice has no lines."
      />
      <h2 className="govuk-heading-m">Credits</h2>
      <Table
        caption="Credit notes against this invoice"
        captionSize="hidden"
        columns={["Period", "Reason", "Status", { text: "Amount", numeric: true }]}
        rows={invoice.credits.map((credit) => ({
          key: credit.id,
          cells: [formatPeriod(credit.periodStart, credit.periodEnd), credit.reason, CREDIT_STATUS[credit.status], formatPence(-credit.amountPence)],
        }))}
        empty="No credits against this invoice."
      />
    </>
  );
}
