import { type Cube, LOT_VARIANTS, periodClasses } from "./cube";
import { SMALL_COUNT_THRESHOLD, SUPPRESSED, type SuppressedTable, suppressTable } from "./disclosure";

/**
 * Differencing protection (issue 13): a grid of counts is suppressed so that no `[c]` can be
 * worked out from this table, from its totals, or from the same table of a filter one council,
 * one lot or one month away. See docs/domain/insights.md ("Differencing") for the argument and its
 * limits; test/insights/differencing.test.ts attacks it.
 *
 * 1. Primary: a count from 1 to 4, and a count whose difference from the same count of a month
 *    neighbour ([a−1, b], [a+1, b], [a, b−1], [a, b+1]) is from 1 to 4 (symmetric: both tables
 *    withhold it).
 * 2. Every lot × council variant of the same period is computed together, and repeated until
 *    nothing changes: each table's own secondary suppression (suppressTable), then, for every
 *    cell, the list of its values over the seven lots with the all-lots value as total, and over
 *    the region's councils with the all-councils value as total, is protected like a table
 *    (suppressTable on one row, with what is already withheld forced). So a `[c]` in lot 3's
 *    table is never the all-lots value minus six published values, and likewise for councils.
 *
 * The answer depends on the filter and the facts only, never on who asks.
 */

/**
 * How a grid is published: with row, column and grand totals ("table"); with row totals only
 * ("rows": the column totals are laid out but never shown); each column with its total
 * ("columns"); or cells alone ("none").
 */
export type Margins = "table" | "rows" | "columns" | "none";

export interface GridShape {
  rows: number;
  cols: number;
  margins: Margins;
  /** Row l − 1 is lot l (a table "by lot"): the all-lots table's row l is then lot l's own total. */
  lotRows?: boolean;
}

/**
 * A protected grid for every lot × council variant of a period (variant lot × councilVariants +
 * council): its counts in published order (interior row by row, then the margins) and which are
 * withheld.
 */
export interface ProtectedVariants {
  values: number[][];
  hidden: boolean[][];
  councilVariants: number;
}

const small = (v: number) => v >= 1 && v < SMALL_COUNT_THRESHOLD;

/** The interior extended with its published margins: (rows+1)×(cols+1), (rows+1)×cols, or rows×cols. */
export function extendGrid(interior: readonly number[], shape: GridShape): number[] {
  const { rows, cols, margins } = shape;
  if (margins === "none") return [...interior];
  const both = margins === "table" || margins === "rows";
  const width = both ? cols + 1 : cols;
  const out = new Array<number>((rows + 1) * width).fill(0);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const v = interior[i * cols + j] as number;
      out[i * width + j] = v;
      out[rows * width + j] = (out[rows * width + j] as number) + v;
      if (both) {
        out[i * width + cols] = (out[i * width + cols] as number) + v;
        out[rows * width + cols] = (out[rows * width + cols] as number) + v;
      }
    }
  }
  return out;
}

const hiddenTable = (rows: boolean[][]): SuppressedTable => {
  const show = (h: boolean) => (h ? SUPPRESSED : 0);
  const m = rows.length - 1;
  const n = (rows[0] as boolean[]).length - 1;
  return {
    cells: rows.slice(0, m).map((r) => r.slice(0, n).map(show)),
    rowTotals: rows.slice(0, m).map((r) => show(r[n] as boolean)),
    columnTotals: (rows[m] as boolean[]).slice(0, n).map(show),
    total: show((rows[m] as boolean[])[n] as boolean),
  };
};

/** suppressTable over a (rows+1)×(cols+1) extended grid given flat, with `hidden` forced; returns the new pattern. */
function secondary(values: readonly number[], hidden: readonly boolean[], rows: number, cols: number): boolean[] {
  const w = cols + 1;
  const interior = Array.from({ length: rows }, (_, i) => values.slice(i * w, i * w + cols));
  const forced = Array.from({ length: rows + 1 }, (_, i) => hidden.slice(i * w, i * w + w));
  const t = suppressTable(interior, { alsoSuppress: hiddenTable(forced) });
  const out: boolean[] = [];
  t.cells.forEach((row, i) => out.push(...row.map((c) => c === SUPPRESSED), t.rowTotals[i] === SUPPRESSED));
  out.push(...t.columnTotals.map((c) => c === SUPPRESSED), t.total === SUPPRESSED);
  return out;
}

/**
 * A list with its total (the last value), protected with what is already withheld forced; the new
 * pattern. The same rule as suppressTable on one row, written out because it runs for every cell of
 * every lot and council: a withheld value can move only against another withheld value of the list
 * (one up, the other down, which needs the one going down to be 1 or more), or with a withheld
 * total. While a withheld value has no such partner, the cheapest is withheld with it: the
 * smallest non-zero value, else the total.
 */
function protectList(values: readonly number[], hidden: readonly boolean[]): boolean[] {
  const n = values.length - 1;
  const out = [...hidden];
  // A partner must be 1 or more: a withheld zero can only rise, and another period's or another
  // filter's table may show it is 0 (the differencing property found such a case), so it would
  // protect nothing. Without a partner of 1 or more, the total is withheld instead.
  const partnered = (i: number) => out[n] || out.some((h, j) => h && j !== i && j < n && (values[j] as number) >= 1);
  for (;;) {
    const lonely = out.findIndex((h, i) => h && (i === n ? !out.slice(0, n).some(Boolean) : !partnered(i)));
    if (lonely < 0) return out;
    let best = -1;
    for (let j = 0; j < n; j++) {
      if (out[j] || j === lonely) continue;
      const v = values[j] as number;
      const usable = lonely === n || v >= 1;
      if (!usable) continue;
      const cost = v === 0 ? Infinity : v;
      if (best < 0 || cost < (values[best] === 0 ? Infinity : (values[best] as number))) best = j;
    }
    out[best < 0 ? n : best] = true;
  }
}

/** The positions of each published line of the grid that is a list with its total (its last position). */
function listsOf(shape: GridShape): number[][] {
  const { rows, cols } = shape;
  if (shape.margins === "columns") return Array.from({ length: cols }, (_, j) => Array.from({ length: rows + 1 }, (_, i) => i * cols + j));
  // Only the row totals are published: each row is a list, and nothing links one row to another.
  if (shape.margins === "rows") return Array.from({ length: rows }, (_, i) => Array.from({ length: cols + 1 }, (_, j) => i * (cols + 1) + j));
  return [];
}

function tableSecondary(values: readonly number[], hidden: boolean[], shape: GridShape): boolean[] {
  if (!hidden.some(Boolean) || shape.margins === "none") return hidden;
  if (shape.margins === "table") return secondary(values, hidden, shape.rows, shape.cols);
  const out = [...hidden];
  for (const at of listsOf(shape)) {
    if (!at.some((p) => hidden[p])) continue;
    const list = protectList(
      at.map((p) => values[p] as number),
      at.map((p) => hidden[p] as boolean),
    );
    at.forEach((p, i) => (out[p] = list[i] as boolean));
  }
  return out;
}

/** Protects, in place, the cell `p` of every list of variants (`members` then the total's variant). */
function protectPartition(values: number[][], hidden: boolean[][], members: number[], total: number, size: number): boolean {
  let changed = false;
  const variants = [...members, total];
  for (let p = 0; p < size; p++) {
    const vals = variants.map((v) => values[v]?.[p] as number);
    const hid = variants.map((v) => hidden[v]?.[p] as boolean);
    if (!hid.some(Boolean) || hid.every(Boolean)) continue;
    const out = protectList(vals, hid);
    out.forEach((h, k) => {
      const v = variants[k] as number;
      if (h && !(hidden[v] as boolean[])[p]) {
        (hidden[v] as boolean[])[p] = true;
        changed = true;
      }
    });
  }
  return changed;
}

/**
 * In a table by lot, lot l's row of the all-lots table, lot l's row of lot l's own table and lot
 * l's totals are the same counts (the other rows of lot l's table are 0 by definition): withheld
 * in one, withheld in all three.
 */
function syncLotRows(hidden: boolean[][], shape: GridShape, k: number): boolean {
  let changed = false;
  const width = shape.margins === "columns" ? shape.cols : shape.cols + 1;
  for (let c = 0; c < k; c++) {
    for (let l = 1; l < LOT_VARIANTS; l++) {
      for (let j = 0; j < shape.cols; j++) {
        const at: [number, number][] = [
          [c, (l - 1) * width + j],
          [l * k + c, (l - 1) * width + j],
          [l * k + c, shape.rows * width + j],
        ];
        if (!at.some(([v, p]) => hidden[v]?.[p]) || at.every(([v, p]) => hidden[v]?.[p])) continue;
        for (const [v, p] of at) (hidden[v] as boolean[])[p] = true;
        changed = true;
      }
    }
  }
  return changed;
}

/**
 * The protected grid at `offset` of the cube for the period [from, to] (month indices, already
 * clamped), for every lot variant (0: all) and council variant (0: all) at once: they are
 * protected together, and any filter of the same period reads its own.
 */
export function protectGrid(cube: Cube, offset: number, shape: GridShape, period: { from: number; to: number }): ProtectedVariants {
  const { period: classes, neighbours } = periodClasses(period.from, period.to);
  const k = cube.councilVariants;
  const length = shape.rows * shape.cols;
  const values: number[][] = [];
  const hidden: boolean[][] = [];
  for (let l = 0; l < LOT_VARIANTS; l++) {
    for (let c = 0; c < k; c++) {
      const mine = extendGrid(cube.counts(classes, l, c, offset, length), shape);
      const around = neighbours.map((nb) => extendGrid(cube.counts(nb, l, c, offset, length), shape));
      values.push(mine);
      hidden.push(mine.map((v, p) => small(v) || around.some((other) => small(Math.abs(v - (other[p] as number))))));
    }
  }
  const size = (values[0] as number[]).length;
  const lots = Array.from({ length: LOT_VARIANTS - 1 }, (_, l) => l + 1);
  const councils = Array.from({ length: k - 1 }, (_, c) => c + 1);
  // The pattern each variant had when its own secondary suppression last ran: unchanged since, it is still protected.
  const settled: (boolean[] | undefined)[] = [];
  const same = (a: boolean[] | undefined, b: boolean[]) => a !== undefined && a.every((h, p) => h === b[p]);
  for (let changed = true; changed;) {
    changed = false;
    for (let v = 0; v < values.length; v++) {
      if (same(settled[v], hidden[v] as boolean[])) continue;
      const next = tableSecondary(values[v] as number[], hidden[v] as boolean[], shape);
      // A copy: the partitions below mark hidden[v] in place.
      settled[v] = [...next];
      if (next.some((h, p) => h !== (hidden[v] as boolean[])[p])) {
        hidden[v] = next;
        changed = true;
      }
    }
    for (let c = 0; c < k; c++) {
      if (
        protectPartition(
          values,
          hidden,
          lots.map((l) => l * k + c),
          c,
          size,
        )
      )
        changed = true;
    }
    if (k > 1) {
      for (let l = 0; l < LOT_VARIANTS; l++) {
        if (
          protectPartition(
            values,
            hidden,
            councils.map((c) => l * k + c),
            l * k,
            size,
          )
        )
          changed = true;
      }
    }
    if (shape.lotRows && syncLotRows(hidden, shape, k)) changed = true;
  }
  return { values, hidden, councilVariants: k };
}
