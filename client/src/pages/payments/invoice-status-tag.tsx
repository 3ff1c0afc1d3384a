import { INVOICE_DISPLAY_STATUS_LABELS, type InvoiceDisplayStatus } from "@shared/codes/payments";

// Colour only repeats what the tag's words say (GOV.UK tags: text first).
const COLOURS: Record<InvoiceDisplayStatus, string> = {
  draft: "govuk-tag--grey",
  open: "govuk-tag--blue",
  overdue: "govuk-tag--red",
  paid: "govuk-tag--green",
  void: "govuk-tag--grey",
  uncollectible: "govuk-tag--grey",
};

export function InvoiceStatusTag({ status }: { status: InvoiceDisplayStatus }) {
  return <strong className={`govuk-tag ${COLOURS[status]}`}>{INVOICE_DISPLAY_STATUS_LABELS[status]}</strong>;
}
