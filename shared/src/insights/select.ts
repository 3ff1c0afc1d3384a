import type { InsightsFilter, PlacementFact, RequestFact } from "./contract";
import type { Cube } from "./cube";
import { cubeOf, type InsightsData } from "./data";
import { type Cell, SUPPRESSED } from "./disclosure";
import { clampPeriod, type MonthRange } from "./months";
import { publishGrids } from "./published";

/** The facts one filter selects, and its protected grids. */
export interface Selection {
  period: MonthRange;
  placements: PlacementFact[];
  requests: RequestFact[];
  highRiskOnly: boolean;
  grid: ReturnType<typeof publishGrids>;
}

/**
 * The number of placements a filter selects, as published everywhere it appears (the totals of
 * several tables): `[c]` wherever any of those tables withholds it, so none gives it away.
 */
export function placementsCell(s: Selection): Cell {
  const totals = [s.grid("riskCounts").total(), s.grid("placementsByLot").columnTotal(0), s.grid("placementsByMode").columnTotal(0)];
  return totals.includes(SUPPRESSED) ? SUPPRESSED : (totals[0] as Cell);
}

export function select(data: InsightsData, filter: InsightsFilter): Selection {
  const period = clampPeriod(filter, data.months);
  const highRiskOnly = filter.highRisk === "only";
  const councils = filter.council && !data.councils.includes(filter.council) ? [...data.councils, filter.council] : data.councils;
  let cube: Cube | undefined;
  const council = filter.council ? councils.indexOf(filter.council) + 1 : 0;
  const inFilter = (f: { lot: number; councilId: string }, m: number) =>
    m >= period.from && m <= period.to && (!filter.lot || f.lot === filter.lot) && (!filter.council || f.councilId === filter.council);
  return {
    period,
    highRiskOnly,
    placements: data.placements.filter((p, i) => inFilter(p, data.placementMonths[i] as number) && (!highRiskOnly || p.highRiskRules.length > 0)),
    requests: highRiskOnly ? [] : data.requests.filter((r, i) => inFilter(r, data.requestMonths[i] as number)),
    grid: publishGrids({
      cube: () => (cube ??= cubeOf(data, period, highRiskOnly, councils)),
      memo: data.memo,
      key: `${highRiskOnly}|${period.from}|${period.to}|${councils.join(",")}`,
      period,
      lot: filter.lot ?? 0,
      council,
    }),
  };
}
