/** How a region cuts time into billing periods (the hub's choice). */
export const PERIOD_KINDS = ["month", "four_weeks"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { month: "Calendar months", four_weeks: "4-week periods" };

/** An invoice as stored: 'pending' is decided here but not yet (all) in Stripe; the rest are Stripe's. */
export const INVOICE_STATUSES = ["pending", "draft", "open", "paid", "void", "uncollectible"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** What a person is shown: 'overdue' is an open invoice past its due date. */
export const INVOICE_DISPLAY_STATUSES = ["draft", "open", "overdue", "paid", "void", "uncollectible"] as const;
export type InvoiceDisplayStatus = (typeof INVOICE_DISPLAY_STATUSES)[number];
export const INVOICE_DISPLAY_STATUS_LABELS: Record<InvoiceDisplayStatus, string> = {
  draft: "Draft",
  open: "Open",
  overdue: "Overdue",
  paid: "Paid",
  void: "Void",
  uncollectible: "Uncollectible",
};

export const INVOICE_KINDS = ["period", "correction"] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export const CREDIT_NOTE_STATUSES = ["pending", "issued", "void"] as const;
export type CreditNoteStatus = (typeof CREDIT_NOTE_STATUSES)[number];

export const MEMBERSHIP_STATUSES = ["unpaid", "checkout_open", "active", "past_due", "canceled"] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  unpaid: "Not paid",
  checkout_open: "Payment started",
  active: "Paid",
  past_due: "Payment overdue",
  canceled: "Cancelled",
};

/** Invoices give 30 days to pay (the issue; public-sector prompt payment terms). */
export const DAYS_UNTIL_DUE = 30;
/** The levy's ceiling: 20% (2,000 basis points). A levy above it would be a mistake, not a policy. */
export const MAX_LEVY_BASIS_POINTS = 2000;
/** The Stripe webhook events the product acts on; others are acknowledged and ignored. */
export const STRIPE_EVENT_TYPES = [
  "account.updated",
  "invoice.finalized",
  "invoice.sent",
  "invoice.paid",
  "invoice.payment_failed",
  "invoice.voided",
  "invoice.marked_uncollectible",
  "invoice.overdue",
  "credit_note.created",
  "credit_note.voided",
  "checkout.session.completed",
  "checkout.session.expired",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
] as const;
export type StripeEventType = (typeof STRIPE_EVENT_TYPES)[number];
