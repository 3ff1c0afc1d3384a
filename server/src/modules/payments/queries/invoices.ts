import { type SQL, sql } from "drizzle-orm";
import type { CreditNoteStatus, InvoiceDisplayStatus, InvoiceKind, InvoiceStatus } from "@shared/codes/payments";
import type { InvoiceQuery } from "@shared/schemas/payments";
import type { DbOrTx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import type { Member } from "../../../http/require-actor";
import { groupBy } from "../../../lib/group-by";
import { invoiceScope, type InvoiceView } from "./scope";

export interface InvoiceLineRead {
  id: string;
  invoiceId: string;
  placementId: string;
  /** Only read for the council's own view; absent otherwise. */
  childReference?: string;
  settingName: string;
  periodStart: string;
  periodEnd: string;
  amountPence: number;
  description: string;
}

export interface CreditRead {
  id: string;
  invoiceId: string;
  placementId: string;
  periodStart: string;
  periodEnd: string;
  amountPence: number;
  reason: string;
  status: CreditNoteStatus;
  lastError: string | null;
  /** The placement's setting and (council's view only) child, for the CSV's rows. */
  settingName: string;
  childReference?: string;
}

export interface InvoiceRead {
  id: string;
  councilId: string;
  councilName: string;
  providerId: string;
  providerName: string;
  kind: InvoiceKind;
  periodStart: string;
  periodEnd: string;
  status: InvoiceStatus;
  displayStatus: InvoiceDisplayStatus;
  totalPence: number;
  levyPence: number;
  stripeInvoiceId: string | null;
  number: string | null;
  dueDate: string | null;
  hostedInvoiceUrl: string | null;
  paidAt: string | null;
  lastError: string | null;
  attempts: number;
  lines: InvoiceLineRead[];
  credits: CreditRead[];
}

type InvoiceRow = Omit<InvoiceRead, "lines" | "credits" | "paidAt" | "totalPence" | "levyPence"> & {
  paidAt: Date | string | null;
  totalPence: number | string;
  levyPence: number | string;
};

const day = (column: SQL) => sql`to_char(${column}, 'YYYY-MM-DD')`;

/**
 * What a person is shown: 'pending' is not in Stripe yet, a draft to them; an open invoice past
 * its due date by the database's date (every node agrees) is overdue.
 */
const DISPLAY_STATUS = sql`CASE WHEN i.status = 'pending' THEN 'draft'
  WHEN i.status = 'open' AND i.due_date < current_date THEN 'overdue' ELSE i.status END`;

function filters(query: InvoiceQuery & { id?: string }): SQL[] {
  const where: SQL[] = [];
  if (query.id) where.push(sql`i.id = ${query.id}`);
  // A month is the month its period starts in (a 4-week period may end in the next).
  if (query.month) where.push(sql`i.period_start >= ${`${query.month}-01`}::date AND i.period_start < ${`${query.month}-01`}::date + interval '1 month'`);
  if (query.placementId) {
    where.push(sql`(EXISTS (SELECT 1 FROM invoice_lines l WHERE l.invoice_id = i.id AND l.placement_id = ${query.placementId})
      OR EXISTS (SELECT 1 FROM credit_notes cn WHERE cn.invoice_id = i.id AND cn.placement_id = ${query.placementId}))`);
  }
  if (query.status) where.push(sql`${DISPLAY_STATUS} = ${query.status}`);
  return where;
}

/** The invoices an actor may see that match the filters, newest period first, with their lines and credits. */
export async function readInvoices(
  db: DbOrTx,
  actor: Member,
  view: InvoiceView,
  query: InvoiceQuery & { id?: string; extra?: SQL } = {},
): Promise<InvoiceRead[]> {
  const where = [invoiceScope(actor, view), ...filters(query), ...(query.extra ? [query.extra] : [])];
  const rows = await rowsOf<InvoiceRow>(
    db,
    sql`SELECT i.id, i.council_id AS "councilId", c.name AS "councilName", i.provider_id AS "providerId", p.name AS "providerName",
          i.kind, ${day(sql`i.period_start`)} AS "periodStart", ${day(sql`i.period_end`)} AS "periodEnd", i.status,
          ${DISPLAY_STATUS} AS "displayStatus", i.total_pence AS "totalPence", i.levy_pence AS "levyPence",
          i.stripe_invoice_id AS "stripeInvoiceId", i.invoice_number AS "number", ${day(sql`i.due_date`)} AS "dueDate",
          i.hosted_invoice_url AS "hostedInvoiceUrl", i.paid_at AS "paidAt", i.last_error AS "lastError", i.attempts
        FROM invoices i JOIN organisations c ON c.id = i.council_id JOIN organisations p ON p.id = i.provider_id
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY i.period_start DESC, c.name, p.name, i.created_at DESC, i.id`,
  );
  if (rows.length === 0) return [];
  const ids = sql`${`{${rows.map((r) => r.id).join(",")}}`}::uuid[]`;
  const lines = await rowsOf<InvoiceLineRead & { amountPence: number | string }>(
    db,
    sql`SELECT l.id, l.invoice_id AS "invoiceId", l.placement_id AS "placementId", s.name AS "settingName",
          ${view === "council" ? sql`ch.reference` : sql`NULL`} AS "childReference",
          ${day(sql`l.period_start`)} AS "periodStart", ${day(sql`l.period_end`)} AS "periodEnd", l.amount_pence AS "amountPence", l.description
        FROM invoice_lines l JOIN placements pl ON pl.id = l.placement_id JOIN settings s ON s.id = pl.setting_id
          JOIN child_profiles ch ON ch.id = pl.child_id
        WHERE l.invoice_id = ANY(${ids})
        ORDER BY l.period_start, s.name, l.created_at, l.id`,
  );
  const credits = await rowsOf<CreditRead & { amountPence: number | string }>(
    db,
    sql`SELECT cn.id, cn.invoice_id AS "invoiceId", cn.placement_id AS "placementId", ${day(sql`cn.period_start`)} AS "periodStart",
          ${day(sql`cn.period_end`)} AS "periodEnd", cn.amount_pence AS "amountPence", cn.reason, cn.status, cn.last_error AS "lastError",
          s.name AS "settingName", ${view === "council" ? sql`ch.reference` : sql`NULL`} AS "childReference"
        FROM credit_notes cn JOIN placements pl ON pl.id = cn.placement_id JOIN settings s ON s.id = pl.setting_id
          JOIN child_profiles ch ON ch.id = pl.child_id
        WHERE cn.invoice_id = ANY(${ids})
        ORDER BY cn.created_at, cn.id`,
  );
  // A child's reference is left out unless read (the council's view): never an empty stand-in.
  const linesOf = groupBy(
    lines.map(({ childReference, ...l }) => ({ ...l, amountPence: Number(l.amountPence), ...(childReference ? { childReference } : {}) })),
    (l) => l.invoiceId,
  );
  const creditsOf = groupBy(
    credits.map(({ childReference, ...c }) => ({ ...c, amountPence: Number(c.amountPence), ...(childReference ? { childReference } : {}) })),
    (c) => c.invoiceId,
  );
  return rows.map((row) => ({
    ...row,
    totalPence: Number(row.totalPence),
    levyPence: Number(row.levyPence),
    paidAt: row.paidAt === null ? null : new Date(row.paidAt).toISOString(),
    lines: linesOf.get(row.id) ?? [],
    credits: creditsOf.get(row.id) ?? [],
  }));
}
