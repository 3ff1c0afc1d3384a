import { sql } from "drizzle-orm";
import request from "supertest";
import { ApiErrorSchema } from "@shared/errors";
import { BillingRunResponseSchema, PlacementFeesResponseSchema } from "@shared/schemas/payments";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";
import { startStripeServer, STRIPE_TEST_ENV, type StripeServer } from "../support/stripe-server";
import { buildBillingRegion, connectProvider, creditsOf, invoicesOf, linesOf } from "./billing-world";

let stripe: StripeServer;
let t: TestApp;
const db = () => t.database.handle.db;
beforeAll(async () => {
  stripe = await startStripeServer();
  t = await createTestApp({ seed: false, env: STRIPE_TEST_ENV(stripe.url) });
});
afterAll(async () => {
  await t.close();
  await stripe.close();
});

const bill = async (who: { auth: Record<string, string> }) => {
  const res = await request(t.app).post("/api/v1/payments/billing-runs").set(who.auth).send({});
  expect(res.status).toBe(200);
  return BillingRunResponseSchema.parse(res.body).data;
};
const stripeInvoicesFor = (invoiceId: string) => stripe.snapshot().invoices.filter((i) => i.metadata?.invoiceId === invoiceId);
const itemsOn = (stripeInvoiceId: string) => stripe.snapshot().invoiceItems.filter((i) => i.invoice === stripeInvoiceId);
/** The retry's lease and back-off have run out (instead of waiting minutes in a test). */
const timePasses = () => db().execute(sql`UPDATE invoices SET next_attempt_at = now() WHERE status = 'pending'`);

describe("POST /api/v1/payments/billing-runs", () => {
  it("should invoice each council, provider and period once, a line per placement by the rule, the levy as the application fee, to the provider's account, finalized and sent", async () => {
    const region = await buildBillingRegion(db(), stripe);
    // £700 a week (£100 a day) 10 Sep to 20 Nov; £1,050 a week (£150 a day) 5 Oct to 30 Nov.
    const a = await region.place({ fee: 70_000, startDate: "2026-09-10", endDate: "2026-11-20" });
    const b = await region.place({ fee: 105_000, startDate: "2026-10-05", endDate: "2026-11-30" });

    const result = await bill(region.hubAdmin);
    expect(result).toEqual({ invoicesCreated: 3, creditNotesCreated: 0, sent: 3, stillPending: 0 });

    const invoices = await invoicesOf(db(), region.regionId);
    expect(invoices.map((i) => [i.kind, i.periodStart, i.totalPence, i.levyPence, i.status])).toEqual([
      ["period", "2026-09-01", 210_000, 5_250, "open"],
      ["period", "2026-10-01", 310_000 + 405_000, 17_875, "open"],
      ["period", "2026-11-01", 200_000 + 450_000, 16_250, "open"],
    ]);
    expect((await linesOf(db(), a.placementId)).map((l) => [l.periodStart, l.amountPence])).toEqual([
      ["2026-09-01", 210_000],
      ["2026-10-01", 310_000],
      ["2026-11-01", 200_000],
    ]);
    expect((await linesOf(db(), b.placementId)).map((l) => l.amountPence)).toEqual([405_000, 450_000]);

    for (const invoice of invoices) {
      const [sent, ...more] = stripeInvoicesFor(invoice.id);
      expect(more).toHaveLength(0);
      expect(sent).toMatchObject({
        id: invoice.stripeInvoiceId,
        status: "open",
        total: invoice.totalPence,
        application_fee_amount: invoice.levyPence,
        transfer_data: { destination: region.accountId },
        collection_method: "send_invoice",
        currency: "gbp",
        metadata: { invoiceId: invoice.id, periodStart: invoice.periodStart, kind: "period" },
      });
      expect(sent!.payment_settings.payment_method_types).toEqual(["customer_balance"]);
      expect(invoice.invoiceNumber).toBe(sent!.number);
      expect(invoice.hostedInvoiceUrl).toBe(sent!.hosted_invoice_url);
      expect(stripe.requests.filter((r) => r.path === `/v1/invoices/${sent!.id}/send` && !r.replayed)).toHaveLength(1);
      const items = itemsOn(sent!.id);
      expect(items.map((i) => i.amount).sort()).toEqual((await linesFor(invoice.id)).sort());
      // What leaves for Stripe names the setting and the period, never the child.
      for (const item of items) {
        expect(item.description).toMatch(/^Placement at .+, \d+–\d+ \w{3} 2026, \d+ days at £[\d,]+\.\d\d a week$/);
        for (const child of [a, b]) expect(JSON.stringify(item)).not.toContain(child.childReference);
      }
    }
    // Audited: each invoice made and each one sent, and the run itself.
    const audited = await db().execute(sql`SELECT action FROM audit_log WHERE record_id IN ${sql.raw(`('${invoices.map((i) => i.id).join("','")}')`)}`);
    const actions = (audited as unknown as { rows: { action: string }[] }).rows.map((r) => r.action);
    expect(actions.filter((x) => x === "payments.invoice_created")).toHaveLength(3);
    expect(actions.filter((x) => x === "payments.invoice_sent")).toHaveLength(3);

    // Again: nothing new anywhere.
    const before = stripe.snapshot();
    expect(await bill(region.hubAdmin)).toEqual({ invoicesCreated: 0, creditNotesCreated: 0, sent: 0, stillPending: 0 });
    expect(stripe.snapshot().invoices).toHaveLength(before.invoices.length);
    expect(stripe.snapshot().invoiceItems).toHaveLength(before.invoiceItems.length);
  });

  it("should credit exactly the difference when a placement invoiced for a period is ended earlier", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const placement = await region.place({ fee: 70_000, startDate: "2026-09-10" });
    await bill(region.hubAdmin);
    const billed = await linesOf(db(), placement.placementId);
    expect(billed.slice(0, 3).map((l) => l.amountPence)).toEqual([210_000, 310_000, 300_000]);
    // The council has paid November's invoice (the webhook marks it paid here).
    const november = (await invoicesOf(db(), region.regionId)).find((i) => i.periodStart === "2026-11-01")!;
    stripe.payInvoice(november.stripeInvoiceId!);
    await db().execute(sql`UPDATE invoices SET status = 'paid' WHERE id = ${november.id}`);

    const ended = await request(t.app)
      .post(`/api/v1/placements/${placement.placementId}/end`)
      .set(region.commissioner.auth)
      .send({ endDate: "2026-10-20", reason: "planned_end" });
    expect(ended.status).toBe(200);
    const result = await bill(region.hubAdmin);
    expect(result.invoicesCreated).toBe(0);

    // October: 20 of 31 days (£1,100 back); November onwards: everything back. September stands.
    const credits = await creditsOf(db(), placement.placementId);
    const expected = billed.filter((l) => l.periodStart >= "2026-10-01").map((l) => [l.periodStart, l.periodStart === "2026-10-01" ? 110_000 : l.amountPence]);
    expect(credits.map((c) => [c.periodStart, c.amountPence])).toEqual(expected);
    expect(result.creditNotesCreated).toBe(expected.length);
    for (const credit of credits) {
      expect(credit.status).toBe("issued");
      const [note, ...more] = stripe.snapshot().creditNotes.filter((n) => n.id === credit.stripeCreditNoteId);
      expect(more).toHaveLength(0);
      // Paid money is given back outside Stripe (post-payment); an open invoice is simply reduced.
      expect(note).toMatchObject({ amount: credit.amountPence, memo: credit.reason, type: credit.invoiceId === november.id ? "post_payment" : "pre_payment" });
      expect(credit.reason).not.toContain(placement.childReference);
    }
    // Billed less credited is the placement's exact total: 10 Sep to 20 Oct is 41 days at £100.
    const net = (await linesOf(db(), placement.placementId)).reduce((s, l) => s + l.amountPence, 0) - credits.reduce((s, c) => s + c.amountPence, 0);
    expect(net).toBe(41 * 10_000);
    expect(await bill(region.hubAdmin)).toMatchObject({ invoicesCreated: 0, creditNotesCreated: 0 });
  });

  it("should put a fee rise for an invoiced period on a correction invoice for exactly the difference", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const placement = await region.place({ fee: 70_000, startDate: "2026-09-10", endDate: "2026-10-31" });
    await bill(region.hubAdmin);

    const changed = await request(t.app)
      .post(`/api/v1/placements/${placement.placementId}/fee-changes`)
      .set(region.commissioner.auth)
      .send({ effectiveFrom: "2026-10-16", weeklyFeePence: 77_000, reason: "Extra staffing at night" });
    expect(changed.status).toBe(200);
    expect(PlacementFeesResponseSchema.parse(changed.body).data.map((f) => [f.effectiveFrom, f.weeklyFeePence])).toEqual([
      ["2026-09-10", 70_000],
      ["2026-10-16", 77_000],
    ]);
    expect(await bill(region.hubAdmin)).toMatchObject({ invoicesCreated: 1, creditNotesCreated: 0, stillPending: 0 });

    // 16 to 31 October is 16 days at £10 a day more.
    const invoices = await invoicesOf(db(), region.regionId);
    const correction = invoices.find((i) => i.kind === "correction")!;
    expect(correction).toMatchObject({ periodStart: "2026-10-01", totalPence: 16_000, status: "open" });
    expect(invoices.filter((i) => i.kind === "period").map((i) => i.totalPence)).toEqual([210_000, 310_000]);
    const [sent] = stripeInvoicesFor(correction.id);
    expect(sent).toMatchObject({ total: 16_000, metadata: { kind: "correction" }, transfer_data: { destination: region.accountId } });
    expect(itemsOn(sent!.id).map((i) => i.description)).toEqual([
      expect.stringMatching(/^Correction: Placement at .+, 1–31 Oct 2026, now 31 days at £700\.00 then £770\.00 a week$/),
    ]);
  });

  it("should bill 4-week periods from the anchor, and nothing for a period that starts before billing did", async () => {
    const region = await buildBillingRegion(db(), stripe, { periodKind: "four_weeks", startsOn: "2026-09-28" });
    const placement = await region.place({ fee: 70_000, startDate: "2026-09-10", endDate: "2026-10-20" });
    expect(await bill(region.hubAdmin)).toMatchObject({ invoicesCreated: 1, sent: 1 });
    // 31 Aug - 27 Sep started before billing did (paid by hand); 28 Sep - 20 Oct is 23 days at £100.
    const lines = await linesOf(db(), placement.placementId);
    expect(lines.map((l) => [l.periodStart, l.amountPence])).toEqual([["2026-09-28", 230_000]]);
    expect(lines[0]!.description).toMatch(/, 28 Sep – 25 Oct 2026, 23 days at £700\.00 a week$/);
  });

  it("should invoice nothing for a provider that cannot be paid yet, and pick its placements up once it can", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const unpaid = await buildOrganisation(db(), { kind: "provider", regionId: region.regionId });
    await region.place({ fee: 70_000, startDate: "2026-11-01", endDate: "2026-11-30", providerId: unpaid.id });
    expect(await bill(region.hubAdmin)).toEqual({ invoicesCreated: 0, creditNotesCreated: 0, sent: 0, stillPending: 0 });
    expect(await invoicesOf(db(), region.regionId)).toEqual([]);

    await connectProvider(db(), stripe, unpaid.id);
    expect(await bill(region.hubAdmin)).toMatchObject({ invoicesCreated: 1, sent: 1 });
    expect((await invoicesOf(db(), region.regionId)).map((i) => [i.providerId, i.totalPence])).toEqual([[unpaid.id, 300_000]]);
  });

  it("should keep an invoice pending with the reason when Stripe fails, and bill it once when it is tried again with the same keys", async () => {
    const region = await buildBillingRegion(db(), stripe);
    await region.place({ fee: 70_000, startDate: "2026-11-01", endDate: "2026-11-30" });
    // Stripe makes the invoice but the answer is lost; then the first item fails outright.
    stripe.failNext({ times: 1, path: /^\/v1\/invoices$/, executed: true });
    expect(await bill(region.hubAdmin)).toEqual({ invoicesCreated: 1, creditNotesCreated: 0, sent: 0, stillPending: 1 });
    let [invoice] = await invoicesOf(db(), region.regionId);
    expect(invoice).toMatchObject({ status: "pending", attempts: 1, stripeInvoiceId: null });
    expect(invoice!.lastError).toBe("Stripe had a problem on its side (HTTP 500). It will be tried again in 1 minute.");

    // Not retried before its time.
    expect(await bill(region.hubAdmin)).toMatchObject({ sent: 0, stillPending: 1 });
    stripe.down();
    await timePasses();
    expect(await bill(region.hubAdmin)).toMatchObject({ sent: 0, stillPending: 1 });
    [invoice] = await invoicesOf(db(), region.regionId);
    expect(invoice).toMatchObject({ status: "pending", attempts: 2 });
    expect(invoice!.lastError).toBe("Stripe could not be reached. It will be tried again in 2 minutes.");

    stripe.up();
    await timePasses();
    expect(await bill(region.hubAdmin)).toMatchObject({ sent: 1, stillPending: 0 });
    [invoice] = await invoicesOf(db(), region.regionId);
    expect(invoice).toMatchObject({ status: "open", attempts: 3, lastError: null });
    expect(stripeInvoicesFor(invoice!.id)).toHaveLength(1);
    expect(itemsOn(invoice!.stripeInvoiceId!)).toHaveLength(1);
    const creates = stripe.requests.filter((r) => r.idempotencyKey === `px-invoice-${invoice!.id}` && r.status === 200);
    expect(creates.map((r) => r.replayed)).toEqual([true]);
    const failures = await db().execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'payments.invoice_push_failed' AND record_id = ${invoice!.id}`,
    );
    expect((failures as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(2);
  });

  it("should refuse the hub's members who are not administrators, and councils (403)", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const staff = await buildUser(db(), { role: "regional_admin", regionId: region.regionId });
    for (const who of [staff, region.commissioner])
      expect((await request(t.app).post("/api/v1/payments/billing-runs").set(who.auth).send({})).status).toBe(403);
  });
});

describe("POST /api/v1/placements/:id/fee-changes", () => {
  const change = (who: { auth: Record<string, string> }, id: string, body: unknown) =>
    request(t.app)
      .post(`/api/v1/placements/${id}/fee-changes`)
      .set(who.auth)
      .send(body as object);
  const good = { effectiveFrom: "2026-10-01", weeklyFeePence: 80_000, reason: "Review of needs" };

  it("should answer 404 to another council's commissioner and 403 to the provider, changing nothing", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const placement = await region.place({ fee: 70_000, startDate: "2026-09-10" });
    const rival = await buildOrganisation(db(), { kind: "council", regionId: region.regionId });
    const rivalCommissioner = await buildUser(db(), { role: "commissioner", organisationId: rival.id });
    const provider = await buildUser(db(), { role: "provider", organisationId: region.providerId });
    expect((await change(rivalCommissioner, placement.placementId, good)).status).toBe(404);
    expect((await change(provider, placement.placementId, good)).status).toBe(403);
    expect((await request(t.app).get(`/api/v1/placements/${placement.placementId}/fees`).set(rivalCommissioner.auth)).status).toBe(404);
    // The provider reads the history; it is unchanged.
    const fees = await request(t.app).get(`/api/v1/placements/${placement.placementId}/fees`).set(provider.auth);
    expect(fees.status).toBe(200);
    expect(PlacementFeesResponseSchema.parse(fees.body).data).toEqual([{ effectiveFrom: "2026-09-10", weeklyFeePence: 70_000, reason: null }]);
  });

  it("should answer 400 naming every failing field for hostile input, and a date outside the placement", async () => {
    const region = await buildBillingRegion(db(), stripe);
    const placement = await region.place({ fee: 70_000, startDate: "2026-09-10", endDate: "2026-11-20" });
    const hostile = await change(region.commissioner, placement.placementId, {
      effectiveFrom: "2026-02-30",
      weeklyFeePence: 2 ** 40,
      reason: "more\u0000".repeat(200),
      extra: true,
    });
    expect(hostile.status).toBe(400);
    const paths = ApiErrorSchema.parse(hostile.body).issues?.map((i) => i.path) ?? [];
    for (const field of ["effectiveFrom", "weeklyFeePence", "reason"]) expect(paths.some((p) => p.includes(field))).toBe(true);
    for (const effectiveFrom of ["2026-09-09", "2026-11-21"]) {
      const outside = await change(region.commissioner, placement.placementId, { ...good, effectiveFrom });
      expect(outside.status).toBe(400);
      expect(ApiErrorSchema.parse(outside.body).issues).toEqual([
        { path: "body.effectiveFrom", message: "The new fee must start within the placement: from 10 September 2026 to 20 November 2026" },
      ]);
    }
    expect((await change(region.commissioner, placement.placementId, { ...good, weeklyFeePence: 0 })).status).toBe(400);
    // The provider reads the reason: a name in it is refused with the date, in one answer.
    const named = await change(region.commissioner, placement.placementId, {
      ...good,
      effectiveFrom: "2026-09-01",
      reason: "Extra support for a child called Sam",
    });
    expect(named.status).toBe(400);
    expect(ApiErrorSchema.parse(named.body).issues?.map((i) => i.path)).toEqual(["body.effectiveFrom", "body.reason"]);
    expect(ApiErrorSchema.parse(named.body).issues?.[1]?.message).toMatch(/^Remove a name/);
    const fees = await request(t.app).get(`/api/v1/placements/${placement.placementId}/fees`).set(region.commissioner.auth);
    expect(PlacementFeesResponseSchema.parse(fees.body).data).toHaveLength(1);
  });
});

async function linesFor(invoiceId: string): Promise<number[]> {
  const rows = await db().execute(sql`SELECT amount_pence AS "amountPence" FROM invoice_lines WHERE invoice_id = ${invoiceId}`);
  return (rows as unknown as { rows: { amountPence: number }[] }).rows.map((r) => r.amountPence);
}
