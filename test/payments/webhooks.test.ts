import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import request from "supertest";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { creditNotes, invoices } from "../../server/src/db/schema";
import { createStripeClient } from "../../server/src/modules/payments/stripe-client";
import { buildInvoiceFor } from "../factories/payments";
import { createTestApp, type TestApp } from "../setup/test-app";
import { signedWebhook, startStripeServer, STRIPE_TEST_ENV, STRIPE_TEST_SECRET_KEY, type StripeServer } from "../support/stripe-server";
import { auditEntries, buildStripeWorld } from "./stripe-world";

let server: StripeServer;
let stripe: Stripe;
let t: TestApp;
let world: Awaited<ReturnType<typeof buildStripeWorld>>;
const db = (): Db => t.database.handle.db;
beforeAll(async () => {
  server = await startStripeServer();
  stripe = createStripeClient({ secretKey: STRIPE_TEST_SECRET_KEY, apiBase: server.url })!;
  t = await createTestApp({ seed: false, env: STRIPE_TEST_ENV(server.url) });
  world = await buildStripeWorld(db());
});
afterAll(async () => {
  await t.close();
  await server.close();
});

const deliver = (webhook: { payload: string; header: string }) =>
  request(t.app).post("/api/v1/payments/stripe/webhook").set("Stripe-Signature", webhook.header).set("Content-Type", "application/json").send(webhook.payload);

let month = 0;
/** An invoice of ours already pushed to Stripe (open there, with one item), as the billing run leaves it; a period of its own each. */
async function openInvoice() {
  month += 1;
  const periodStart = `2026-${String(month).padStart(2, "0")}-01`;
  const customer = await stripe.customers.create({ name: world.council.name });
  const [row] = await db()
    .insert(invoices)
    .values({
      regionId: world.region.id,
      councilId: world.council.id,
      providerId: world.provider.org.id,
      kind: "period",
      periodStart,
      periodEnd: periodStart.replace(/01$/, "28"),
      status: "open",
      totalPence: 430_000,
      levyBasisPoints: 0,
      levyPence: 0,
    })
    .returning();
  const draft = await stripe.invoices.create({
    customer: customer.id,
    collection_method: "send_invoice",
    days_until_due: 30,
    metadata: { invoiceId: row!.id },
  });
  await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 430_000, currency: "gbp" });
  const open = await stripe.invoices.finalizeInvoice(draft.id);
  await db()
    .update(invoices)
    .set({ stripeInvoiceId: open.id })
    .where(sql`id = ${row!.id}`);
  return { id: row!.id, open };
}

const invoiceRow = async (id: string) =>
  (
    await rowsOf<{ status: string; paid: boolean; invoice_number: string | null; hosted_invoice_url: string | null }>(
      db(),
      sql`SELECT status, paid_at IS NOT NULL AS paid, invoice_number, hosted_invoice_url FROM invoices WHERE id = ${id}`,
    )
  )[0];
const eventCount = async (id: string) => (await rowsOf<{ n: number }>(db(), sql`SELECT count(*)::int AS n FROM stripe_events WHERE id = ${id}`))[0]?.n;

describe("POST /api/v1/payments/stripe/webhook", () => {
  it("should enable a provider on account.updated, from the account as Stripe has it", async () => {
    expect((await request(t.app).post("/api/v1/payments/connect").set(world.provider.admin.auth)).status).toBe(200);
    const [{ account_id: accountId } = { account_id: "" }] = await rowsOf<{ account_id: string }>(
      db(),
      sql`SELECT account_id FROM stripe_accounts WHERE organisation_id = ${world.provider.org.id}`,
    );
    const before = await stripe.accounts.retrieve(accountId);
    server.completeOnboarding(accountId);
    // The event carries the account as it was when sent; the product asks Stripe for it now.
    const res = await deliver(signedWebhook({ type: "account.updated", object: before }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, applied: true });
    const status = await request(t.app).get("/api/v1/payments/connect").set(world.provider.member.auth);
    expect(status.body.data).toMatchObject({ chargesEnabled: true, payoutsEnabled: true, detailsSubmitted: true, canBeInvoiced: true });
    const [entry] = await auditEntries(db(), "payments.account_updated", world.provider.org.id);
    expect(entry?.details).toMatchObject({ accountId, chargesEnabled: true, payoutsEnabled: true });
  });

  it("should mark an invoice paid on invoice.paid, once however often the event comes", async () => {
    const { id, open } = await openInvoice();
    const paid = server.payInvoice(open.id);
    const webhook = signedWebhook({ type: "invoice.paid", object: paid });
    expect((await deliver(webhook)).body).toEqual({ received: true, applied: true });
    const row = await invoiceRow(id);
    expect(row).toMatchObject({ status: "paid", invoice_number: open.number, hosted_invoice_url: open.hosted_invoice_url });
    expect(row?.paid).toBe(true);

    const again = await deliver(webhook);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ received: true, applied: false });
    expect(await auditEntries(db(), "payments.invoice_paid", id)).toHaveLength(1);
    expect(await eventCount(webhook.event.id)).toBe(1);
  });

  it("should keep Stripe's state now when an older event arrives after a newer one", async () => {
    const { id, open } = await openInvoice();
    const finalized = signedWebhook({ type: "invoice.finalized", object: open, created: Math.floor(Date.now() / 1000) - 60 });
    const paid = signedWebhook({ type: "invoice.paid", object: server.payInvoice(open.id) });
    expect((await deliver(paid)).status).toBe(200);
    // The late 'finalized' event says open; Stripe says paid: paid it stays.
    expect((await deliver(finalized)).status).toBe(200);
    expect((await invoiceRow(id))?.status).toBe("paid");
  });

  it("should refuse a tampered payload, a wrong secret, a stale timestamp or no signature (400), changing nothing", async () => {
    const { id, open } = await openInvoice();
    const paid = server.payInvoice(open.id);
    const good = signedWebhook({ type: "invoice.paid", object: paid });
    const tampered = { payload: good.payload.replace('"invoice.paid"', '"invoice.voided"'), header: good.header };
    const wrongSecret = signedWebhook({ type: "invoice.paid", object: paid, secret: "whsec_someone_else" });
    const stale = signedWebhook({ type: "invoice.paid", object: paid, timestamp: Math.floor(Date.now() / 1000) - 301 });
    for (const webhook of [tampered, wrongSecret, stale, { payload: good.payload, header: "" }]) {
      const res = await deliver(webhook);
      expect(res.status).toBe(400);
      expect(res.body.issues).toEqual([{ path: "headers.stripe-signature", message: expect.stringMatching(/signature/) }]);
    }
    expect((await invoiceRow(id))?.status).toBe("open");
    expect(await eventCount(good.event.id)).toBe(0);
    expect(await eventCount(wrongSecret.event.id)).toBe(0);
  });

  it("should acknowledge an unknown event type (200) and change and store nothing", async () => {
    const { id, open } = await openInvoice();
    const webhook = signedWebhook({ type: "invoice.upcoming", object: server.payInvoice(open.id) });
    const res = await deliver(webhook);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: true, applied: false });
    expect((await invoiceRow(id))?.status).toBe("open");
    expect(await eventCount(webhook.event.id)).toBe(0);
  });

  it("should answer 503 when Stripe cannot be asked for the object, changing nothing, and apply it when Stripe sends it again", async () => {
    const { id, open } = await openInvoice();
    const webhook = signedWebhook({ type: "invoice.paid", object: server.payInvoice(open.id) });
    server.down();
    try {
      const res = await deliver(webhook);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe("service_unavailable");
    } finally {
      server.up();
    }
    server.failNext({ status: 500, path: /^\/v1\/invoices\// });
    expect((await deliver(webhook)).status).toBe(503);
    expect((await invoiceRow(id))?.status).toBe("open");
    expect(await eventCount(webhook.event.id)).toBe(0);

    expect((await deliver(webhook)).body).toEqual({ received: true, applied: true });
    expect((await invoiceRow(id))?.status).toBe("paid");
  });

  it("should acknowledge an event about an object that is not ours, changing nothing", async () => {
    const customer = await stripe.customers.create({ name: "Someone else" });
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: "send_invoice", days_until_due: 30 });
    const webhook = signedWebhook({ type: "invoice.finalized", object: draft });
    expect((await deliver(webhook)).body).toEqual({ received: true, applied: false });
  });

  it("should mark a credit note issued on credit_note.created, found by the id in its metadata", async () => {
    const invoiceId = await buildInvoiceFor(db(), { regionId: world.region.id });
    const [line] = await rowsOf<{ placement_id: string }>(db(), sql`SELECT placement_id FROM invoice_lines WHERE invoice_id = ${invoiceId}`);
    const [credit] = await db()
      .insert(creditNotes)
      .values({
        invoiceId,
        placementId: line!.placement_id,
        periodStart: "2026-05-01",
        periodEnd: "2026-05-31",
        amountPence: 10_000,
        reason: "The placement ended early",
      })
      .returning();
    const { open } = await openInvoice();
    const created = await stripe.creditNotes.create({
      invoice: open.id,
      lines: [{ type: "custom_line_item", unit_amount: 10_000, quantity: 1, description: "The placement ended early" }],
      metadata: { creditNoteId: credit!.id },
    });
    expect((await deliver(signedWebhook({ type: "credit_note.created", object: created }))).body.applied).toBe(true);
    const [row] = await rowsOf<{ status: string; stripe_credit_note_id: string }>(
      db(),
      sql`SELECT status, stripe_credit_note_id FROM credit_notes WHERE id = ${credit!.id}`,
    );
    expect(row).toEqual({ status: "issued", stripe_credit_note_id: created.id });
  });
});
