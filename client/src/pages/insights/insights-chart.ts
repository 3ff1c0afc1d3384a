import * as Plot from "@observablehq/plot";
import type { InsightsTable } from "@shared/insights/contract";
import { formatCell, type InsightsUnit, UNIT_NAMES } from "./insights-format";

/** One drawn value: its row and column as the table labels them, and its text as the table shows it. */
interface Point {
  row: string;
  column: string;
  value: number;
  text: string;
}

interface Box {
  row: string;
  q1: number;
  median: number;
  q3: number;
  text: string;
}

export interface InsightsChart {
  plot: Plot.PlotOptions;
  /** What the chart draws, for the description a screen reader hears. */
  description: string;
  /** Values of the drawn columns left out because they are [c]. */
  leftOut: number;
}

type Column = InsightsTable["columns"][number];

// Plot draws legends as HTML with inline styles, which the service's CSP refuses: charts name their series in words instead.
// A chart draws one unit: rates before counts, since a count beside its rate would dwarf it.
const UNIT_ORDER: InsightsUnit[] = ["percent", "score", "rate", "pounds", "days", "count"];
// GOV.UK colours, in an order where neighbours differ in lightness as well as hue.
const COLOURS = ["#1d70b8", "#f47738", "#00703c", "#4c2c92", "#d4351c", "#28a197", "#912b88", "#85994b"];
const BLUE = COLOURS[0];
// The zero line is decoration: hidden, or Plot labels its <g> "rule", an aria-label axe refuses there.
const zeroLine = () => Plot.ruleX([0], { ariaHidden: "true" });

// The whole group beside its parts ("All placements") would only repeat them in a chart; the table keeps it.
const isTotal = (column: Column) => /^(total|all)\b/i.test(column.key) || /^total\b/i.test(column.label);

/** A long label on two or more lines (Plot breaks a tick's text at "\n"), so that it is never cut off at the chart's edge. */
function wrap(label: string, width = 26): string {
  const lines: string[] = [];
  for (const word of label.split(" ")) {
    const last = lines.length - 1;
    if (last >= 0 && `${lines[last]} ${word}`.length <= width) lines[last] = `${lines[last]} ${word}`;
    else lines.push(word);
  }
  return lines.join("\n");
}
const linesOf = (labels: string[]) => Math.max(1, ...labels.map((l) => wrap(l).split("\n").length));
const marginFor = (labels: string[]) =>
  Math.min(
    240,
    Math.max(
      80,
      Math.max(
        0,
        ...labels.flatMap((l) =>
          wrap(l)
            .split("\n")
            .map((x) => x.length),
        ),
      ) *
        8 +
        16,
    ),
  );
const rowAxis = (rows: string[]) => ({ label: null, domain: rows, tickFormat: (label: string) => wrap(label) });
/** Facets would otherwise repeat the x axis under every facet above an empty one. */
const facetAxis = (unit: InsightsUnit) => [Plot.gridX({ ariaHidden: "true" }), Plot.axisX({ facetAnchor: "bottom", label: UNIT_NAMES[unit] })];

/** The number after each bar: at its end when positive, after the zero line when negative (so it never covers the row's label). */
const valueLabels = (points: Point[], channels: Plot.TextOptions, text: (d: Point) => string) =>
  Plot.text(points, { ...channels, x: (d: Point) => Math.max(0, d.value), text, dx: 4, textAnchor: "start" });

/** The columns a bar, grouped-bar, heat map or dot chart draws: those of the first unit in UNIT_ORDER (days first for a bar chart of times), without totals. */
function drawnColumns(table: InsightsTable): { unit: InsightsUnit; indexes: number[] } {
  const all = table.columns.map((column, index) => ({ column, index }));
  const parts = all.filter(({ column }) => !isTotal(column));
  const candidates = parts.length > 0 ? parts : all;
  const order: InsightsUnit[] = table.chart === "bar" ? ["days", ...UNIT_ORDER.filter((u) => u !== "days")] : UNIT_ORDER;
  const unit = order.find((u) => candidates.some(({ column }) => column.unit === u)) ?? "count";
  return { unit, indexes: candidates.filter(({ column }) => column.unit === unit).map(({ index }) => index) };
}

function pointsOf(table: InsightsTable, indexes: number[]): { points: Point[]; leftOut: number } {
  const points: Point[] = [];
  let leftOut = 0;
  for (const row of table.rows) {
    for (const index of indexes) {
      const cell = row.cells[index] ?? null;
      const column = table.columns[index] as Column;
      if (cell === "[c]") leftOut++;
      if (typeof cell === "number") points.push({ row: row.label, column: column.label, value: cell, text: formatCell(cell, column.unit) });
    }
  }
  return { points, leftOut };
}

const columnIndex = (table: InsightsTable, pattern: RegExp) => table.columns.findIndex((c) => pattern.test(c.key) || pattern.test(c.label));

/** Quartiles and median for each row, found by the columns' keys or labels; a row with any of them [c] is left out. */
function boxesOf(table: InsightsTable): { boxes: Box[]; leftOut: number; unit: InsightsUnit } | null {
  const q1 = columnIndex(table, /lower.?quartile|\bq1\b|25th|p25/i);
  const median = columnIndex(table, /median/i);
  const q3 = columnIndex(table, /upper.?quartile|\bq3\b|75th|p75/i);
  if (q1 < 0 || median < 0 || q3 < 0) return null;
  const unit = (table.columns[median] as Column).unit;
  const boxes: Box[] = [];
  let leftOut = 0;
  for (const row of table.rows) {
    const [a, m, b] = [row.cells[q1], row.cells[median], row.cells[q3]];
    if (typeof a === "number" && typeof m === "number" && typeof b === "number") {
      boxes.push({
        row: row.label,
        q1: a,
        median: m,
        q3: b,
        text: `median ${formatCell(m, unit)}, quartiles ${formatCell(a, unit)} to ${formatCell(b, unit)}`,
      });
    } else if ([a, m, b].includes("[c]")) leftOut++;
  }
  return { boxes, leftOut, unit };
}

const rowLabels = (table: InsightsTable) => table.rows.map((row) => row.label);

/**
 * The table's chart, drawn by Observable Plot from the same cells the table shows ([c] and empty
 * cells are left out, never drawn as 0). Every mark carries the value's text as its title, and
 * bars and dots are labelled in words too, so colour is never the only way to tell them apart.
 */
export function chartOf(table: InsightsTable): InsightsChart | null {
  const marginLeft = marginFor(rowLabels(table));
  const by = table.rowHeader.toLowerCase();

  if (table.chart === "box") {
    const found = boxesOf(table);
    if (!found || found.boxes.length === 0) return null;
    const { boxes, leftOut, unit } = found;
    const rows = rowLabels(table);
    return {
      leftOut,
      description: `For each ${by}, a box from the lower to the upper quartile of the ${UNIT_NAMES[unit]}, with a thick line at the median.`,
      plot: {
        marginLeft,
        marginRight: 200,
        height: rows.length * (16 * linesOf(rows) + 16) + 50,
        x: { label: UNIT_NAMES[unit], grid: true },
        y: rowAxis(rows),
        marks: [
          Plot.barX(boxes, { y: "row", x1: "q1", x2: "q3", fill: "#d2e2f1", stroke: BLUE, title: (d: Box) => `${d.row}: ${d.text}` }),
          Plot.tickX(boxes, { y: "row", x: "median", strokeWidth: 3, stroke: "#0b0c0c", title: (d: Box) => `${d.row}: ${d.text}` }),
          Plot.text(boxes, { y: "row", x: "q3", text: (d: Box) => `median ${formatCell(d.median, unit)}`, dx: 6, textAnchor: "start" }),
        ],
      },
    };
  }

  const { unit, indexes } = drawnColumns(table);
  const { points, leftOut } = pointsOf(table, indexes);
  if (points.length === 0) return null;
  // A row where nothing applies (every drawn cell empty) has no place in the chart; a row of [c] keeps its place.
  const rows = table.rows.filter((row) => indexes.some((i) => row.cells[i] !== null)).map((row) => row.label);
  const columns = indexes.map((i) => (table.columns[i] as Column).label);
  const title = (d: Point) => `${d.row}, ${d.column}: ${d.text}`;
  const what = `${UNIT_NAMES[unit]}${columns.length > 1 ? ` (${columns.join(", ")})` : ""}`;

  if (table.chart === "heatmap") {
    const max = Math.max(...points.map((p) => p.value));
    return {
      leftOut,
      description: `A grid of ${what}: one square for each pair, darker for more, with the number written in it.`,
      plot: {
        marginLeft,
        marginBottom: marginFor(columns),
        width: marginLeft + columns.length * 44 + 20,
        height: rows.length * 32 + marginFor(columns) + 20,
        x: { label: null, domain: columns, tickRotate: -45 },
        y: rowAxis(rows),
        color: { scheme: "blues" },
        marks: [
          Plot.cell(points, { x: "column", y: "row", fill: "value", title, inset: 1 }),
          // Two marks with constant colours: a colour channel would share the cells' colour scale.
          Plot.text(
            points.filter((d) => d.value > max * 0.55),
            { x: "column", y: "row", text: "text", fill: "white" },
          ),
          Plot.text(
            points.filter((d) => d.value <= max * 0.55),
            { x: "column", y: "row", text: "text", fill: "#0b0c0c" },
          ),
        ],
      },
    };
  }

  if (table.chart === "dot") {
    // Several columns: one line of dots for each, named on the right, so no legend (or colour) is needed to tell them apart.
    const several = columns.length > 1;
    return {
      leftOut,
      description: `For each ${by}, a dot at its ${what}.`,
      plot: {
        marginLeft,
        marginRight: several ? marginFor(columns) : 40,
        height: rows.length * (several ? Math.max(columns.length * 18, 16 * linesOf(rows)) + 12 : 16 * linesOf(rows) + 16) + 60,
        x: several ? { axis: null } : { label: UNIT_NAMES[unit], grid: true },
        y: several ? { label: null, domain: columns, axis: "right" } : rowAxis(rows),
        ...(several ? { fy: { ...rowAxis(rows), axis: "left" as const } } : {}),
        marks: [
          ...(several ? facetAxis(unit) : []),
          zeroLine(),
          Plot.dot(points, { x: "value", y: several ? "column" : "row", ...(several ? { fy: "row" } : {}), stroke: BLUE, fill: BLUE, r: 4, title }),
        ],
      },
    };
  }

  if (columns.length === 1) {
    return {
      leftOut,
      description: `One bar for each ${by}, as long as its ${what}, with the number at its end.`,
      plot: {
        marginLeft,
        marginRight: 60,
        height: rows.length * (16 * linesOf(rows) + 16) + 50,
        x: { label: UNIT_NAMES[unit], grid: true },
        y: rowAxis(rows),
        marks: [Plot.barX(points, { x: "value", y: "row", fill: BLUE, title }), valueLabels(points, { x: "value", y: "row" }, (d) => d.text), zeroLine()],
      },
    };
  }

  return {
    leftOut,
    description: `For each ${by}, one bar for each of ${columns.join(", ")}, labelled with its name and number.`,
    plot: {
      marginLeft,
      marginRight: marginFor(columns) + 60,
      height: rows.length * (Math.max(columns.length * 18, 16 * linesOf(rows)) + 12) + 60,
      x: { axis: null },
      y: { axis: null, domain: columns },
      fy: { ...rowAxis(rows), axis: "left" },
      color: { domain: columns, range: COLOURS },
      marks: [
        ...facetAxis(unit),
        Plot.barX(points, { x: "value", y: "column", fy: "row", fill: "column", title }),
        valueLabels(points, { x: "value", y: "column", fy: "row" }, (d) => `${d.column}: ${d.text}`),
        zeroLine(),
      ],
    },
  };
}
