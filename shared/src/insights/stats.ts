import { type Cell, SMALL_COUNT_THRESHOLD, SUPPRESSED } from "./disclosure";

/** The q-quantile of sorted values, interpolating between neighbours (the spreadsheet's QUARTILE.INC). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

export const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/**
 * A percentage, mean or median of a group as published: `[c]` when the group has fewer than 5
 * members, or when the group's own count, or the count it is worked out from, is withheld (else
 * the withheld count could be worked back from the summary and a published count).
 */
export function summary(n: number, value: () => number, ...counts: (Cell | null)[]): Cell {
  if (n < SMALL_COUNT_THRESHOLD || counts.some((c) => c === SUPPRESSED)) return SUPPRESSED;
  return value();
}

/** Numbers in ascending order (a typed array sorts numbers far faster than a comparator). */
export const sorted = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

/** Group values into sorted arrays, one per group, for medians. */
export function groupValues<T>(items: readonly T[], groups: number, groupOf: (item: T) => number, valueOf: (item: T) => number | null): Float64Array[] {
  const out = Array.from({ length: groups }, () => [] as number[]);
  for (const item of items) {
    const v = valueOf(item);
    if (v !== null) out[groupOf(item)]?.push(v);
  }
  return out.map(sorted);
}

/** Count and sum of a field's non-null values in each group, in one pass. */
export function groupSums<T>(
  items: readonly T[],
  groups: number,
  groupOf: (item: T) => number,
  valueOf: (item: T) => number | null,
): { n: number; sum: number }[] {
  const out = Array.from({ length: groups }, () => ({ n: 0, sum: 0 }));
  for (const item of items) {
    const v = valueOf(item);
    if (v === null) continue;
    const g = out[groupOf(item)] as { n: number; sum: number };
    g.n++;
    g.sum += v;
  }
  return out;
}

/** Items split into groups in one pass. */
export function partition<T>(items: readonly T[], groups: number, groupOf: (item: T) => number): T[][] {
  const out = Array.from({ length: groups }, () => [] as T[]);
  for (const item of items) out[groupOf(item)]?.push(item);
  return out;
}

/** The non-null values of a field, in one loop (no array per item: this runs over every fact). */
export function valuesOf<T>(items: readonly T[], valueOf: (item: T) => number | null): number[] {
  const out: number[] = [];
  for (const item of items) {
    const v = valueOf(item);
    if (v !== null) out.push(v);
  }
  return out;
}
