import type { InvoiceRead } from "./queries/invoices";
import type { InvoiceView } from "./queries/scope";

// A spreadsheet runs a cell starting with = + - @ as a formula; a quote mark stops that. Amounts
// are numbers and written as they are, so a credit's negative amount reads back as a number.
// A missing value (no number yet, not paid) is an empty cell.
const text = (value: string | null) => {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const amount = (pence: number) => [(pence / 100).toFixed(2), String(pence)];

/**
 * For the finance system: one row per invoice line, and one per credit note Stripe has issued
 * (a negative amount). The child's reference is a column only in the council's own export.
 */
export function invoicesCsv(invoices: InvoiceRead[], view: InvoiceView): string {
  const withChild = view === "council";
  const header = [
    "Row",
    "Invoice number",
    "Stripe invoice",
    "Status",
    "Council",
    "Provider",
    "Setting",
    ...(withChild ? ["Child reference"] : []),
    "Period start",
    "Period end",
    "Amount (£)",
    "Amount (pence)",
    "Due date",
    "Paid date",
  ];
  const rows: string[] = [header.map(text).join(",")];
  for (const invoice of invoices) {
    const row = (kind: string, item: { settingName: string; childReference?: string; periodStart: string; periodEnd: string }, pence: number) =>
      [
        ...[kind, invoice.number, invoice.stripeInvoiceId, invoice.displayStatus, invoice.councilName, invoice.providerName, item.settingName].map(text),
        ...(withChild ? [text(item.childReference ?? null)] : []),
        text(item.periodStart),
        text(item.periodEnd),
        ...amount(pence),
        text(invoice.dueDate),
        text(invoice.paidAt ? invoice.paidAt.slice(0, 10) : null),
      ].join(",");
    for (const line of invoice.lines) rows.push(row("Invoice line", line, line.amountPence));
    for (const credit of invoice.credits) if (credit.status === "issued") rows.push(row("Credit note", credit, -credit.amountPence));
  }
  return rows.join("\r\n") + "\r\n";
}

/** The file's name says what it holds, never whose: no council, provider or child in it. */
export const invoicesCsvName = (month: string | undefined) => `invoices${month ? `-${month}` : ""}.csv`;
