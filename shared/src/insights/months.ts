/**
 * Months as whole numbers (months since January 1900), so that a period of award is a range of
 * integers and its neighbours one step away. Dates are YYYY-MM-DD, months YYYY-MM.
 */

export const monthIndex = (monthOrDate: string): number => Number(monthOrDate.slice(0, 4)) * 12 + Number(monthOrDate.slice(5, 7)) - 1 - 1900 * 12;

export const monthText = (index: number): string => {
  const year = 1900 + Math.floor(index / 12);
  return `${year}-${String((index % 12) + 1).padStart(2, "0")}`;
};

/** A period of whole months, inclusive, as indices; empty when from > to. */
export interface MonthRange {
  from: number;
  to: number;
}

/**
 * The period a filter asks for, clamped to the months the region has data for, so that two
 * filters selecting the same facts are computed (and suppressed) identically: "from 1990" and
 * "from the first month with data" give the same tables, and so do their neighbours.
 */
export function clampPeriod(filter: { from?: string; to?: string }, data: MonthRange): MonthRange {
  const from = Math.max(filter.from ? monthIndex(filter.from) : data.from, data.from);
  const to = Math.min(filter.to ? monthIndex(filter.to) : data.to, data.to);
  return from > to ? { from: data.to + 1, to: data.to } : { from, to };
}

/** The date n months after a date (the same day of the month, or the month's last day); string arithmetic, as it runs per fact. */
export function addMonths(date: string, n: number): string {
  const m = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + n;
  const year = Math.floor(m / 12);
  const month = (m % 12) + 1;
  const last = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
