import { sql } from "drizzle-orm";
import type { InvoiceKind } from "@shared/codes/payments";
import type { Db } from "../../../db/client";
import { rowsOf } from "../../../db/rows";

export interface ClaimedInvoice {
  id: string;
  regionId: string;
  councilId: string;
  kind: InvoiceKind;
  periodStart: string;
  periodEnd: string;
  totalPence: number;
  levyPence: number;
  stripeInvoiceId: string | null;
  attempts: number;
  /** The provider's connected account, where the money goes. */
  destination: string | null;
}
export interface ClaimedCredit {
  id: string;
  invoiceId: string;
  stripeInvoiceId: string;
  periodStart: string;
  periodEnd: string;
  amountPence: number;
  reason: string;
  attempts: number;
}

// Long enough for one invoice's calls to Stripe (each times out at 20 s); a node killed mid-push
// leaves its rows to be taken up again by any node once the lease is over.
const LEASE = sql`interval '2 minutes'`;

const inRegion = (column: ReturnType<typeof sql.raw>, regionId?: string) => (regionId ? sql`AND ${column} = ${regionId}` : sql``);

/** Takes up to `limit` pending invoices due a try, each for one node only, in a statement of its own. */
export async function claimInvoices(db: Db, limit: number, regionId?: string): Promise<ClaimedInvoice[]> {
  return rowsOf<ClaimedInvoice>(
    db,
    sql`WITH claimed AS (
          UPDATE invoices SET next_attempt_at = now() + ${LEASE}, attempts = attempts + 1, updated_at = now()
          WHERE id IN (SELECT id FROM invoices WHERE status = 'pending' AND next_attempt_at <= now() ${inRegion(sql.raw("region_id"), regionId)}
                       ORDER BY next_attempt_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING *)
        SELECT c.id, c.region_id AS "regionId", c.council_id AS "councilId", c.kind, c.period_start::text AS "periodStart", c.period_end::text AS "periodEnd",
          c.total_pence AS "totalPence", c.levy_pence AS "levyPence", c.stripe_invoice_id AS "stripeInvoiceId", c.attempts, a.account_id AS destination
        FROM claimed c LEFT JOIN stripe_accounts a ON a.organisation_id = c.provider_id`,
  );
}

/** Pending credit notes due a try whose invoice Stripe has finalized (a draft cannot be credited). */
export async function claimCredits(db: Db, limit: number, regionId?: string): Promise<ClaimedCredit[]> {
  return rowsOf<ClaimedCredit>(
    db,
    sql`WITH claimed AS (
          UPDATE credit_notes SET next_attempt_at = now() + ${LEASE}, attempts = attempts + 1, updated_at = now()
          WHERE id IN (SELECT n.id FROM credit_notes n JOIN invoices i ON i.id = n.invoice_id
                       WHERE n.status = 'pending' AND n.next_attempt_at <= now() AND i.stripe_invoice_id IS NOT NULL
                         AND i.status IN ('open', 'paid', 'uncollectible') ${inRegion(sql.raw("i.region_id"), regionId)}
                       ORDER BY n.next_attempt_at LIMIT ${limit} FOR UPDATE OF n SKIP LOCKED)
          RETURNING *)
        SELECT c.id, c.invoice_id AS "invoiceId", i.stripe_invoice_id AS "stripeInvoiceId", c.period_start::text AS "periodStart",
          c.period_end::text AS "periodEnd", c.amount_pence AS "amountPence", c.reason, c.attempts
        FROM claimed c JOIN invoices i ON i.id = c.invoice_id`,
  );
}
