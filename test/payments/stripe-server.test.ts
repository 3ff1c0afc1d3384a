import Stripe from "stripe";
import { createStripeClient } from "../../server/src/modules/payments/stripe-client";
import {
  signedWebhook,
  signEvent,
  startStripeServer,
  STRIPE_TEST_ENV,
  STRIPE_TEST_SECRET_KEY,
  STRIPE_TEST_WEBHOOK_SECRET,
  type StripeServer,
} from "../support/stripe-server";

// The real SDK, configured as the app configures it, against the test server.
let server: StripeServer;
let stripe: Stripe;
beforeAll(async () => {
  server = await startStripeServer();
  const env = STRIPE_TEST_ENV(server.url);
  const client = createStripeClient({ secretKey: env.STRIPE_SECRET_KEY, apiBase: env.STRIPE_API_BASE });
  if (!client) throw new Error("no Stripe client");
  stripe = client;
});
afterAll(() => server.close());

const expressAccount = () =>
  stripe.accounts.create({
    type: "express",
    country: "GB",
    email: "finance@provider.test",
    capabilities: { transfers: { requested: true } },
    metadata: { organisationId: "org-1" },
  });

async function openInvoice(amounts: number[], options: { fee?: number; destination?: string } = {}) {
  const customer = await stripe.customers.create({ name: "Council", metadata: { organisationId: "la-1" } });
  const invoice = await stripe.invoices.create({
    customer: customer.id,
    collection_method: "send_invoice",
    days_until_due: 30,
    currency: "gbp",
    auto_advance: false,
    metadata: { invoiceId: "px-inv-1" },
    payment_settings: {
      payment_method_types: ["customer_balance"],
      payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "gb_bank_transfer" } } },
    },
    ...(options.destination ? { transfer_data: { destination: options.destination } } : {}),
    ...(options.fee !== undefined ? { application_fee_amount: options.fee } : {}),
  });
  for (const [i, amount] of amounts.entries()) {
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: invoice.id,
      amount,
      currency: "gbp",
      description: `Week ${i + 1}`,
      metadata: { lineId: `l${i}` },
      period: { start: 1_790_000_000, end: 1_790_600_000 },
    });
  }
  return { customer, invoice: await stripe.invoices.finalizeInvoice(invoice.id) };
}

describe("the Stripe-shaped test server, driven by the real SDK", () => {
  it("should create an Express account that cannot be paid until onboarding completes, with a link to onboard", async () => {
    const account = await expressAccount();
    expect(account.id).toMatch(/^acct_/);
    expect(account).toMatchObject({ charges_enabled: false, payouts_enabled: false, details_submitted: false, metadata: { organisationId: "org-1" } });
    expect(account.requirements?.currently_due?.length).toBeGreaterThan(0);
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: "account_onboarding",
      refresh_url: "http://app/refresh",
      return_url: "http://app/return",
    });
    expect(link.url.startsWith(server.url)).toBe(true);
    expect((await fetch(link.url)).status).toBe(200);

    server.completeOnboarding(account.id);
    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({
      charges_enabled: true,
      payouts_enabled: true,
      details_submitted: true,
      requirements: { currently_due: [] },
    });
  });

  it("should total an invoice from its items, number it when finalised, send it and take payment", async () => {
    const account = await expressAccount();
    server.completeOnboarding(account.id);
    const { customer, invoice } = await openInvoice([120_000, 30_050], { destination: account.id, fee: 1_500 });
    expect(invoice).toMatchObject({
      status: "open",
      total: 150_050,
      amount_due: 150_050,
      amount_remaining: 150_050,
      customer: customer.id,
      application_fee_amount: 1_500,
    });
    expect(invoice.number).toMatch(/^PX-\d{4}$/);
    expect(invoice.due_date).toBe(invoice.created + 30 * 86_400);
    expect(invoice.hosted_invoice_url?.startsWith(server.url)).toBe(true);
    expect(invoice.lines.data.map((l) => [l.amount, l.description, l.metadata.lineId])).toEqual([
      [120_000, "Week 1", "l0"],
      [30_050, "Week 2", "l1"],
    ]);

    expect((await stripe.invoices.sendInvoice(invoice.id)).status).toBe("open");
    server.payInvoice(invoice.id);
    const paid = await stripe.invoices.retrieve(invoice.id);
    expect(paid).toMatchObject({ status: "paid", amount_paid: 150_050, amount_remaining: 0 });
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));
    expect((await stripe.invoices.list({ customer: customer.id })).data.map((i) => i.id)).toEqual([invoice.id]);

    // The events Stripe would send, in order, each with the invoice as it was then; one signed verifies.
    const about = server.events.filter((e) => (e.data.object as { id?: string }).id === invoice.id);
    expect(about.map((e) => [e.type, (e.data.object as Stripe.Invoice).status])).toEqual([
      ["invoice.created", "draft"],
      ["invoice.finalized", "open"],
      ["invoice.sent", "open"],
      ["invoice.paid", "paid"],
      ["invoice.payment_succeeded", "paid"],
    ]);
    const { payload, header } = signEvent(about[3]!);
    expect(stripe.webhooks.constructEvent(payload, header, STRIPE_TEST_WEBHOOK_SECRET).id).toBe(about[3]!.id);
  });

  it("should refuse to change a finalised invoice, a fee above its total, and a destination not yet onboarded", async () => {
    const { customer, invoice } = await openInvoice([1_000]);
    await expect(stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 5, currency: "gbp" })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    await expect(stripe.invoices.finalizeInvoice(invoice.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const onboarded = await expressAccount();
    server.completeOnboarding(onboarded.id);
    await expect(openInvoice([1_000], { destination: onboarded.id, fee: 1_001 })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "application_fee_amount",
    });
    const notOnboarded = await expressAccount();
    await expect(openInvoice([1_000], { destination: notOnboarded.id })).rejects.toMatchObject({ param: "transfer_data[destination]" });
    await expect(stripe.invoices.retrieve("in_missing")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("should page lists newest first, as the SDK's auto-pagination expects", async () => {
    const customer = await stripe.customers.create({ name: "Paged" });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await stripe.invoices.create({ customer: customer.id, collection_method: "send_invoice", days_until_due: 30 })).id);
    const first = await stripe.invoices.list({ customer: customer.id, limit: 2 });
    expect(first.data.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    expect((await stripe.invoices.list({ customer: customer.id, limit: 2 }).autoPagingToArray({ limit: 10 })).map((i) => i.id)).toEqual(ids.reverse());
  });

  it("should issue credit notes up to what is left to credit, lowering what is due before payment", async () => {
    const { customer, invoice } = await openInvoice([10_000]);
    const credit = (amount: number) =>
      stripe.creditNotes.create({
        invoice: invoice.id,
        lines: [{ type: "custom_line_item", unit_amount: amount, quantity: 1, description: "Days not attended" }],
        memo: "Absence",
        metadata: { creditNoteId: "px-cn" },
      });
    const first = await credit(2_500);
    expect(first).toMatchObject({ status: "issued", amount: 2_500, type: "pre_payment", invoice: invoice.id, metadata: { creditNoteId: "px-cn" } });
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({
      total: 10_000,
      amount_due: 7_500,
      amount_remaining: 7_500,
      pre_payment_credit_notes_amount: 2_500,
    });
    await expect(credit(7_501)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);

    server.payInvoice(invoice.id);
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ status: "paid", amount_paid: 7_500 });
    expect(await credit(7_500)).toMatchObject({ type: "post_payment" });
    expect(await stripe.invoices.retrieve(invoice.id)).toMatchObject({ post_payment_credit_notes_amount: 7_500 });
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({ balance: -7_500 });
    await expect(credit(1)).rejects.toMatchObject({ code: "credit_note_amount_too_large" });
    expect((await stripe.creditNotes.list({ invoice: invoice.id })).data).toHaveLength(2);
  });

  it("should void an open invoice and refuse to credit or pay it afterwards", async () => {
    const { invoice } = await openInvoice([4_000]);
    expect(await stripe.invoices.voidInvoice(invoice.id)).toMatchObject({ status: "void", amount_remaining: 0 });
    await expect(stripe.creditNotes.create({ invoice: invoice.id, lines: [{ type: "custom_line_item", unit_amount: 1, quantity: 1 }] })).rejects.toBeInstanceOf(
      Stripe.errors.StripeInvalidRequestError,
    );
    expect(() => server.payInvoice(invoice.id)).toThrow(/void/);
  });

  it("should start a yearly subscription when Checkout completes, carrying the metadata, and follow its status", async () => {
    const customer = await stripe.customers.create({ name: "Provider" });
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      customer: customer.id,
      line_items: [
        { quantity: 1, price_data: { currency: "gbp", unit_amount: 60_000, recurring: { interval: "year" }, product_data: { name: "Membership" } } },
      ],
      success_url: "http://app/done",
      cancel_url: "http://app/cancel",
      metadata: { membershipId: "m-1" },
      subscription_data: { metadata: { membershipId: "m-1" } },
    });
    expect(session).toMatchObject({ status: "open", subscription: null, amount_total: 60_000 });
    expect(session.url?.startsWith(server.url)).toBe(true);

    const { subscription } = server.completeCheckout(session.id);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "complete", subscription: subscription.id, customer: customer.id });
    const live = await stripe.subscriptions.retrieve(subscription.id);
    expect(live).toMatchObject({ status: "active", customer: customer.id, metadata: { membershipId: "m-1" } });
    const item = live.items.data[0];
    expect(item?.price.unit_amount).toBe(60_000);
    const start = new Date(live.start_date * 1000);
    expect(new Date((item?.current_period_end ?? 0) * 1000).getUTCFullYear()).toBe(start.getUTCFullYear() + 1);
    expect(() => server.completeCheckout(session.id)).toThrow(/complete/);

    expect(server.eventsOf("checkout.session.completed").map((e) => (e.data.object as Stripe.Checkout.Session).subscription)).toContain(subscription.id);
    const renewed = server.renewSubscription(subscription.id);
    expect(renewed.current_period_start).toBe(item?.current_period_end);
    expect(new Date(renewed.current_period_end * 1000).getUTCFullYear()).toBe(start.getUTCFullYear() + 2);

    server.setSubscriptionStatus(subscription.id, "past_due");
    expect((await stripe.subscriptions.retrieve(subscription.id)).status).toBe("past_due");
    expect(await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true })).toMatchObject({ cancel_at_period_end: true });
    expect((await stripe.subscriptions.cancel(subscription.id)).status).toBe("canceled");
    expect(server.eventsOf("customer.subscription.deleted").map((e) => (e.data.object as Stripe.Subscription).id)).toEqual([subscription.id]);
  });

  it("should replay a POST with the same idempotency key without creating it twice, and refuse the key with other parameters", async () => {
    const before = server.snapshot().customers.length;
    const first = await stripe.customers.create({ name: "Once" }, { idempotencyKey: "cust-once" });
    const again = await stripe.customers.create({ name: "Once" }, { idempotencyKey: "cust-once" });
    expect(again.id).toBe(first.id);
    expect(server.snapshot().customers.length).toBe(before + 1);
    expect(server.requests.filter((r) => r.idempotencyKey === "cust-once").map((r) => r.replayed)).toEqual([false, true]);
    await expect(stripe.customers.create({ name: "Twice" }, { idempotencyKey: "cust-once" })).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(server.snapshot().customers.length).toBe(before + 1);
  });

  it("should fail injected requests with an api_error and do nothing, then let a retry with the same key through", async () => {
    const before = server.snapshot().customers.length;
    server.failNext({ times: 1, status: 503, path: /^\/v1\/customers$/ });
    await expect(stripe.customers.create({ name: "Later" }, { idempotencyKey: "after-outage" })).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(server.snapshot().customers.length).toBe(before);
    const created = await stripe.customers.create({ name: "Later" }, { idempotencyKey: "after-outage" });
    expect(created.name).toBe("Later");
    expect(server.snapshot().customers.length).toBe(before + 1);
  });

  it("should do the work of a request whose answer is lost, so that a retry with the same key gets the result without a second", async () => {
    const before = server.snapshot().customers.length;
    server.failNext({ path: /^\/v1\/customers$/, executed: true });
    await expect(stripe.customers.create({ name: "Lost answer" }, { idempotencyKey: "lost-answer" })).rejects.toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(server.snapshot().customers.length).toBe(before + 1);
    const retried = await stripe.customers.create({ name: "Lost answer" }, { idempotencyKey: "lost-answer" });
    expect(server.snapshot().customers.map((c) => c.id)).toContain(retried.id);
    expect(server.snapshot().customers.length).toBe(before + 1);
  });

  it("should answer a delayed request late, while others go through", async () => {
    server.delayNext({ ms: 300, path: /^\/v1\/customers$/ });
    const order: string[] = [];
    await Promise.all([
      stripe.customers.create({ name: "Slow" }).then(() => order.push("slow")),
      new Promise((r) => setTimeout(r, 50)).then(() => stripe.invoices.list({ limit: 1 })).then(() => order.push("fast")),
    ]);
    expect(order).toEqual(["fast", "slow"]);
  });

  it("should be unreachable while down and answer again when up", async () => {
    server.down();
    await expect(stripe.customers.create({ name: "Unreachable" })).rejects.toBeInstanceOf(Stripe.errors.StripeConnectionError);
    server.up();
    expect((await stripe.customers.create({ name: "Reachable" })).name).toBe("Reachable");
  });

  it("should sign webhook events that the SDK verifies, and a tampered payload should fail", () => {
    const { payload, header } = signedWebhook({ type: "invoice.paid", object: { id: "in_1", object: "invoice" } });
    const event = stripe.webhooks.constructEvent(payload, header, STRIPE_TEST_WEBHOOK_SECRET);
    expect(event).toMatchObject({ type: "invoice.paid", object: "event", livemode: false, data: { object: { id: "in_1" } } });
    expect(() => stripe.webhooks.constructEvent(payload.replace("in_1", "in_2"), header, STRIPE_TEST_WEBHOOK_SECRET)).toThrow(
      Stripe.errors.StripeSignatureVerificationError,
    );
    expect(() => stripe.webhooks.constructEvent(payload, header, "whsec_other")).toThrow(Stripe.errors.StripeSignatureVerificationError);
    const stale = signedWebhook({ type: "account.updated", object: { id: "acct_1" }, account: "acct_1", timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(JSON.parse(stale.payload)).toMatchObject({ account: "acct_1" });
    expect(() => stripe.webhooks.constructEvent(stale.payload, stale.header, STRIPE_TEST_WEBHOOK_SECRET)).toThrow(/timestamp outside the tolerance/i);
  });

  it("should refuse a request without a secret key", async () => {
    const response = await fetch(`${server.url}/v1/customers`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(STRIPE_TEST_SECRET_KEY.startsWith("sk_test_")).toBe(true);
  });
});

describe("the test server's checks and clock", () => {
  let now = 1_800_000_000;
  let timed: StripeServer;
  let client: Stripe;
  beforeAll(async () => {
    timed = await startStripeServer({ now: () => now });
    client = createStripeClient({ secretKey: STRIPE_TEST_SECRET_KEY, apiBase: timed.url })!;
  });
  afterAll(() => timed.close());

  it("should refuse a parameter Stripe does not accept, and a fee without a connected account", async () => {
    const unknown = { name: "X", organisation: "nope" } as Stripe.CustomerCreateParams;
    await expect(client.customers.create(unknown)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "parameter_unknown",
      param: "organisation",
    });
    const customer = await client.customers.create({ name: "Council" });
    await expect(
      client.invoices.create({ customer: customer.id, collection_method: "send_invoice", days_until_due: 30, application_fee_amount: 10 }),
    ).rejects.toMatchObject({
      param: "application_fee_amount",
    });
    expect(timed.snapshot().invoices).toHaveLength(0);
  });

  it("should forget an idempotency key after 24 hours, and lapse an unpaid Checkout session after 24 hours", async () => {
    const first = await client.customers.create({ name: "Keyed" }, { idempotencyKey: "daily" });
    now += 23 * 3600;
    expect((await client.customers.create({ name: "Keyed" }, { idempotencyKey: "daily" })).id).toBe(first.id);
    now += 3600;
    expect((await client.customers.create({ name: "Keyed" }, { idempotencyKey: "daily" })).id).not.toBe(first.id);

    const session = await client.checkout.sessions.create({
      mode: "subscription",
      customer: first.id,
      line_items: [{ quantity: 1, price_data: { currency: "gbp", unit_amount: 100, recurring: { interval: "year" }, product_data: { name: "Membership" } } }],
      success_url: "http://app/done",
    });
    now += 24 * 3600;
    expect(await client.checkout.sessions.retrieve(session.id)).toMatchObject({ status: "expired", url: null });
    expect(() => timed.completeCheckout(session.id)).toThrow(/expired/);
  });
});
