import { sql } from "drizzle-orm";
import type { Period } from "@shared/billing/periods";
import { levyPence } from "@shared/billing/pro-rata";
import type { InvoiceKind } from "@shared/codes/payments";
import { formatPence } from "@shared/money";
import type { Tx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { creditNotes, invoiceLines } from "../../../db/schema";
import { groupBy } from "../../../lib/group-by";
import { recordAudit } from "../../audit/record-audit";
import { periodLabel } from "./describe";
import { type BilledPlacement, type Ledger, sumPence } from "./ledger";

/** Who started the run: a hub administrator on demand, or nobody (the schedule). */
export interface RunActor {
  userId?: string;
  organisationId?: string;
  ip?: string | null;
}
export interface LinePlan {
  placement: BilledPlacement;
  period: Period;
  amountPence: number;
  /** The placement already has a line for the period: this one is the extra owed. */
  correction: boolean;
  description: string;
}
export interface CreditPlan {
  placement: BilledPlacement;
  period: Period;
  amountPence: number;
  due: number;
  billed: number;
}
interface WriteLinesProps {
  regionId: string;
  levyBasisPoints: number;
  ledger: Ledger;
  lines: LinePlan[];
  actor: RunActor;
}

const audited = (actor: RunActor) => ({ actorUserId: actor.userId ?? null, actorOrganisationId: actor.organisationId ?? null, ip: actor.ip ?? null });

/**
 * Puts the lines on invoices, one invoice per council, provider and period: the period's own
 * invoice while it is untouched here (pending, never claimed by push), else a correction invoice.
 * An invoice push has claimed may already be in Stripe, so it is never changed.
 */
export async function writeLines(tx: Tx, props: WriteLinesProps): Promise<{ invoicesCreated: number }> {
  let invoicesCreated = 0;
  const groups = groupBy(props.lines, (l) => `${l.placement.councilId}/${l.placement.providerId}/${l.period.start}`);
  for (const group of groups.values()) {
    const { councilId, providerId } = group[0]!.placement;
    const period = group[0]!.period;
    const mine = props.ledger.invoices.filter((i) => i.councilId === councilId && i.providerId === providerId && i.periodStart === period.start);
    const untouched = (kind: InvoiceKind) => mine.filter((i) => i.kind === kind && i.status === "pending" && i.attempts === 0);
    const firsts = group.filter((l) => !l.correction);
    let rest = group.filter((l) => l.correction);
    if (firsts.length > 0) {
      const periodInvoice = mine.find((i) => i.kind === "period");
      if (!periodInvoice) {
        await createInvoice(tx, props, "period", firsts);
        invoicesCreated++;
      } else if (!(await appendUntouched(tx, props, untouched("period"), firsts))) {
        rest = [...firsts, ...rest];
      }
    }
    if (rest.length > 0 && !(await appendUntouched(tx, props, untouched("correction"), rest))) {
      await createInvoice(tx, props, "correction", rest);
      invoicesCreated++;
    }
  }
  return { invoicesCreated };
}

async function createInvoice(tx: Tx, props: WriteLinesProps, kind: InvoiceKind, lines: LinePlan[]) {
  const { councilId, providerId } = lines[0]!.placement;
  const period = lines[0]!.period;
  const total = sumPence(lines);
  const levy = levyPence(total, props.levyBasisPoints);
  const [invoice] = await rowsOf<{ id: string }>(
    tx,
    sql`INSERT INTO invoices (region_id, council_id, provider_id, kind, period_start, period_end, total_pence, levy_basis_points, levy_pence)
        VALUES (${props.regionId}, ${councilId}, ${providerId}, ${kind}, ${period.start}, ${period.end}, ${total}, ${props.levyBasisPoints}, ${levy})
        RETURNING id`,
  );
  await insertLines(tx, invoice!.id, lines);
  await recordAudit(tx, {
    action: "payments.invoice_created",
    recordType: "invoice",
    recordId: invoice!.id,
    ...audited(props.actor),
    details: { kind, councilId, providerId, periodStart: period.start, periodEnd: period.end, totalPence: total, levyPence: levy, lines: lines.length },
  });
}

/** Adds the lines to the first candidate still untouched when locked here; false if none is. */
async function appendUntouched(tx: Tx, props: WriteLinesProps, candidates: { id: string }[], lines: LinePlan[]): Promise<boolean> {
  const added = sumPence(lines);
  for (const candidate of candidates) {
    // The row lock and the re-check together: push's claim either came first (attempts > 0) or waits.
    const [row] = await rowsOf<{ total: number }>(
      tx,
      sql`UPDATE invoices SET total_pence = total_pence + ${added}, levy_basis_points = ${props.levyBasisPoints}, updated_at = now()
          WHERE id = ${candidate.id} AND status = 'pending' AND attempts = 0 RETURNING total_pence AS total`,
    );
    if (!row) continue;
    await tx.execute(sql`UPDATE invoices SET levy_pence = ${levyPence(row.total, props.levyBasisPoints)} WHERE id = ${candidate.id}`);
    await insertLines(tx, candidate.id, lines);
    await recordAudit(tx, {
      action: "payments.invoice_lines_added",
      recordType: "invoice",
      recordId: candidate.id,
      ...audited(props.actor),
      details: { addedPence: added, totalPence: row.total, lines: lines.length },
    });
    return true;
  }
  return false;
}

async function insertLines(tx: Tx, invoiceId: string, lines: LinePlan[]) {
  await tx.insert(invoiceLines).values(
    lines.map((l) => ({
      invoiceId,
      placementId: l.placement.id,
      periodStart: l.period.start,
      periodEnd: l.period.end,
      amountPence: l.amountPence,
      description: l.description,
    })),
  );
}

/**
 * Gives back what was over-invoiced for a placement's period, against the invoices that billed it,
 * largest first, never more than an invoice's total less its credits. A void invoice was never
 * paid, so nothing is credited against it. Returns how many credit notes were written.
 */
export async function writeCredit(tx: Tx, { ledger, credit, actor }: { ledger: Ledger; credit: CreditPlan; actor: RunActor }): Promise<number> {
  const { placement, period } = credit;
  const ofPeriod = (l: { placementId: string; periodStart: string }) => l.placementId === placement.id && l.periodStart === period.start;
  const linesByInvoice = groupBy(ledger.lines.filter(ofPeriod), (l) => l.invoiceId);
  const candidates = [...linesByInvoice].flatMap(([invoiceId, lines]) => {
    const invoice = ledger.invoices.find((i) => i.id === invoiceId);
    if (!invoice || invoice.status === "void") return [];
    const net = sumPence(lines) - sumPence(ledger.credits.filter((c) => c.invoiceId === invoiceId && ofPeriod(c)));
    const room = invoice.totalPence - sumPence(ledger.credits.filter((c) => c.invoiceId === invoiceId));
    return [{ invoiceId, most: Math.min(net, room) }];
  });
  candidates.sort((a, b) => b.most - a.most);
  const reason = `Correction for the placement at ${placement.settingName}, ${periodLabel(period)}: ${formatPence(credit.due)} is now due, ${formatPence(credit.billed)} was invoiced`;
  let remaining = credit.amountPence;
  let written = 0;
  for (const { invoiceId, most } of candidates) {
    const amountPence = Math.min(remaining, most);
    if (amountPence <= 0) continue;
    const [note] = await tx
      .insert(creditNotes)
      .values({ invoiceId, placementId: placement.id, periodStart: period.start, periodEnd: period.end, amountPence, reason })
      .returning({ id: creditNotes.id });
    ledger.credits.push({ invoiceId, placementId: placement.id, periodStart: period.start, amountPence });
    await recordAudit(tx, {
      action: "payments.credit_note_created",
      recordType: "credit_note",
      recordId: note!.id,
      ...audited(actor),
      details: { invoiceId, placementId: placement.id, periodStart: period.start, amountPence },
    });
    remaining -= amountPence;
    written++;
  }
  return written;
}
