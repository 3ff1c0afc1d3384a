import type { InsightsCell, InsightsReport } from "@shared/insights/contract";
import { toCsvCell } from "@shared/insights/disclosure";

// A spreadsheet runs a cell starting with = + - @ as a formula; a quote mark stops that. Numbers
// (a negative median included) and "[c]" are written as they are, so they read back as the JSON's.
const text = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const value = (cell: InsightsCell) => (cell === null ? "" : toCsvCell(cell));

/** Every table of the report in turn: its title on a line, the header, the rows, the totals; a blank line between tables. */
export function insightsCsv(report: InsightsReport): string {
  const lines: string[] = [];
  for (const table of report.tables) {
    if (lines.length > 0) lines.push("");
    lines.push(text(table.title));
    lines.push([table.rowHeader, ...table.columns.map((c) => c.label)].map(text).join(","));
    for (const row of table.rows) lines.push([text(row.label), ...row.cells.map(value)].join(","));
    if (table.totals) lines.push([text(table.totals.label), ...table.totals.cells.map(value)].join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
