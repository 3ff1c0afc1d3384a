/**
 * Disclosure control for the regional insights (issue 13), as the Government Statistical Service
 * practises it: a count from 1 to 4 is never published, it is shown as `[c]` ("confidential"),
 * and enough other cells are suppressed with it that nobody can work it out again from the
 * totals and the cells that are published. Pure functions; the same output feeds the JSON and
 * the CSV, so `"[c]"` stands in exactly the same places in both.
 *
 * How a table is protected. The table is published with its row totals, column totals and grand
 * total, so the suppression works on the table extended with its totals row and column, an
 * (m+1)×(n+1) grid in which every row and every column adds up (the last cell of each line is the
 * sum of the others). An attacker who knows every published cell and that counts are whole and
 * non-negative can change a suppressed cell only by changing others of its row and column with
 * it, around a cycle: +1 here, −1 in another cell of the same row, +1 in another cell of that
 * column, … back to the start (a total moves with its line instead of against it). A suppressed
 * cell is safe when such a cycle runs through it among suppressed cells only, without taking any
 * cell below 0: then at least two values fit everything published, and the attacker cannot tell
 * which is true. This is exact, not a rule of thumb: a cell can take two values if and only if
 * such a cycle exists (a difference of two tables that fit decomposes into such cycles).
 *
 * - Primary suppression: every cell of the extended grid (interior cells, row and column totals,
 *   the grand total) whose count is from 1 to SMALL_COUNT_THRESHOLD − 1.
 * - Secondary suppression: while a suppressed cell is not safe, the cheapest cycle through it is
 *   found (shortest path, a cell already suppressed costs nothing) and its cells are suppressed.
 *   Costs prefer the smallest non-zero interior cells, then interior zeros, then row and column
 *   totals, and the grand total last. Suppressing more never makes a safe cell unsafe, so the loop
 *   ends, and every tie is broken by position, so the same table always gives the same output.
 *
 * Zeros: a true zero is not disclosive and is published (GSS practice). A zero may still be
 * suppressed as a secondary cell when nothing cheaper closes a cycle; it is then protected like
 * any other suppressed cell (it can only move up, and the cycle is chosen so that it may).
 *
 * Not covered here: differencing between two requests whose filters differ by one council, lot or
 * month. That needs the service layer of issue 13 (which tables one caller can request); the
 * `alsoSuppress` option is the hook it can use to carry a pattern from one table to another.
 */

/** Counts below this, and above zero, are never published. */
export const SMALL_COUNT_THRESHOLD = 5;

/** What a suppressed value is shown as, in the JSON and in the CSV alike. */
export const SUPPRESSED = "[c]" as const;

/** A published value: the number, or `[c]`. */
export type Cell = number | typeof SUPPRESSED;

/** A two-way table of counts as published: its cells and its margins, each a number or `[c]`. */
export interface SuppressedTable {
  cells: Cell[][];
  rowTotals: Cell[];
  columnTotals: Cell[];
  total: Cell;
}

/** A one-way table (a list of counts) as published, with its total. */
export interface SuppressedList {
  cells: Cell[];
  total: Cell;
}

interface SuppressOptions {
  /** Counts from 1 to threshold − 1 are suppressed; SMALL_COUNT_THRESHOLD unless given. */
  threshold?: number;
  /**
   * Suppress these too, wherever this table (of the same shape) shows `[c]`: for instance the
   * pattern of an earlier run, or of a table linked to this one. Secondary suppression then
   * protects them as well.
   */
  alsoSuppress?: SuppressedTable;
}

// Costs of suppressing a cell that is not yet suppressed, by tier (then by its count).
const ZERO_COST = 1e6;
const MARGIN_COST = 1e9;
const GRAND_TOTAL_COST = 1e12;

function checkCounts(counts: readonly (readonly number[])[]): number {
  const n = counts[0]?.length ?? 0;
  if (counts.length === 0 || n === 0) throw new RangeError("A table needs at least one row and one column");
  for (const row of counts) {
    if (row.length !== n) throw new RangeError("Every row of a table needs the same number of cells");
    for (const v of row) if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`A count must be a whole number, 0 or more: ${v}`);
  }
  return n;
}

/** The table extended with its row totals (last column), column totals (last row) and grand total. */
function extend(counts: readonly (readonly number[])[], n: number): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totals = Array.from({ length: n + 1 }, (_, j) => rows.reduce((a, row) => a + (row[j] as number), 0));
  return [...rows, totals];
}

/**
 * The cycle search works on a graph with a node per line of the extended grid (rows 0..m, then
 * columns 0..n) and, for each cell, up to two arcs: row→column when the cell may take the cycle's
 * "+1" step, column→row when it may take the "−1" step. On the grid, a total moves with its line,
 * so on a totals row or column the step's sign is flipped (sign −1); flipped twice on the grand
 * total. A step that lowers a cell needs the cell to be at least 1.
 */
interface Grid {
  values: number[][];
  rows: number; // m + 1
  cols: number; // n + 1
}

function sign(g: Grid, i: number, j: number): number {
  return (i === g.rows - 1 ? -1 : 1) * (j === g.cols - 1 ? -1 : 1);
}

/** May the cell take the row→column step (the cycle's +1, which moves the cell by its sign)? */
function mayRise(g: Grid, i: number, j: number): boolean {
  return sign(g, i, j) === 1 || (g.values[i]?.[j] ?? 0) >= 1;
}

/** May the cell take the column→row step (the cycle's −1)? */
function mayFall(g: Grid, i: number, j: number): boolean {
  return sign(g, i, j) === -1 || (g.values[i]?.[j] ?? 0) >= 1;
}

function cost(g: Grid, i: number, j: number): number {
  const v = g.values[i]?.[j] ?? 0;
  const rowTotal = i === g.rows - 1;
  const colTotal = j === g.cols - 1;
  if (rowTotal && colTotal) return GRAND_TOTAL_COST + v;
  if (rowTotal || colTotal) return MARGIN_COST + v;
  return v === 0 ? ZERO_COST : v;
}

/**
 * The cheapest path from one node to another (rows are nodes 0..m, columns m+1..m+n+1), never
 * through the cell (skipI, skipJ); a suppressed cell costs 0, another its cost, and `onlySuppressed`
 * leaves the others out. Dijkstra on at most 18 nodes; ties go to the lower node, so it is
 * deterministic. Returns the cells of the path, or undefined when there is none.
 */
function cheapestPath(
  g: Grid,
  suppressed: boolean[][],
  from: number,
  to: number,
  skipI: number,
  skipJ: number,
  onlySuppressed: boolean,
): { cost: number; cells: [number, number][] } | undefined {
  const size = g.rows + g.cols;
  const dist = new Array<number>(size).fill(Infinity);
  const via = new Array<[number, number, number] | undefined>(size).fill(undefined); // [previous node, i, j]
  const done = new Array<boolean>(size).fill(false);
  dist[from] = 0;
  for (;;) {
    let u = -1;
    for (let k = 0; k < size; k++) if (!done[k] && (dist[k] as number) < Infinity && (u === -1 || (dist[k] as number) < (dist[u] as number))) u = k;
    if (u === -1 || u === to) break;
    done[u] = true;
    const isRow = u < g.rows;
    const count = isRow ? g.cols : g.rows;
    for (let k = 0; k < count; k++) {
      const i = isRow ? u : k;
      const j = isRow ? k : u - g.rows;
      if (i === skipI && j === skipJ) continue;
      if (!(isRow ? mayRise(g, i, j) : mayFall(g, i, j))) continue;
      const hidden = suppressed[i]?.[j] === true;
      if (onlySuppressed && !hidden) continue;
      const v = isRow ? g.rows + j : i;
      const d = (dist[u] as number) + (hidden ? 0 : cost(g, i, j));
      if (d < (dist[v] as number)) {
        dist[v] = d;
        via[v] = [u, i, j];
      }
    }
  }
  if (dist[to] === Infinity) return undefined;
  const cells: [number, number][] = [];
  for (let node = to; node !== from;) {
    const [previous, i, j] = via[node] as [number, number, number];
    cells.push([i, j]);
    node = previous;
  }
  return { cost: dist[to] as number, cells };
}

/**
 * The cheapest cycle through the cell (i, j): its "+1" step then a path back from its column to
 * its row, or its "−1" step then a path from its row to its column. With `onlySuppressed`, an
 * answer means the cell is already safe.
 */
function cheapestCycle(g: Grid, suppressed: boolean[][], i: number, j: number, onlySuppressed: boolean): [number, number][] | undefined {
  const row = i;
  const col = g.rows + j;
  const up = mayRise(g, i, j) ? cheapestPath(g, suppressed, col, row, i, j, onlySuppressed) : undefined;
  const down = mayFall(g, i, j) ? cheapestPath(g, suppressed, row, col, i, j, onlySuppressed) : undefined;
  const best = up && down ? (down.cost < up.cost ? down : up) : (up ?? down);
  return best?.cells;
}

/**
 * Suppresses a two-way table of counts published with its row totals, column totals and grand
 * total: every count from 1 to 4 (margins included) becomes `[c]`, and enough others that no
 * suppressed value can be worked out from what is published (see the top of this file).
 */
export function suppressTable(counts: readonly (readonly number[])[], options: SuppressOptions = {}): SuppressedTable {
  const threshold = options.threshold ?? SMALL_COUNT_THRESHOLD;
  const n = checkCounts(counts);
  const m = counts.length;
  const g: Grid = { values: extend(counts, n), rows: m + 1, cols: n + 1 };
  const also = options.alsoSuppress;
  const alsoAt = (i: number, j: number): boolean => {
    if (!also) return false;
    if (i < m && j < n) return also.cells[i]?.[j] === SUPPRESSED;
    if (i < m) return also.rowTotals[i] === SUPPRESSED;
    if (j < n) return also.columnTotals[j] === SUPPRESSED;
    return also.total === SUPPRESSED;
  };
  const suppressed = g.values.map((row, i) => row.map((v, j) => (v >= 1 && v < threshold) || alsoAt(i, j)));

  // Secondary suppression: in reading order, close a cycle through each cell that has none.
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      if (!suppressed[i]?.[j] || cheapestCycle(g, suppressed, i, j, true)) continue;
      // Always found: +1 on the cell, its row total, its column total and the grand total fits.
      const cycle = cheapestCycle(g, suppressed, i, j, false) ?? [];
      for (const [a, b] of cycle) (suppressed[a] as boolean[])[b] = true;
    }
  }

  const show = (i: number, j: number): Cell => (suppressed[i]?.[j] ? SUPPRESSED : (g.values[i]?.[j] as number));
  return {
    cells: counts.map((row, i) => row.map((_, j) => show(i, j))),
    rowTotals: counts.map((_, i) => show(i, n)),
    columnTotals: Array.from({ length: n }, (_, j) => show(m, j)),
    total: show(m, n),
  };
}

/** A list of counts published with its total, suppressed as a table of one row. */
export function suppressList(counts: readonly number[], options: { threshold?: number } = {}): SuppressedList {
  const table = suppressTable([counts], options);
  return { cells: table.cells[0] as Cell[], total: table.total };
}

/**
 * A percentage, mean or median of a group: `[c]` when the group has fewer than
 * SMALL_COUNT_THRESHOLD members (an empty group included), the value otherwise.
 */
export function suppressSummary(n: number, value: number): Cell {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`A group's size must be a whole number, 0 or more: ${n}`);
  if (n < SMALL_COUNT_THRESHOLD) return SUPPRESSED;
  if (!Number.isFinite(value)) throw new RangeError(`A summary of a group must be a finite number: ${value}`);
  return value;
}

/** A published value as a CSV field: the number as written in the JSON, or `[c]`. */
export function toCsvCell(cell: Cell): string {
  return cell === SUPPRESSED ? SUPPRESSED : String(cell);
}
