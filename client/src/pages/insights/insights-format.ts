import type { InsightsCell, InsightsTable } from "@shared/insights/contract";

export type InsightsUnit = InsightsTable["columns"][number]["unit"];

const number = (value: number, digits: number) => value.toLocaleString("en-GB", { maximumFractionDigits: digits });

/** A published value as the table and the chart's labels show it; "[c]" stays "[c]", nothing is an en dash. */
export function formatCell(cell: InsightsCell, unit: InsightsUnit): string {
  if (cell === null) return "–";
  if (cell === "[c]") return "[c]";
  switch (unit) {
    case "count":
      return number(cell, 0);
    case "percent":
      return `${number(cell, 1)}%`;
    case "pounds":
      return `£${number(cell, 0)}`;
    case "days":
      return number(cell, 1);
    case "score":
    case "rate":
      return number(cell, 2);
  }
}

/** Said once on every page that shows figures, and again under a chart that leaves [c] out. */
export const SUPPRESSED_MEANING =
  "[c] means the number is 1 to 4, or could be worked out from other figures, so it is not shown to protect children’s privacy.";

export const UNIT_NAMES: Record<InsightsUnit, string> = {
  count: "numbers of placements",
  percent: "percentages",
  pounds: "weekly fees in pounds",
  days: "days",
  score: "scores",
  rate: "rates",
};
