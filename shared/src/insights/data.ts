import type { PlacementFact, RequestFact } from "./contract";
import { classOf, Cube } from "./cube";
import { eligibilityOn, GRID_CELLS, isHighRiskFact, placementCells, requestCells } from "./grids";
import { monthIndex, type MonthRange } from "./months";
import type { ProtectedVariants } from "./protect";

/**
 * A region's facts as the insights read them, with the counts of every grid already added up per
 * month × lot × council (for all placements, and for high-risk placements only): a request then
 * adds up months, never facts. Built when the facts change (server/src/modules/insights/cache.ts)
 * and for the day the breakdown figures are counted on.
 */
export interface InsightsData {
  placements: readonly PlacementFact[];
  requests: readonly RequestFact[];
  /** Every council of the region (and any other with a fact), in a fixed order: the council partition is always over all of them. */
  councils: readonly string[];
  /** First and last month with a fact (award month, or a request's month); this month when there are none. */
  months: MonthRange;
  today: string;
  /** Counts per month, lot and council, all placements and requests. */
  counts: Int32Array;
  /** The same, high-risk placements only (no requests). */
  highRiskCounts: Int32Array;
  /** Each placement's award month and each request's month, as month indices, in the facts' order. */
  placementMonths: Int32Array;
  requestMonths: Int32Array;
  /** Grids already protected, by period (see published.ts): derived from the facts above, dropped with them. */
  memo: Map<string, ProtectedVariants>;
}

/** `regionCouncils`: every council of the region, with facts or not, so the council partition never depends on the data. */
export function insightsData(
  placements: readonly PlacementFact[],
  requests: readonly RequestFact[],
  today: string,
  regionCouncils: readonly string[] = [],
): InsightsData {
  const councilSet = new Set<string>(regionCouncils);
  let from = Infinity;
  let to = -Infinity;
  const see = (council: string, date: string) => {
    councilSet.add(council);
    const m = monthIndex(date);
    if (m < from) from = m;
    if (m > to) to = m;
  };
  for (const p of placements) see(p.councilId, p.awardDate);
  for (const r of requests) see(r.councilId, r.periodDate);
  const now = monthIndex(today);
  const months = from === Infinity ? { from: now, to: now } : { from, to };
  const councils = [...councilSet].sort();
  const index = new Map(councils.map((c, i) => [c, i]));
  const k = councils.length;
  const length = (months.to - months.from + 1) * 7 * k * GRID_CELLS;
  const counts = new Int32Array(length);
  const highRiskCounts = new Int32Array(length);
  const at = (date: string, lot: number, council: string) =>
    (((monthIndex(date) - months.from) * 7 + lot - 1) * k + (index.get(council) as number)) * GRID_CELLS;
  const e = eligibilityOn(today);
  for (const p of placements) {
    const base = at(p.awardDate, p.lot, p.councilId);
    const high = isHighRiskFact(p);
    for (const c of placementCells(p, e)) {
      (counts[base + c] as number)++;
      if (high) (highRiskCounts[base + c] as number)++;
    }
  }
  for (const r of requests) {
    const base = at(r.periodDate, r.lot, r.councilId);
    for (const c of requestCells(r)) (counts[base + c] as number)++;
  }
  const placementMonths = Int32Array.from(placements, (p) => monthIndex(p.awardDate));
  const requestMonths = Int32Array.from(requests, (r) => monthIndex(r.periodDate));
  return { placements, requests, councils, months, today, counts, highRiskCounts, placementMonths, requestMonths, memo: new Map() };
}

/** The cube of a period [from, to] (clamped) and its month neighbours, from the monthly counts. */
export function cubeOf(data: InsightsData, period: MonthRange, highRiskOnly: boolean, councils: readonly string[]): Cube {
  const cube = new Cube(GRID_CELLS, councils);
  const source = highRiskOnly ? data.highRiskCounts : data.counts;
  const k = data.councils.length;
  for (let m = Math.max(period.from - 1, data.months.from); m <= Math.min(period.to + 1, data.months.to); m++) {
    const cls = classOf(m, period.from, period.to);
    if (cls < 0) continue;
    for (let lot = 1; lot <= 7; lot++) {
      for (let c = 0; c < k; c++) cube.add(cls, lot, c + 1, source, (((m - data.months.from) * 7 + lot - 1) * k + c) * GRID_CELLS);
    }
  }
  return cube;
}
