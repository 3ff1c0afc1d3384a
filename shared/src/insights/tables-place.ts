import { REQUEST_MODES } from "../codes/tenders";
import type { InsightsCell, InsightsTable, PlacementFact, RequestFact } from "./contract";
import { LOT_GROUPS, MODE_GROUPS, modeIndex, RISK_COUNT_GROUPS, riskCountIndex } from "./cuts";
import type { Cell } from "./disclosure";
import { endedWithoutOffer, type GridId } from "./grids";
import { placementsCell, type Selection } from "./select";
import { groupValues, partition, quantile, round, sorted, summary, valuesOf } from "./stats";
import { col, row, totalsRow } from "./table";

const FEE_COLUMNS = [
  col("placements", "Placements", "count"),
  col("lower-quartile", "Lower quartile (£ a week)", "pounds"),
  col("median", "Median (£ a week)", "pounds"),
  col("upper-quartile", "Upper quartile (£ a week)", "pounds"),
];

/** Count, then quartiles in whole pounds, of a group: the quartiles are `[c]` with the count. */
function feeCells(fees: Float64Array, n: Cell): InsightsCell[] {
  const q = (p: number) => summary(fees.length, () => Math.round(quantile(fees, p) / 100), n);
  return [n, q(0.25), q(0.5), q(0.75)];
}

function feeTable(s: Selection, by: "risk-count" | "lot"): InsightsTable {
  const fee = (p: PlacementFact) => p.weeklyFeePence;
  const all = groupValues(s.placements, 1, () => 0, fee)[0] as Float64Array;
  const riskCounts = s.grid("riskCounts");
  const lots = s.grid("placementsByLot");
  const groups = by === "lot" ? LOT_GROUPS : RISK_COUNT_GROUPS;
  const values = groupValues(s.placements, groups.length, by === "lot" ? (p) => p.lot - 1 : riskCountIndex, fee);
  // The counts are those of the risk-count and lot tables, withheld in the same places.
  const n = (i: number) => (by === "lot" ? lots.cell(i, 0) : riskCounts.rowTotal(i));
  return {
    id: `weekly-fee-by-${by}`,
    title: by === "lot" ? "Weekly fee by lot" : "Weekly fee by number of present risks",
    description: "The weekly fee agreed at award: the median, and the quartiles a quarter of placements fall below and above.",
    chart: "box",
    rowHeader: by === "lot" ? "Lot" : "Present risks",
    columns: FEE_COLUMNS,
    rows: groups.map((g, i) => row(g.key, g.label, feeCells(values[i] as Float64Array, n(i)))),
    totals: totalsRow(feeCells(all, placementsCell(s))),
  };
}

export const feeByRiskCountTable = (s: Selection) => feeTable(s, "risk-count");
export const feeByLotTable = (s: Selection) => feeTable(s, "lot");

const TIME_COLUMNS = [
  col("requests", "Requests", "count"),
  col("no-offer", "Ended with no offer", "count"),
  col("no-offer-percent", "% ended with no offer", "percent"),
  col("offers-mean", "Mean offers per request", "rate"),
  col("days-to-award", "Median days from opening to award", "days"),
  col("placements", "Placements", "count"),
  col("days-needed-to-start", "Median days from needed-by date to start", "days"),
];

interface Group {
  requests: RequestFact[];
  placements: PlacementFact[];
}

function timeCells(g: Group, requests: Cell | null, noOffer: Cell | null, placements: Cell): InsightsCell[] {
  const r = g.requests;
  const awardDays = sorted(valuesOf(r, (x) => x.daysToAward));
  const neededDays = sorted(valuesOf(g.placements, (x) => x.daysNeededToStart));
  let noOffers = 0;
  let offers = 0;
  for (const x of r) {
    offers += x.offersCount;
    if (endedWithoutOffer(x)) noOffers++;
  }
  const request =
    requests === null
      ? [null, null, null, null, null]
      : [
          requests,
          noOffer,
          summary(r.length, () => round((noOffers / r.length) * 100, 1), requests, noOffer),
          summary(r.length, () => round(offers / r.length, 1), requests),
          summary(awardDays.length, () => round(quantile(awardDays, 0.5), 1), requests),
        ];
  return [...request, placements, summary(neededDays.length, () => round(quantile(neededDays, 0.5), 1), placements)];
}

function timeTable(s: Selection, by: "lot" | "mode"): InsightsTable {
  const groups = by === "lot" ? LOT_GROUPS : MODE_GROUPS;
  const reqGrid = s.grid(by === "lot" ? "requestsByLot" : "requestsByMode");
  const plGrid = s.grid((by === "lot" ? "placementsByLot" : "placementsByMode") satisfies GridId);
  const requestRows = by === "lot" ? 7 : REQUEST_MODES.length;
  const requests = partition(s.requests, groups.length, (r) => (by === "lot" ? r.lot - 1 : REQUEST_MODES.indexOf(r.mode)));
  const placements = partition(s.placements, groups.length, (p) => (by === "lot" ? p.lot - 1 : modeIndex(p.mode)));
  const of = (i: number): Group => ({ requests: requests[i] as RequestFact[], placements: placements[i] as PlacementFact[] });
  // High-risk only: a request is not high risk or not (its placement is), so request figures do not apply.
  const withRequests = (i: number) => !s.highRiskOnly && i < requestRows;
  return {
    id: `time-to-place-by-${by}`,
    title: by === "lot" ? "Time to place, by lot" : "Time to place, by request mode",
    description:
      "Requests by the month they were awarded, closed or opened; offers per request; requests that ended with no offer; days from opening a request to its award, and from the child's needed-by date to the placement's start (negative: started before it was needed). Request figures are left empty for high-risk placements only.",
    chart: "bar",
    rowHeader: by === "lot" ? "Lot" : "Request mode",
    columns: TIME_COLUMNS,
    rows: groups.map((g, i) =>
      row(g.key, g.label, timeCells(of(i), withRequests(i) ? reqGrid.cell(i, 0) : null, withRequests(i) ? reqGrid.cell(i, 1) : null, plGrid.cell(i, 0))),
    ),
    totals: totalsRow(
      timeCells(
        { requests: s.requests, placements: s.placements },
        s.highRiskOnly ? null : reqGrid.columnTotal(0),
        s.highRiskOnly ? null : reqGrid.columnTotal(1),
        placementsCell(s),
      ),
    ),
  };
}

export const timeByLotTable = (s: Selection) => timeTable(s, "lot");
export const timeByModeTable = (s: Selection) => timeTable(s, "mode");
