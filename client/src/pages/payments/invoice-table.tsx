import { Link } from "react-router";
import { formatPence } from "@shared/money";
import type { Invoice } from "@shared/schemas/payments";
import { Table, type TableRow } from "../../components/table";
import { formatDate } from "../../lib/format-date";
import { InvoiceStatusTag } from "./invoice-status-tag";
import { formatPeriod, invoicePath } from "./payments-format";

/** Whose invoices: the council pays them, the provider is paid, the hub sees both sides. */
export type InvoiceViewer = "council" | "provider" | "hub";

/**
 * Stripe's hosted page, where the council pays (bank transfer, or card where the hub allows it).
 * Same tab, as GOV.UK asks; no referrer, so Stripe never learns which page of ours linked it.
 */
export function HostedInvoiceLink({ invoice, viewer }: { invoice: Invoice; viewer: InvoiceViewer }) {
  if (!invoice.hostedInvoiceUrl) return <>Not sent yet</>;
  return (
    <a className="govuk-link" href={invoice.hostedInvoiceUrl} rel="noreferrer">
      {viewer === "council" ? "View and pay on Stripe" : "View on Stripe"}
      <span className="govuk-visually-hidden"> (invoice {invoice.number ?? formatPeriod(invoice.periodStart, invoice.periodEnd)})</span>
    </a>
  );
}

function row(invoice: Invoice, viewer: InvoiceViewer): TableRow {
  const otherParty = viewer === "provider" ? invoice.councilName : invoice.providerName;
  return {
    key: invoice.id,
    data: { "data-invoice": invoice.id },
    header: (
      <Link className="govuk-link" to={invoicePath(invoice.id)}>
        {formatPeriod(invoice.periodStart, invoice.periodEnd)}
        <span className="govuk-visually-hidden">, {otherParty}</span>
      </Link>
    ),
    cells: [
      ...(viewer === "hub" ? [invoice.councilName] : []),
      otherParty,
      invoice.number ?? "Not numbered yet",
      <InvoiceStatusTag status={invoice.displayStatus} />,
      formatPence(viewer === "provider" ? invoice.providerPence : invoice.totalPence),
      invoice.dueDate ? formatDate(invoice.dueDate) : "Not sent yet",
      <HostedInvoiceLink invoice={invoice} viewer={viewer} />,
    ],
  };
}

const columnsFor = (viewer: InvoiceViewer) => [
  "Period",
  ...(viewer === "hub" ? ["Council", "Provider"] : [viewer === "provider" ? "Council" : "Provider"]),
  "Number",
  "Status",
  { text: viewer === "provider" ? "You receive" : "Total", numeric: true },
  "Due",
  { text: "Stripe", hidden: true },
];

export function InvoiceTable({ invoices, viewer, caption, empty }: { invoices: Invoice[]; viewer: InvoiceViewer; caption: string; empty: string }) {
  return (
    <Table
      caption={caption}
      captionSize="m"
      columns={columnsFor(viewer)}
      rows={invoices.map((invoice) => row(invoice, viewer))}
      empty={empty}
      className="govuk-table--small-text-until-tablet"
    />
  );
}
