import { PDS_RISKS } from "../codes/directory";
import type { InsightsCell, InsightsTable } from "./contract";
import { RISK_COUNT_GROUPS } from "./cuts";
import { type Cell, SUPPRESSED } from "./disclosure";
import { pairIndex } from "./grids";
import { placementsCell, type Selection } from "./select";
import { groupSums, round, summary } from "./stats";
import { col, row, totalsRow } from "./table";

const percentOf = (count: Cell, group: Cell): Cell =>
  count === SUPPRESSED || group === SUPPRESSED ? SUPPRESSED : summary(group, () => (group === 0 ? 0 : round((count / group) * 100, 1)), count, group);

/** Prevalence of each risk, high-risk vs other placements, with percentages of each group. */
export function prevalenceTable(s: Selection): InsightsTable {
  const g = s.grid("prevalence");
  const sizes = s.grid("riskCounts");
  const groups = [sizes.columnTotal(0), sizes.columnTotal(1), placementsCell(s)];
  return {
    id: "risk-prevalence",
    title: "Present risks, high-risk and other placements",
    description:
      "How many placements started with each Placements Data Standard risk current or escalating, and what percentage of the group that is. A child can have several risks, so the rows do not add up to the number of placements.",
    chart: "grouped-bar",
    rowHeader: "Risk",
    columns: [
      col("high-risk", "High-risk placements", "count"),
      col("high-risk-percent", "% of high-risk placements", "percent"),
      col("other", "Other placements", "count"),
      col("other-percent", "% of other placements", "percent"),
      col("all", "All placements", "count"),
      col("all-percent", "% of all placements", "percent"),
    ],
    rows: [
      ...PDS_RISKS.map((r, i) => {
        const counts = [g.cell(i, 0), g.cell(i, 1), g.rowTotal(i)];
        return row(
          r.code,
          r.label,
          counts.flatMap((c, k) => [c, percentOf(c, groups[k] as Cell)]),
        );
      }),
      row(
        "placements",
        "Placements in the group",
        groups.flatMap((n) => [n, null]),
      ),
    ],
    totals: null,
  };
}

/** How many risks each child has, high-risk vs other, with every total. */
export function riskCountTable(s: Selection): InsightsTable {
  const g = s.grid("riskCounts");
  return {
    id: "risk-count",
    title: "Number of present risks per child",
    description: "How many placements started with each number of current or escalating risks.",
    chart: "grouped-bar",
    rowHeader: "Present risks",
    columns: [col("high-risk", "High-risk placements", "count"), col("other", "Other placements", "count"), col("all", "All placements", "count")],
    rows: RISK_COUNT_GROUPS.map((r, i) => row(r.key, r.label, [g.cell(i, 0), g.cell(i, 1), g.rowTotal(i)])),
    totals: totalsRow([g.columnTotal(0), g.columnTotal(1), placementsCell(s)]),
  };
}

type Sums = ReturnType<typeof groupSums>[number];

/** The mean number of present risks of each group. */
export function riskMeanTable(s: Selection): InsightsTable {
  const g = s.grid("riskCounts");
  const sums = groupSums(
    s.placements,
    2,
    (p) => (p.highRiskRules.length > 0 ? 0 : 1),
    (p) => p.presentRisks.length,
  );
  const [high, other] = sums as [Sums, Sums];
  const both = { n: high.n + other.n, sum: high.sum + other.sum };
  // Rounded to one place, so the mean cannot be multiplied back into an exact sum of risks.
  const meanOf = (x: Sums, group: Cell): Cell => summary(x.n, () => round(x.sum / x.n, 1), group);
  return {
    id: "risk-count-mean",
    title: "Mean number of present risks per child",
    description: "The average number of current or escalating risks a child had at the start of the placement, to one decimal place.",
    chart: "dot",
    rowHeader: "Measure",
    columns: [col("high-risk", "High-risk placements", "score"), col("other", "Other placements", "score"), col("all", "All placements", "score")],
    rows: [row("mean", "Mean number of present risks", [meanOf(high, g.columnTotal(0)), meanOf(other, g.columnTotal(1)), meanOf(both, placementsCell(s))])],
    totals: null,
  };
}

/** Co-occurrence of risks: placements with both risks of each pair (the diagonal is left empty). */
export function pairsTable(s: Selection): InsightsTable {
  const g = s.grid("pairs");
  const cell = (i: number, j: number): InsightsCell => (i === j ? null : g.cell(pairIndex(Math.min(i, j), Math.max(i, j)), 0));
  return {
    id: "risk-pairs",
    title: "Risks present together",
    description: "How many placements started with both risks of a pair current or escalating. Each pair appears twice, once on each side of the diagonal.",
    chart: "heatmap",
    rowHeader: "Risk",
    columns: PDS_RISKS.map((r) => col(r.code, r.label, "count")),
    rows: PDS_RISKS.map((r, i) =>
      row(
        r.code,
        r.label,
        PDS_RISKS.map((_, j) => cell(i, j)),
      ),
    ),
    totals: null,
  };
}
