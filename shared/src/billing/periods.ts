import type { PeriodKind } from "../codes/payments";
import { addDays, dateOfDay, dayNumber } from "./dates";

/** A billing period: its first and last day, both included. */
export interface Period {
  start: string;
  end: string;
}

export interface PeriodRule {
  kind: PeriodKind;
  /** 4-week periods start on this date and every 28 days before and after it; unused for months. */
  anchorDate: string;
}

/** The period a date falls in. */
export function periodContaining(rule: PeriodRule, date: string): Period {
  if (rule.kind === "month") {
    const [year, month] = date.split("-").map(Number) as [number, number];
    const start = `${date.slice(0, 7)}-01`;
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
    return { start, end: addDays(next, -1) };
  }
  const offset = dayNumber(date) - dayNumber(rule.anchorDate);
  const start = dayNumber(rule.anchorDate) + Math.floor(offset / 28) * 28;
  return { start: dateOfDay(start), end: dateOfDay(start + 27) };
}

/** Every period that overlaps [from, to], in order. */
export function periodsBetween(rule: PeriodRule, from: string, to: string): Period[] {
  const periods: Period[] = [];
  for (let p = periodContaining(rule, from); p.start <= to; p = periodContaining(rule, addDays(p.end, 1))) periods.push(p);
  return periods;
}
