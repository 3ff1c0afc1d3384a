import type { InsightsTable } from "@shared/insights/contract";
import { chartOf } from "../../client/src/pages/insights/insights-chart";
import { formatCell } from "../../client/src/pages/insights/insights-format";

/** What a chart's marks draw: Plot keeps each mark's data as given. */
const drawn = (table: InsightsTable) => (chartOf(table)?.plot.marks ?? []).map((mark) => (mark as { data?: unknown }).data).filter(Array.isArray);

const breakdowns: InsightsTable = {
  id: "breakdown-lot",
  title: "Breakdowns within 12 months, by lot",
  description: "Placements that ended in a breakdown within 12 months of their start.",
  chart: "grouped-bar",
  rowHeader: "Lot",
  columns: [
    { key: "placements", label: "Placements", unit: "count" },
    { key: "breakdowns", label: "Breakdowns", unit: "count" },
    { key: "rate", label: "Breakdown rate", unit: "percent" },
  ],
  rows: [
    { key: "1", label: "Lot 1", cells: [120, 12, 10] },
    { key: "2", label: "Lot 2", cells: [8, "[c]", "[c]"] },
    { key: "7", label: "Lot 7", cells: [0, 0, null] },
  ],
  totals: { label: "All lots", cells: [128, "[c]", "[c]"] },
};

describe("the insights charts", () => {
  it("should draw one unit (the rate, not the counts beside it), and leave [c] and empty cells out instead of drawing them as 0", () => {
    const chart = chartOf(breakdowns);
    expect(chart?.leftOut).toBe(1);
    const points = drawn(breakdowns)[0] as { row: string; column: string; value: number; text: string }[];
    expect(points).toEqual([{ row: "Lot 1", column: "Breakdown rate", value: 10, text: "10%" }]);
    expect(chart?.description).toContain("percentages");
  });

  it("should draw a box from the quartiles of each row, leaving out a row whose quartiles are withheld", () => {
    const fees: InsightsTable = {
      ...breakdowns,
      id: "fee-lot",
      chart: "box",
      columns: [
        { key: "n", label: "Placements", unit: "count" },
        { key: "q1", label: "Lower quartile", unit: "pounds" },
        { key: "median", label: "Median", unit: "pounds" },
        { key: "q3", label: "Upper quartile", unit: "pounds" },
      ],
      rows: [
        { key: "1", label: "Lot 1", cells: [120, 2100, 2600, 3400] },
        { key: "2", label: "Lot 2", cells: ["[c]", "[c]", "[c]", "[c]"] },
      ],
      totals: null,
    };
    const chart = chartOf(fees);
    expect(chart?.leftOut).toBe(1);
    expect(drawn(fees)[0]).toEqual([{ row: "Lot 1", q1: 2100, median: 2600, q3: 3400, text: "median £2,600, quartiles £2,100 to £3,400" }]);
  });

  it("should draw no chart when every figure is withheld or does not apply", () => {
    expect(chartOf({ ...breakdowns, rows: [{ key: "2", label: "Lot 2", cells: ["[c]", "[c]", "[c]"] }] })).toBeNull();
  });

  it("should write each unit as the table shows it, and [c] as [c]", () => {
    expect([
      formatCell(1234, "count"),
      formatCell(12.34, "percent"),
      formatCell(2450, "pounds"),
      formatCell(0.456, "rate"),
      formatCell("[c]", "pounds"),
    ]).toEqual(["1,234", "12.3%", "£2,450", "0.46", "[c]"]);
  });
});
