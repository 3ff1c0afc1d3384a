import { sql } from "drizzle-orm";
import { addDays } from "@shared/billing/dates";
import { type Period, periodsBetween } from "@shared/billing/periods";
import { periodDuePence } from "@shared/billing/pro-rata";
import type { Db } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { groupBy } from "../../../lib/group-by";
import { billingSettingsOf } from "../settings/queries";
import { lineDescription } from "./describe";
import { type BilledPlacement, type LedgerLine, loadLedger, sumPence } from "./ledger";
import { type CreditPlan, type LinePlan, type RunActor, writeCredit, writeLines } from "./write";

// One billing run per region at a time across every node (any constant unlike the other locks').
const BILLING_LOCK_KEY = 7_240_614;

export interface ComputeResult {
  /** False when there are no settings or another node is billing the region right now. */
  ran: boolean;
  invoicesCreated: number;
  linesCreated: number;
  creditNotesCreated: number;
}

/**
 * Decides what the region's councils owe for every period that has ended, and records the
 * difference from what was invoiced and credited before: new lines (on the period's invoice, or a
 * correction invoice once that one has gone to Stripe) or credit notes. Idempotent: a second run
 * finds nothing owed. Nothing here calls Stripe (push.ts does, outside any transaction).
 */
export async function computeRegion(db: Db, regionId: string, actor: RunActor = {}): Promise<ComputeResult> {
  return db.transaction(async (tx) => {
    const none = { ran: false, invoicesCreated: 0, linesCreated: 0, creditNotesCreated: 0 };
    const [lock] = await rowsOf<{ locked: boolean; today: string }>(
      tx,
      sql`SELECT pg_try_advisory_xact_lock(${BILLING_LOCK_KEY}, hashtext(${regionId})) AS locked, current_date::text AS today`,
    );
    if (!lock?.locked) return none;
    const settings = await billingSettingsOf(tx, regionId);
    if (!settings) return none;
    const ledger = await loadLedger(tx, regionId, settings.startsOn);
    const rule = { kind: settings.periodKind, anchorDate: settings.anchorDate };
    const lastDay = addDays(lock.today, -1);

    const lines: LinePlan[] = [];
    const credits: CreditPlan[] = [];
    const linesOf = groupBy(ledger.lines, (l) => `${l.placementId}/${l.periodStart}`);
    const creditsOf = groupBy(ledger.credits, (c) => `${c.placementId}/${c.periodStart}`);
    const invoicedOf = groupBy(ledger.lines, (l) => l.placementId);
    for (const placement of ledger.placements) {
      for (const period of periodsToCheck(placement, invoicedOf.get(placement.id) ?? [], rule, settings.startsOn, lastDay)) {
        const key = `${placement.id}/${period.start}`;
        const earlier = linesOf.get(key) ?? [];
        const due = periodDuePence(placement.history, period);
        const billed = sumPence(earlier) - sumPence(creditsOf.get(key) ?? []);
        if (due > billed && ledger.payable.has(placement.providerId)) {
          const correction = earlier.length > 0;
          lines.push({
            placement,
            period,
            amountPence: due - billed,
            correction,
            description: lineDescription(placement.settingName, placement.history, period, correction),
          });
        } else if (due < billed) {
          credits.push({ placement, period, amountPence: billed - due, due, billed });
        }
      }
    }
    const written = await writeLines(tx, { regionId, levyBasisPoints: settings.levyBasisPoints, ledger, lines, actor });
    let creditNotesCreated = 0;
    for (const credit of credits) creditNotesCreated += await writeCredit(tx, { ledger, credit, actor });
    return { ran: true, invoicesCreated: written.invoicesCreated, linesCreated: lines.length, creditNotesCreated };
  });
}

/**
 * The ended periods, starting on or after the day billing started, that overlap the placement,
 * and any period already invoiced for it (a placement ended early may no longer overlap it).
 */
function periodsToCheck(
  placement: BilledPlacement,
  invoiced: readonly LedgerLine[],
  rule: Parameters<typeof periodsBetween>[0],
  startsOn: string,
  lastDay: string,
): Period[] {
  const periods = new Map<string, Period>();
  const from = placement.history.startDate > startsOn ? placement.history.startDate : startsOn;
  const end = placement.history.endDate;
  const to = end !== null && end < lastDay ? end : lastDay;
  if (from <= to) for (const p of periodsBetween(rule, from, to)) periods.set(p.start, p);
  for (const l of invoiced) periods.set(l.periodStart, { start: l.periodStart, end: l.periodEnd });
  return [...periods.values()].filter((p) => p.end <= lastDay && p.start >= startsOn).sort((a, b) => (a.start < b.start ? -1 : 1));
}
