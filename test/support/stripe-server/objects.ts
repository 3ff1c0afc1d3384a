/** The shapes this server keeps: the fields of Stripe's objects that Placement Exchange reads. */
export type Metadata = Record<string, string>;

export interface Account {
  id: string;
  object: "account";
  type: string;
  country: string;
  email: string | null;
  default_currency: string;
  business_type: string | null;
  capabilities: Record<string, "active" | "inactive" | "pending">;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  requirements: { currently_due: string[]; eventually_due: string[]; past_due: string[]; pending_verification: string[]; disabled_reason: string | null };
  metadata: Metadata;
  created: number;
  livemode: false;
}

export interface AccountLink {
  object: "account_link";
  account: string;
  type: string;
  url: string;
  created: number;
  expires_at: number;
}

export interface Customer {
  id: string;
  object: "customer";
  email: string | null;
  name: string | null;
  description: string | null;
  balance: number;
  currency: string | null;
  metadata: Metadata;
  created: number;
  livemode: false;
}

export interface InvoiceItem {
  id: string;
  object: "invoiceitem";
  customer: string;
  invoice: string | null;
  amount: number;
  currency: string;
  description: string | null;
  metadata: Metadata;
  period: { start: number; end: number };
  quantity: 1;
  date: number;
  livemode: false;
}

export interface InvoiceLine {
  id: string;
  object: "line_item";
  invoice: string;
  invoice_item: string;
  parent: { type: "invoice_item_details"; invoice_item_details: { invoice_item: string } };
  amount: number;
  currency: string;
  description: string | null;
  metadata: Metadata;
  period: { start: number; end: number };
  quantity: 1;
}

export type InvoiceStatus = "draft" | "open" | "paid" | "void" | "uncollectible";

export interface Invoice {
  id: string;
  object: "invoice";
  customer: string;
  status: InvoiceStatus;
  number: string | null;
  collection_method: "send_invoice" | "charge_automatically";
  days_until_due: number | null;
  due_date: number | null;
  currency: string;
  auto_advance: boolean;
  description: string | null;
  metadata: Metadata;
  transfer_data: { destination: string; amount: number | null } | null;
  application_fee_amount: number | null;
  payment_settings: Record<string, unknown>;
  hosted_invoice_url: string | null;
  invoice_pdf: string | null;
  subtotal: number;
  total: number;
  amount_due: number;
  amount_paid: number;
  amount_remaining: number;
  pre_payment_credit_notes_amount: number;
  post_payment_credit_notes_amount: number;
  lines: { object: "list"; data: InvoiceLine[]; has_more: false; total_count: number; url: string };
  status_transitions: { finalized_at: number | null; paid_at: number | null; voided_at: number | null; marked_uncollectible_at: number | null };
  account_country: "GB";
  created: number;
  livemode: false;
}

export interface CreditNoteLine {
  id: string;
  object: "credit_note_line_item";
  type: string;
  amount: number;
  unit_amount: number;
  quantity: number;
  description: string | null;
}

export interface CreditNote {
  id: string;
  object: "credit_note";
  invoice: string;
  customer: string;
  number: string;
  status: "issued" | "void";
  type: "pre_payment" | "post_payment";
  amount: number;
  subtotal: number;
  total: number;
  currency: string;
  memo: string | null;
  reason: string | null;
  metadata: Metadata;
  lines: { object: "list"; data: CreditNoteLine[]; has_more: false; url: string };
  created: number;
  livemode: false;
}

export interface Price {
  id: string;
  object: "price";
  currency: string;
  unit_amount: number;
  recurring: { interval: string; interval_count: number };
  product: string;
  product_name: string;
}

export interface CheckoutSession {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  customer: string | null;
  customer_email: string | null;
  subscription: string | null;
  url: string | null;
  success_url: string | null;
  cancel_url: string | null;
  currency: string;
  amount_total: number;
  metadata: Metadata;
  created: number;
  expires_at: number;
  livemode: false;
}

export interface Subscription {
  id: string;
  object: "subscription";
  customer: string;
  status: "active" | "past_due" | "unpaid" | "canceled" | "incomplete" | "incomplete_expired" | "trialing" | "paused";
  metadata: Metadata;
  items: {
    object: "list";
    data: {
      id: string;
      object: "subscription_item";
      price: Omit<Price, "product_name">;
      quantity: number;
      current_period_start: number;
      current_period_end: number;
    }[];
    has_more: false;
    url: string;
  };
  current_period_start: number;
  current_period_end: number;
  start_date: number;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  ended_at: number | null;
  latest_invoice: string | null;
  created: number;
  livemode: false;
}
