import { addDays, dayNumber, maxDate, minDate } from "./dates";
import type { Period } from "./periods";

/**
 * The one rounding rule (README, "The money flow"): a placement costs its weekly fee / 7 for each
 * day, from its start to its end (both included), at the fee in effect that day. The running
 * total since the start is rounded half up to the penny, and a period is billed the difference
 * of the rounded running totals at its two ends. So periods never drift: whatever is invoiced
 * and credited for a placement adds up to its exact total rounded once, and no period is more
 * than a penny from its own exact share.
 */
export interface FeeHistory {
  /** The first day of the placement. */
  startDate: string;
  /** The last day of the placement (included); null while it runs. */
  endDate: string | null;
  /** The weekly fee from each date on, in any order; a fee from before the start applies from the start. */
  fees: readonly { from: string; weeklyFeePence: number }[];
}

/**
 * Sevenths of a penny accrued on the days before `until` (not including it): an integer, since
 * each day costs weeklyFee/7. Exact: the only rounding is in accruedPence.
 */
export function accruedSevenths(history: FeeHistory, until: string): number {
  const fees = [...history.fees].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const lastDay = history.endDate === null ? addDays(until, -1) : minDate(history.endDate, addDays(until, -1));
  let total = 0;
  fees.forEach((fee, i) => {
    const from = i === 0 ? history.startDate : maxDate(fee.from, history.startDate);
    const next = fees[i + 1];
    const to = next ? minDate(addDays(next.from, -1), lastDay) : lastDay;
    const days = dayNumber(to) - dayNumber(from) + 1;
    if (days > 0) total += fee.weeklyFeePence * days;
  });
  return total;
}

/** Rounds sevenths of a penny half up to whole pence, in integers (no floating point). */
export const seventhsToPence = (sevenths: number): number => Math.floor((2 * sevenths + 7) / 14);

/** The running total in pence, rounded by the rule, of the days before `until`. */
export const accruedPence = (history: FeeHistory, until: string): number => seventhsToPence(accruedSevenths(history, until));

/** What a period is owed for the placement: the rounded running total at its end less that at its start. */
export const periodDuePence = (history: FeeHistory, period: Period): number =>
  accruedPence(history, addDays(period.end, 1)) - accruedPence(history, period.start);

/** The levy on an invoice's total: basis points of it, rounded half up to the penny. */
export const levyPence = (totalPence: number, basisPoints: number): number => Math.floor((2 * totalPence * basisPoints + 10_000) / 20_000);
