import type { FormObject } from "./form";
import type { Account, AccountLink, CreditNote, CreditNoteLine, Customer, Invoice, InvoiceItem } from "./objects";
import { bool, DAY, int, invalid, list, metadata, missing, newId, obj, oneOf, refused, reqInt, reqStr, str } from "./params";

/** Connect accounts, customers, invoices and credit notes, and what each endpoint does to them. */
export class StripeState {
  accounts = new Map<string, Account>();
  accountLinks: AccountLink[] = [];
  customers = new Map<string, Customer>();
  invoices = new Map<string, Invoice>();
  invoiceItems = new Map<string, InvoiceItem>();
  creditNotes = new Map<string, CreditNote>();
  private invoiceCount = 0;

  constructor(
    readonly baseUrl: () => string,
    readonly now: () => number,
    /** An event Stripe would send to the webhook endpoint (`account` for a connected account's). */
    readonly emit: (type: string, object: object, account?: string) => void,
  ) {}

  // ---- accounts (Connect, Express) ----

  createAccount(p: FormObject): Account {
    const requested = Object.entries(obj(p, "capabilities") ?? {})
      .filter(([, v]) => typeof v === "object" && !Array.isArray(v) && v.requested === "true")
      .map(([k]) => k);
    const account: Account = {
      id: newId("acct"),
      object: "account",
      type: oneOf(str(p, "type"), ["express", "standard", "custom"], "type") ?? "express",
      country: str(p, "country") ?? "GB",
      email: str(p, "email") ?? null,
      default_currency: "gbp",
      business_type: str(p, "business_type") ?? null,
      capabilities: Object.fromEntries(requested.map((c) => [c, "inactive" as const])),
      details_submitted: false,
      charges_enabled: false,
      payouts_enabled: false,
      requirements: {
        currently_due: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
        eventually_due: ["business_type", "external_account", "tos_acceptance.date", "tos_acceptance.ip"],
        past_due: [],
        pending_verification: [],
        disabled_reason: "requirements.past_due",
      },
      metadata: metadata(p),
      created: this.now(),
      livemode: false,
    };
    this.accounts.set(account.id, account);
    return account;
  }

  account(id: string): Account {
    const account = this.accounts.get(id);
    if (!account) throw missing("account", id);
    return account;
  }

  updateAccount(id: string, p: FormObject): Account {
    const account = this.account(id);
    const email = str(p, "email");
    if (email !== undefined) account.email = email;
    // Stripe merges metadata; an empty value removes a key.
    for (const [k, v] of Object.entries(metadata(p))) {
      if (v === "") delete account.metadata[k];
      else account.metadata[k] = v;
    }
    this.emit("account.updated", account, account.id);
    return account;
  }

  /** The Express dashboard, for an account that has finished onboarding. */
  createLoginLink(id: string) {
    const account = this.account(id);
    if (!account.details_submitted) throw refused(`Account ${id} has not completed onboarding, so it has no dashboard yet.`, "account_invalid");
    return { object: "login_link" as const, created: this.now(), url: `${this.baseUrl()}/express/${id}` };
  }

  completeOnboarding(id: string): Account {
    const account = this.account(id);
    account.details_submitted = true;
    account.charges_enabled = true;
    account.payouts_enabled = true;
    account.requirements = { currently_due: [], eventually_due: [], past_due: [], pending_verification: [], disabled_reason: null };
    for (const c of Object.keys(account.capabilities)) account.capabilities[c] = "active";
    if (!account.capabilities.transfers) account.capabilities.transfers = "active";
    this.emit("account.updated", account, account.id);
    return account;
  }

  createAccountLink(p: FormObject): AccountLink {
    const account = this.account(reqStr(p, "account"));
    const type = oneOf(reqStr(p, "type"), ["account_onboarding", "account_update"], "type") ?? "account_onboarding";
    reqStr(p, "return_url");
    reqStr(p, "refresh_url");
    const created = this.now();
    const link: AccountLink = {
      object: "account_link",
      account: account.id,
      type,
      url: `${this.baseUrl()}/connect/onboard/${account.id}`,
      created,
      expires_at: created + 300,
    };
    this.accountLinks.push(link);
    return link;
  }

  // ---- customers ----

  createCustomer(p: FormObject): Customer {
    const customer: Customer = {
      id: newId("cus"),
      object: "customer",
      email: str(p, "email") ?? null,
      name: str(p, "name") ?? null,
      description: str(p, "description") ?? null,
      balance: 0,
      currency: null,
      metadata: metadata(p),
      created: this.now(),
      livemode: false,
    };
    this.customers.set(customer.id, customer);
    this.emit("customer.created", customer);
    return customer;
  }

  customer(id: string): Customer {
    const customer = this.customers.get(id);
    if (!customer) throw missing("customer", id);
    return customer;
  }

  // ---- invoices and their items ----

  createInvoice(p: FormObject): Invoice {
    const customer = this.customer(reqStr(p, "customer"));
    const collection = oneOf(str(p, "collection_method"), ["send_invoice", "charge_automatically"], "collection_method") ?? "charge_automatically";
    const daysUntilDue = int(p, "days_until_due");
    if (collection === "send_invoice" && daysUntilDue === undefined && int(p, "due_date") === undefined) {
      throw invalid("days_until_due", "Invoices with collection_method 'send_invoice' need days_until_due or due_date.", "parameter_missing");
    }
    const destination = str(p, "transfer_data.destination");
    if (destination !== undefined) this.account(destination);
    const fee = int(p, "application_fee_amount");
    if (fee !== undefined && fee < 0) throw invalid("application_fee_amount", "application_fee_amount must be 0 or more.");
    if (fee !== undefined && destination === undefined) {
      throw invalid("application_fee_amount", "An application_fee_amount needs a connected account: set transfer_data[destination].");
    }
    const currency = (str(p, "currency") ?? "gbp").toLowerCase();
    const invoice: Invoice = {
      id: newId("in"),
      object: "invoice",
      customer: customer.id,
      status: "draft",
      number: null,
      collection_method: collection,
      days_until_due: daysUntilDue ?? null,
      due_date: int(p, "due_date") ?? null,
      currency,
      auto_advance: bool(p, "auto_advance") ?? collection === "charge_automatically",
      description: str(p, "description") ?? null,
      metadata: metadata(p),
      transfer_data: destination ? { destination, amount: int(p, "transfer_data.amount") ?? null } : null,
      application_fee_amount: fee ?? null,
      payment_settings: obj(p, "payment_settings") ?? {},
      hosted_invoice_url: null,
      invoice_pdf: null,
      subtotal: 0,
      total: 0,
      amount_due: 0,
      amount_paid: 0,
      amount_remaining: 0,
      pre_payment_credit_notes_amount: 0,
      post_payment_credit_notes_amount: 0,
      lines: { object: "list", data: [], has_more: false, total_count: 0, url: "" },
      status_transitions: { finalized_at: null, paid_at: null, voided_at: null, marked_uncollectible_at: null },
      account_country: "GB",
      created: this.now(),
      livemode: false,
    };
    invoice.lines.url = `/v1/invoices/${invoice.id}/lines`;
    this.invoices.set(invoice.id, invoice);
    const behaviour = oneOf(str(p, "pending_invoice_items_behavior"), ["include", "exclude"], "pending_invoice_items_behavior") ?? "exclude";
    if (behaviour === "include") {
      for (const item of this.invoiceItems.values()) if (item.customer === customer.id && item.invoice === null) this.attach(item, invoice);
    }
    this.emit("invoice.created", invoice);
    return invoice;
  }

  invoice(id: string): Invoice {
    const invoice = this.invoices.get(id);
    if (!invoice) throw missing("invoice", id);
    return invoice;
  }

  listInvoices(query: FormObject): Invoice[] {
    const customer = str(query, "customer");
    const status = str(query, "status");
    return [...this.invoices.values()]
      .filter((i) => (customer === undefined || i.customer === customer) && (status === undefined || i.status === status))
      .reverse();
  }

  createInvoiceItem(p: FormObject): InvoiceItem {
    const customer = this.customer(reqStr(p, "customer"));
    const invoiceId = str(p, "invoice");
    const invoice = invoiceId === undefined ? undefined : this.invoice(invoiceId);
    if (invoice && invoice.status !== "draft") {
      throw refused(`You can only add invoice items to draft invoices; invoice ${invoice.id} is ${invoice.status}.`, "invoice_not_editable", "invoice");
    }
    if (invoice && invoice.customer !== customer.id) throw invalid("invoice", "The invoice belongs to another customer.");
    const now = this.now();
    const item: InvoiceItem = {
      id: newId("ii"),
      object: "invoiceitem",
      customer: customer.id,
      invoice: null,
      amount: reqInt(p, "amount"),
      currency: (str(p, "currency") ?? invoice?.currency ?? "gbp").toLowerCase(),
      description: str(p, "description") ?? null,
      metadata: metadata(p),
      period: { start: int(p, "period.start") ?? now, end: int(p, "period.end") ?? now },
      quantity: 1,
      date: now,
      livemode: false,
    };
    if (item.period.end < item.period.start) throw invalid("period[end]", "The period's end must not be before its start.");
    if (invoice && item.currency !== invoice.currency)
      throw invalid("currency", `The item's currency ${item.currency} is not the invoice's ${invoice.currency}.`);
    this.invoiceItems.set(item.id, item);
    if (invoice) this.attach(item, invoice);
    this.emit("invoiceitem.created", item);
    return item;
  }

  invoiceItem(id: string): InvoiceItem {
    const item = this.invoiceItems.get(id);
    if (!item) throw missing("invoiceitem", id);
    return item;
  }

  private attach(item: InvoiceItem, invoice: Invoice) {
    item.invoice = invoice.id;
    invoice.lines.data.push({
      id: newId("il"),
      object: "line_item",
      invoice: invoice.id,
      invoice_item: item.id,
      parent: { type: "invoice_item_details", invoice_item_details: { invoice_item: item.id } },
      amount: item.amount,
      currency: item.currency,
      description: item.description,
      metadata: { ...item.metadata },
      period: { ...item.period },
      quantity: 1,
    });
    this.recompute(invoice);
  }

  /** Totals follow the lines; credit notes before payment lower what is due. */
  private recompute(invoice: Invoice) {
    invoice.subtotal = invoice.lines.data.reduce((sum, l) => sum + l.amount, 0);
    invoice.total = invoice.subtotal;
    invoice.lines.total_count = invoice.lines.data.length;
    invoice.amount_due = Math.max(invoice.total - invoice.pre_payment_credit_notes_amount, 0);
    invoice.amount_remaining = invoice.status === "void" ? 0 : Math.max(invoice.amount_due - invoice.amount_paid, 0);
  }

  finalizeInvoice(id: string): Invoice {
    const invoice = this.invoice(id);
    if (invoice.status !== "draft") throw refused(`This invoice is already finalized (status ${invoice.status}).`, "invoice_not_editable");
    if (invoice.application_fee_amount !== null && invoice.application_fee_amount > invoice.total) {
      throw refused("The application fee amount cannot be greater than the invoice total.", "parameter_invalid", "application_fee_amount");
    }
    if (invoice.transfer_data) {
      const destination = this.account(invoice.transfer_data.destination);
      if (destination.capabilities.transfers !== "active") {
        throw refused(
          `The destination account ${destination.id} needs the transfers capability enabled.`,
          "insufficient_capabilities_for_transfer",
          "transfer_data[destination]",
        );
      }
    }
    const now = this.now();
    this.invoiceCount += 1;
    invoice.status = "open";
    invoice.number = `PX-${String(this.invoiceCount).padStart(4, "0")}`;
    invoice.hosted_invoice_url = `${this.baseUrl()}/i/${invoice.id}`;
    invoice.invoice_pdf = `${this.baseUrl()}/i/${invoice.id}/pdf`;
    invoice.status_transitions.finalized_at = now;
    if (invoice.days_until_due !== null) invoice.due_date = invoice.created + invoice.days_until_due * DAY;
    this.recompute(invoice);
    this.emit("invoice.finalized", invoice);
    // A zero invoice has nothing to collect: Stripe marks it paid when finalised.
    if (invoice.amount_due === 0) this.markPaid(invoice);
    return invoice;
  }

  sendInvoice(id: string): Invoice {
    const invoice = this.invoice(id);
    if (invoice.collection_method !== "send_invoice") throw refused("Only send_invoice invoices can be sent.", "invoice_not_editable");
    if (invoice.status !== "open") throw refused(`You can only send an open invoice; this one is ${invoice.status}.`, "invoice_not_editable");
    this.emit("invoice.sent", invoice);
    return invoice;
  }

  voidInvoice(id: string): Invoice {
    const invoice = this.invoice(id);
    if (invoice.status !== "open" && invoice.status !== "uncollectible") {
      throw refused(`You can only void an open or uncollectible invoice; this one is ${invoice.status}.`, "invoice_not_editable");
    }
    invoice.status = "void";
    invoice.status_transitions.voided_at = this.now();
    this.recompute(invoice);
    this.emit("invoice.voided", invoice);
    return invoice;
  }

  deleteInvoice(id: string) {
    const invoice = this.invoice(id);
    if (invoice.status !== "draft") throw refused("You can only delete draft invoices.", "invoice_not_editable");
    this.invoices.delete(id);
    for (const line of invoice.lines.data) this.invoiceItems.delete(line.invoice_item);
    this.emit("invoice.deleted", invoice);
    return { id, object: "invoice" as const, deleted: true };
  }

  payInvoice(id: string): Invoice {
    const invoice = this.invoice(id);
    if (invoice.status !== "open") throw refused(`Invoice ${id} is ${invoice.status}, not open.`, "invoice_not_open");
    this.markPaid(invoice);
    this.emit("invoice.payment_succeeded", invoice);
    return invoice;
  }

  /** POST /v1/invoices/:id/pay: here always settles (as `paid_out_of_band` would). */
  payInvoiceByApi(id: string, p: FormObject): Invoice {
    bool(p, "paid_out_of_band");
    return this.payInvoice(id);
  }

  private markPaid(invoice: Invoice) {
    invoice.status = "paid";
    invoice.amount_paid = invoice.amount_due;
    invoice.status_transitions.paid_at = this.now();
    this.recompute(invoice);
    this.emit("invoice.paid", invoice);
  }

  // ---- credit notes ----

  createCreditNote(p: FormObject): CreditNote {
    const invoice = this.invoice(reqStr(p, "invoice"));
    if (invoice.status !== "open" && invoice.status !== "paid") {
      throw refused(`You can only credit an open or paid invoice; this one is ${invoice.status}.`, "invoice_not_editable", "invoice");
    }
    const lines: CreditNoteLine[] = list(p, "lines").map((raw, i) => {
      if (typeof raw !== "object" || Array.isArray(raw)) throw invalid(`lines[${i}]`, "Invalid credit note line.");
      const type = reqStr(raw, "type");
      if (type !== "custom_line_item") throw invalid(`lines[${i}][type]`, "Only custom_line_item lines are supported here.");
      const unitAmount = reqInt(raw, "unit_amount");
      const quantity = int(raw, "quantity") ?? 1;
      if (unitAmount < 0 || quantity < 1) throw invalid(`lines[${i}][unit_amount]`, "A credit line must be a positive amount.");
      return {
        id: newId("cnli"),
        object: "credit_note_line_item",
        type,
        amount: unitAmount * quantity,
        unit_amount: unitAmount,
        quantity,
        description: str(raw, "description") ?? null,
      };
    });
    const amount = lines.length > 0 ? lines.reduce((s, l) => s + l.amount, 0) : reqInt(p, "amount");
    if (amount <= 0) throw invalid("amount", "A credit note must be for more than zero.");
    const credited = invoice.pre_payment_credit_notes_amount + invoice.post_payment_credit_notes_amount;
    if (amount > invoice.total - credited) {
      throw refused(
        `The credit note amount (${amount}) exceeds the invoice's total less credit already issued (${invoice.total - credited}).`,
        "credit_note_amount_too_large",
        "lines",
      );
    }
    const type = invoice.status === "paid" ? "post_payment" : "pre_payment";
    const count = [...this.creditNotes.values()].filter((c) => c.invoice === invoice.id).length + 1;
    const note: CreditNote = {
      id: newId("cn"),
      object: "credit_note",
      invoice: invoice.id,
      customer: invoice.customer,
      number: `${invoice.number}-CN-${String(count).padStart(2, "0")}`,
      status: "issued",
      type,
      amount,
      subtotal: amount,
      total: amount,
      currency: invoice.currency,
      memo: str(p, "memo") ?? null,
      reason: oneOf(str(p, "reason"), ["duplicate", "fraudulent", "order_change", "product_unsatisfactory"], "reason") ?? null,
      metadata: metadata(p),
      lines: { object: "list", data: lines, has_more: false, url: "" },
      created: this.now(),
      livemode: false,
    };
    note.lines.url = `/v1/credit_notes/${note.id}/lines`;
    this.creditNotes.set(note.id, note);
    this.emit("credit_note.created", note);
    if (type === "pre_payment") {
      invoice.pre_payment_credit_notes_amount += amount;
      this.recompute(invoice);
      // Credited down to nothing, an open invoice is settled.
      if (invoice.amount_remaining === 0) this.markPaid(invoice);
    } else {
      invoice.post_payment_credit_notes_amount += amount;
      // After payment the credit goes to the customer's balance (negative = in their favour).
      this.customer(invoice.customer).balance -= amount;
    }
    return note;
  }

  listCreditNotes(query: FormObject): CreditNote[] {
    const invoice = str(query, "invoice");
    return [...this.creditNotes.values()].filter((c) => invoice === undefined || c.invoice === invoice).reverse();
  }

  creditNote(id: string): CreditNote {
    const note = this.creditNotes.get(id);
    if (!note) throw missing("credit_note", id);
    return note;
  }
}
