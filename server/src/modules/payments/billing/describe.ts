import { daysInclusive, maxDate, minDate } from "@shared/billing/dates";
import type { Period } from "@shared/billing/periods";
import type { FeeHistory } from "@shared/billing/pro-rata";
import { formatPence } from "@shared/money";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const parts = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return { y, m: MONTHS[m - 1]!, d };
};

/** "1–30 Apr 2026", "6 Apr – 3 May 2026", "29 Dec 2025 – 25 Jan 2026": as an invoice reader says it. */
export function periodLabel(period: Period): string {
  const a = parts(period.start);
  const b = parts(period.end);
  if (a.y !== b.y) return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`;
  if (a.m !== b.m) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`;
  return `${a.d}–${b.d} ${b.m} ${b.y}`;
}

/** The fees in effect on some day of the period, in order ("£700.00" or "£700.00 then £770.00"). */
function feesDuring(history: FeeHistory, from: string, to: string): string {
  const fees = [...history.fees].sort((x, y) => (x.from < y.from ? -1 : 1));
  const shown = fees.filter((fee, i) => {
    const next = fees[i + 1];
    return fee.from <= to && (!next || next.from > from);
  });
  return shown.map((f) => formatPence(f.weeklyFeePence)).join(" then ");
}

/**
 * What Stripe shows the council for a line: the setting, the period, the days and the weekly fee.
 * Never the child's reference: the invoice leaves the region's systems (Stripe, e-mail, finance).
 */
export function lineDescription(settingName: string, history: FeeHistory, period: Period, correction: boolean): string {
  const from = maxDate(period.start, history.startDate);
  const to = history.endDate === null ? period.end : minDate(period.end, history.endDate);
  const days = daysInclusive(from, to);
  const what = `Placement at ${settingName}, ${periodLabel(period)}`;
  if (correction) return `Correction: ${what}, now ${days} ${days === 1 ? "day" : "days"}${days > 0 ? ` at ${feesDuring(history, from, to)} a week` : ""}`;
  return `${what}, ${days} ${days === 1 ? "day" : "days"} at ${feesDuring(history, from, to)} a week`;
}
