import { and, asc, eq, sql } from "drizzle-orm";
import type { MembershipStatus } from "@shared/codes/payments";
import type { DbOrTx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { organisations, stripeAccounts } from "../../../db/schema";

/** Invoiced and paid per lot: the request's lot, else the child's (as the insights' facts take it). */
export async function lotTotals(db: DbOrTx, regionId: string) {
  const rows = await rowsOf<{ lot: number; invoiced: string | number; paid: string | number }>(
    db,
    sql`SELECT coalesce(r.lot_number, ch.lot_number) AS lot, sum(l.amount_pence) AS invoiced,
          coalesce(sum(l.amount_pence) FILTER (WHERE i.status = 'paid'), 0) AS paid
        FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN placements pl ON pl.id = l.placement_id
          JOIN child_profiles ch ON ch.id = pl.child_id LEFT JOIN placement_requests r ON r.id = pl.request_id
        WHERE i.region_id = ${regionId} AND i.status <> 'void' AND coalesce(r.lot_number, ch.lot_number) IS NOT NULL
        GROUP BY 1 ORDER BY 1`,
  );
  return rows.map((r) => ({ lot: Number(r.lot), invoicedPence: Number(r.invoiced), paidPence: Number(r.paid) }));
}

/** The region's councils, each with its totals even when it has no invoice yet. */
export const councilsOf = (db: DbOrTx, regionId: string) =>
  rowsOf<{ id: string; name: string }>(db, sql`SELECT id, name FROM organisations WHERE region_id = ${regionId} AND kind = 'council' ORDER BY name, id`);

/** Every provider organisation of the region with its Stripe account as last reported, if any. */
export async function providersWithAccounts(db: DbOrTx, regionId: string) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name, account: stripeAccounts })
    .from(organisations)
    .leftJoin(stripeAccounts, eq(stripeAccounts.organisationId, organisations.id))
    .where(and(eq(organisations.regionId, regionId), eq(organisations.kind, "provider")))
    .orderBy(asc(organisations.name), asc(organisations.id));
  return rows.map((r) => ({ organisation: { id: r.id, name: r.name }, account: r.account ?? undefined }));
}

export interface MembershipRead {
  organisationId: string;
  organisationName: string;
  status: MembershipStatus;
  feePence: number;
  currentPeriodEnd: string | null;
}

/**
 * The region's memberships; while the hub charges one, an admitted provider without a row has not
 * paid (shown, never suspended).
 */
export async function membershipsOf(db: DbOrTx, regionId: string, charging: { feePence: number } | null): Promise<MembershipRead[]> {
  const rows = await rowsOf<MembershipRead & { currentPeriodEnd: Date | string | null; feePence: number | string }>(
    db,
    sql`SELECT m.organisation_id AS "organisationId", o.name AS "organisationName", m.status, m.fee_pence AS "feePence",
          m.current_period_end AS "currentPeriodEnd"
        FROM provider_memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.region_id = ${regionId}
        UNION ALL
        SELECT o.id, o.name, 'unpaid', ${charging?.feePence ?? 0}::int, NULL
        FROM organisations o
        WHERE ${charging !== null} AND o.region_id = ${regionId} AND o.kind = 'provider'
          AND NOT EXISTS (SELECT 1 FROM provider_memberships m WHERE m.organisation_id = o.id)
          AND EXISTS (SELECT 1 FROM lot_admissions la JOIN frameworks f ON f.id = la.framework_id
                      WHERE la.organisation_id = o.id AND la.status = 'admitted' AND f.region_id = ${regionId})
        ORDER BY 2, 1`,
  );
  return rows.map((r) => ({
    ...r,
    feePence: Number(r.feePence),
    currentPeriodEnd: r.currentPeriodEnd === null ? null : new Date(r.currentPeriodEnd).toISOString(),
  }));
}

/**
 * The region's latest billing run as billing/run.ts audits it ("payments.billing_run", the region
 * as its record, the counts in its details); null before the first.
 */
export async function lastBillingRun(db: DbOrTx, regionId: string) {
  const [row] = await rowsOf<{ at: Date | string; details: Record<string, unknown> }>(
    db,
    sql`SELECT occurred_at AS at, details FROM audit_log WHERE action = 'payments.billing_run' AND record_id = ${regionId}
        ORDER BY seq DESC LIMIT 1`,
  );
  if (!row) return null;
  const count = (key: string) => (typeof row.details[key] === "number" ? row.details[key] : 0);
  return { at: new Date(row.at).toISOString(), invoices: count("invoices"), credits: count("credits") };
}
