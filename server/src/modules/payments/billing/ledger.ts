import { inArray, sql } from "drizzle-orm";
import type { FeeHistory } from "@shared/billing/pro-rata";
import type { InvoiceKind, InvoiceStatus } from "@shared/codes/payments";
import type { Tx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { stripeAccounts } from "../../../db/schema";
import { groupBy } from "../../../lib/group-by";
import { payability } from "../connect/payable";

export interface BilledPlacement {
  id: string;
  councilId: string;
  providerId: string;
  settingName: string;
  history: FeeHistory;
}
export interface LedgerLine {
  placementId: string;
  invoiceId: string;
  periodStart: string;
  periodEnd: string;
  amountPence: number;
}
export interface LedgerInvoice {
  id: string;
  councilId: string;
  providerId: string;
  kind: InvoiceKind;
  periodStart: string;
  status: InvoiceStatus;
  attempts: number;
  totalPence: number;
}
export type LedgerCredit = Omit<LedgerLine, "periodEnd">;

/**
 * Everything a billing run of the region decides from, read in its transaction: the placements
 * (their days and fees), what has been invoiced and credited, and which providers can be paid.
 * Synthetic placements (the insights' made-up history) are never billed.
 */
export async function loadLedger(tx: Tx, regionId: string, startsOn: string) {
  const placements = await rowsOf<{
    id: string;
    councilId: string;
    providerId: string;
    settingName: string;
    startDate: string;
    endDate: string | null;
    fee: number;
  }>(
    tx,
    sql`SELECT p.id, p.council_id AS "councilId", p.provider_id AS "providerId", s.name AS "settingName", p.start_date::text AS "startDate",
          p.end_date::text AS "endDate", p.weekly_fee_pence AS fee
        FROM placements p JOIN organisations c ON c.id = p.council_id JOIN settings s ON s.id = p.setting_id
        WHERE c.region_id = ${regionId} AND NOT p.synthetic
          AND (p.end_date IS NULL OR p.end_date >= ${startsOn} OR EXISTS (SELECT 1 FROM invoice_lines l WHERE l.placement_id = p.id))
        ORDER BY p.start_date, p.id`,
  );
  const fees = await rowsOf<{ placementId: string; from: string; weeklyFeePence: number }>(
    tx,
    sql`SELECT f.placement_id AS "placementId", f.effective_from::text AS "from", f.weekly_fee_pence AS "weeklyFeePence"
        FROM placement_fees f JOIN placements p ON p.id = f.placement_id JOIN organisations c ON c.id = p.council_id
        WHERE c.region_id = ${regionId}`,
  );
  const lines = await rowsOf<LedgerLine>(
    tx,
    sql`SELECT l.placement_id AS "placementId", l.invoice_id AS "invoiceId", l.period_start::text AS "periodStart", l.period_end::text AS "periodEnd",
          l.amount_pence AS "amountPence"
        FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id WHERE i.region_id = ${regionId}`,
  );
  // A voided credit note gave nothing back; a void invoice still counts as billed (see the docs).
  const credits = await rowsOf<LedgerCredit>(
    tx,
    sql`SELECT n.placement_id AS "placementId", n.invoice_id AS "invoiceId", n.period_start::text AS "periodStart", n.amount_pence AS "amountPence"
        FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id WHERE i.region_id = ${regionId} AND n.status <> 'void'`,
  );
  const invoices = await rowsOf<LedgerInvoice>(
    tx,
    sql`SELECT id, council_id AS "councilId", provider_id AS "providerId", kind, period_start::text AS "periodStart", status, attempts,
          total_pence AS "totalPence"
        FROM invoices WHERE region_id = ${regionId}`,
  );
  const providerIds = [...new Set(placements.map((p) => p.providerId))];
  const accounts = providerIds.length > 0 ? await tx.select().from(stripeAccounts).where(inArray(stripeAccounts.organisationId, providerIds)) : [];
  const payable = new Set(accounts.filter((a) => payability(a).ok).map((a) => a.organisationId));

  const feesOf = groupBy(fees, (f) => f.placementId);
  const billed: BilledPlacement[] = placements.map((p) => ({
    id: p.id,
    councilId: p.councilId,
    providerId: p.providerId,
    settingName: p.settingName,
    history: {
      startDate: p.startDate,
      endDate: p.endDate,
      // Every placement has its start fee (migration 0023's trigger); the stored fee is a last resort.
      fees: feesOf.get(p.id)?.map((f) => ({ from: f.from, weeklyFeePence: f.weeklyFeePence })) ?? [{ from: p.startDate, weeklyFeePence: p.fee }],
    },
  }));
  return { placements: billed, lines, credits, invoices, payable };
}
export type Ledger = Awaited<ReturnType<typeof loadLedger>>;

export const sumPence = (items: readonly { amountPence: number }[]) => items.reduce((total, i) => total + i.amountPence, 0);
