import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { dayNumber } from "@shared/billing/dates";
import { DAYS_UNTIL_DUE } from "@shared/codes/payments";
import type { Db } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import type { Logger } from "../../../logger";
import { recordAudit } from "../../audit/record-audit";
import { customerFor } from "../customers";
import { billingSettingsOf } from "../settings/queries";
import { claimCredits, type ClaimedCredit, type ClaimedInvoice, claimInvoices } from "./claim";
import { periodLabel } from "./describe";
import { backoffMinutes, pushFailureSentence, PushRefused } from "./failure";

export interface PushDeps {
  db: Db;
  stripe: Stripe;
  logger?: Logger;
  /** Only this region's (the on-demand run); every region's when absent (the schedule). */
  regionId?: string;
}
export interface PushResult {
  sent: number;
  failed: number;
}

const BATCH = 10;

/**
 * Sends what compute decided to Stripe: pending invoices (customer, invoice, one item per line,
 * finalize, send) and then credit notes on invoices Stripe has. Each row is claimed for a short
 * lease, so nodes share the work and no transaction stays open across a call to Stripe; every
 * call's idempotency key names what it is for, so a retry after a crash or a failure replays
 * rather than bills twice.
 */
export async function pushPending(deps: PushDeps): Promise<PushResult> {
  const result = { sent: 0, failed: 0 };
  for (let batch = await claimInvoices(deps.db, BATCH, deps.regionId); batch.length > 0; batch = await claimInvoices(deps.db, BATCH, deps.regionId)) {
    for (const invoice of batch) await attempt(deps, result, { table: "invoices", recordType: "invoice", row: invoice }, () => pushInvoice(deps, invoice));
  }
  for (let batch = await claimCredits(deps.db, BATCH, deps.regionId); batch.length > 0; batch = await claimCredits(deps.db, BATCH, deps.regionId)) {
    for (const credit of batch) await attempt(deps, result, { table: "credit_notes", recordType: "credit_note", row: credit }, () => pushCredit(deps, credit));
  }
  return result;
}

interface Target {
  table: "invoices" | "credit_notes";
  recordType: "invoice" | "credit_note";
  row: { id: string; attempts: number };
}

async function attempt(deps: PushDeps, result: PushResult, target: Target, push: () => Promise<void>) {
  try {
    await push();
    result.sent++;
  } catch (error) {
    result.failed++;
    const minutes = backoffMinutes(target.row.attempts);
    const sentence = `${pushFailureSentence(error)} It will be tried again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
    deps.logger?.warn({ err: error, [target.recordType]: target.row.id, attempts: target.row.attempts }, "billing: sending to Stripe failed");
    await deps.db.transaction(async (tx) => {
      await tx.execute(
        sql`UPDATE ${sql.identifier(target.table)} SET last_error = ${sentence}, next_attempt_at = now() + make_interval(mins => ${minutes}), updated_at = now()
            WHERE id = ${target.row.id} AND status = 'pending'`,
      );
      await recordAudit(tx, {
        action: `payments.${target.recordType}_push_failed`,
        recordType: target.recordType,
        recordId: target.row.id,
        details: { attempts: target.row.attempts, retryInMinutes: minutes, error: (error as { type?: string }).type ?? "Error" },
      });
    });
  }
}

const unixStart = (date: string) => dayNumber(date) * 86_400;
const dateOfUnix = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString().slice(0, 10) : null);

async function pushInvoice({ db, stripe }: PushDeps, invoice: ClaimedInvoice) {
  const customer = await customerFor(db, stripe, invoice.councilId);
  const settings = await billingSettingsOf(db, invoice.regionId);
  const methods: Stripe.InvoiceCreateParams.PaymentSettings.PaymentMethodType[] = settings?.cardPayments ? ["customer_balance", "card"] : ["customer_balance"];
  let stripeInvoiceId = invoice.stripeInvoiceId;
  if (!stripeInvoiceId) {
    if (!invoice.destination) throw new PushRefused("The provider has no Stripe account to be paid through any more.");
    const created = await stripe.invoices.create(
      {
        customer,
        collection_method: "send_invoice",
        days_until_due: DAYS_UNTIL_DUE,
        currency: "gbp",
        auto_advance: false,
        pending_invoice_items_behavior: "exclude",
        description: `Placements, ${periodLabel({ start: invoice.periodStart, end: invoice.periodEnd })}${invoice.kind === "correction" ? " (correction)" : ""}`,
        transfer_data: { destination: invoice.destination },
        application_fee_amount: invoice.levyPence,
        payment_settings: {
          payment_method_types: methods,
          payment_method_options: { customer_balance: { funding_type: "bank_transfer", bank_transfer: { type: "gb_bank_transfer" } } },
        },
        metadata: { invoiceId: invoice.id, periodStart: invoice.periodStart, periodEnd: invoice.periodEnd, kind: invoice.kind },
      },
      { idempotencyKey: `px-invoice-${invoice.id}` },
    );
    stripeInvoiceId = created.id;
    // Stored at once: a crash after this point resumes from the items, not a second invoice.
    await db.execute(sql`UPDATE invoices SET stripe_invoice_id = ${created.id}, updated_at = now() WHERE id = ${invoice.id} AND stripe_invoice_id IS NULL`);
  }
  const lines = await rowsOf<{ id: string; amountPence: number; description: string; periodStart: string; periodEnd: string }>(
    db,
    sql`SELECT id, amount_pence AS "amountPence", description, period_start::text AS "periodStart", period_end::text AS "periodEnd"
        FROM invoice_lines WHERE invoice_id = ${invoice.id} AND stripe_item_id IS NULL ORDER BY created_at, id`,
  );
  for (const line of lines) {
    const item = await stripe.invoiceItems.create(
      {
        customer,
        invoice: stripeInvoiceId,
        amount: line.amountPence,
        currency: "gbp",
        description: line.description,
        period: { start: unixStart(line.periodStart), end: unixStart(line.periodEnd) + 86_399 },
        metadata: { invoiceId: invoice.id, lineId: line.id, periodStart: line.periodStart, periodEnd: line.periodEnd },
      },
      { idempotencyKey: `px-line-${line.id}` },
    );
    await db.execute(sql`UPDATE invoice_lines SET stripe_item_id = ${item.id} WHERE id = ${line.id}`);
  }
  // A retry may come after Stripe has forgotten the key (24 hours): finalizing twice is refused, so ask first.
  const draft = invoice.attempts === 1 || (await stripe.invoices.retrieve(stripeInvoiceId)).status === "draft";
  if (draft) await stripe.invoices.finalizeInvoice(stripeInvoiceId, { auto_advance: false }, { idempotencyKey: `px-finalize-${invoice.id}` });
  const sent = await stripe.invoices.sendInvoice(stripeInvoiceId, {}, { idempotencyKey: `px-send-${invoice.id}` });
  await db.transaction(async (tx) => {
    // A webhook may have moved it on already (paid, say): Stripe's later word stands.
    await tx.execute(
      sql`UPDATE invoices SET status = CASE WHEN status = 'pending' THEN ${sent.status ?? "open"} ELSE status END, invoice_number = ${sent.number ?? null},
            hosted_invoice_url = ${sent.hosted_invoice_url ?? null}, due_date = ${dateOfUnix(sent.due_date)}, last_error = NULL, stripe_synced_at = now(), updated_at = now()
          WHERE id = ${invoice.id}`,
    );
    await recordAudit(tx, {
      action: "payments.invoice_sent",
      recordType: "invoice",
      recordId: invoice.id,
      details: { stripeInvoiceId, totalPence: invoice.totalPence, levyPence: invoice.levyPence, attempts: invoice.attempts },
    });
  });
}

async function pushCredit({ db, stripe }: PushDeps, credit: ClaimedCredit) {
  // What the council has already paid went on to the provider (a destination charge), so it is
  // given back outside Stripe, between them: a balance credit would come off the council's next
  // invoice, which may be another provider's. Stripe needs the part after payment said.
  const invoice = await stripe.invoices.retrieve(credit.stripeInvoiceId);
  const afterPayment = Math.max(0, credit.amountPence - invoice.amount_remaining);
  const note = await stripe.creditNotes.create(
    {
      invoice: credit.stripeInvoiceId,
      lines: [{ type: "custom_line_item", unit_amount: credit.amountPence, quantity: 1, description: credit.reason }],
      ...(afterPayment > 0 ? { out_of_band_amount: afterPayment } : {}),
      memo: credit.reason,
      metadata: { creditNoteId: credit.id, invoiceId: credit.invoiceId, periodStart: credit.periodStart, periodEnd: credit.periodEnd },
    },
    { idempotencyKey: `px-credit-${credit.id}` },
  );
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`UPDATE credit_notes SET status = CASE WHEN status = 'pending' THEN 'issued' ELSE status END, stripe_credit_note_id = ${note.id}, last_error = NULL,
            updated_at = now() WHERE id = ${credit.id}`,
    );
    await recordAudit(tx, {
      action: "payments.credit_note_issued",
      recordType: "credit_note",
      recordId: credit.id,
      details: { stripeCreditNoteId: note.id, invoiceId: credit.invoiceId, amountPence: credit.amountPence, attempts: credit.attempts },
    });
  });
}
