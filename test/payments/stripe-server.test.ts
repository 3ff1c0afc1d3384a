import Stripe from "stripe";
import { createStripeClient } from "../../server/src/modules/payments/stripe-client";
import {
  signedWebhook,
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
  });

  it("should refuse a request without a secret key", async () => {
    const response = await fetch(`${server.url}/v1/customers`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(STRIPE_TEST_SECRET_KEY.startsWith("sk_test_")).toBe(true);
  });
});
