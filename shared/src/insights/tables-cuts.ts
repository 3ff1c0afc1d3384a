import type { InsightsCell, InsightsTable } from "./contract";
import { type Cut, CUTS } from "./cuts";
import { type Cell, SUPPRESSED } from "./disclosure";
import type { GridId } from "./grids";
import type { Selection } from "./select";
import { groupSums, round, summary } from "./stats";
import { col, row, totalsRow } from "./table";

const rate = (part: Cell, whole: Cell): Cell =>
  part === SUPPRESSED || whole === SUPPRESSED ? SUPPRESSED : summary(whole, () => round((part / whole) * 100, 1), part, whole);

function breakdownTable(s: Selection, cut: Cut, today: string): InsightsTable {
  const g = s.grid(`breakdown-${cut.id}` as GridId);
  const cells = (at: (j: number) => Cell): InsightsCell[] => [at(0), at(1), rate(at(1), at(0)), at(2), at(3), rate(at(3), at(2))];
  return {
    id: `breakdown-by-${cut.id}`,
    title: `Placements that broke down, ${cut.title}`,
    description: `Of the placements that started at least 6 (or 12) months before ${today}, how many ended in a breakdown within 6 (or 12) months of their start.`,
    chart: "grouped-bar",
    rowHeader: cut.rowHeader,
    columns: [
      col("started-6", "Placements started 6 months ago or more", "count"),
      col("broke-down-6", "Broke down within 6 months", "count"),
      col("percent-6", "% broke down within 6 months", "percent"),
      col("started-12", "Placements started 12 months ago or more", "count"),
      col("broke-down-12", "Broke down within 12 months", "count"),
      col("percent-12", "% broke down within 12 months", "percent"),
    ],
    rows: cut.groups.map((group, i) =>
      row(
        group.key,
        group.label,
        cells((j) => g.cell(i, j)),
      ),
    ),
    totals: totalsRow(cells((j) => g.columnTotal(j))),
  };
}

type Sums = ReturnType<typeof groupSums>[number];

function outcomesTable(s: Selection, cut: Cut): InsightsTable {
  const g = s.grid(`outcomes-${cut.id}` as GridId);
  const change = groupSums(s.placements, cut.groups.length, cut.groupOf, (p) => p.outcomeChange);
  const incidents = groupSums(s.placements, cut.groups.length, cut.groupOf, (p) => p.incidentsPer4Weeks);
  const all = (list: Sums[]) => list.reduce((a, x) => ({ n: a.n + x.n, sum: a.sum + x.sum }), { n: 0, sum: 0 });
  const of = (c: Sums, i: Sums, at: (j: number) => Cell): InsightsCell[] => [
    at(0),
    summary(c.n, () => round(c.sum / c.n, 2), at(0)),
    at(1),
    summary(i.n, () => round(i.sum / i.n, 2), at(1)),
  ];
  return {
    id: `outcomes-by-${cut.id}`,
    title: `Outcomes, ${cut.title}`,
    description:
      "The mean change in the child's outcome scores (1 to 5) from the baseline review to the latest review, and the mean number of incidents per 4 weeks since the baseline, over placements with those reviews.",
    chart: "dot",
    rowHeader: cut.rowHeader,
    columns: [
      col("with-change", "Placements with a baseline and a later review", "count"),
      col("mean-change", "Mean change in outcome scores", "score"),
      col("with-incidents", "Placements with a review", "count"),
      col("incident-rate", "Incidents per 4 weeks", "rate"),
    ],
    rows: cut.groups.map((group, i) =>
      row(
        group.key,
        group.label,
        of(change[i] as Sums, incidents[i] as Sums, (j) => g.cell(i, j)),
      ),
    ),
    totals: totalsRow(of(all(change), all(incidents), (j) => g.columnTotal(j))),
  };
}

export function cutTables(s: Selection, today: string): InsightsTable[] {
  return [...CUTS.map((cut) => breakdownTable(s, cut, today)), ...CUTS.map((cut) => outcomesTable(s, cut))];
}
