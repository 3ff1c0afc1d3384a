import fc from "fast-check";
import {
  type Cell,
  SMALL_COUNT_THRESHOLD,
  SUPPRESSED,
  type SuppressedTable,
  suppressList,
  suppressSummary,
  suppressTable,
  toCsvCell,
} from "@shared/insights/disclosure";

const C = SUPPRESSED;

/** The published table as one (m+1)×(n+1) grid: cells, row totals in the last column, column totals in the last row. */
function grid(t: SuppressedTable): Cell[][] {
  return [...t.cells.map((row, i) => [...row, t.rowTotals[i] as Cell]), [...t.columnTotals, t.total]];
}

/** The counts extended with their totals, the same shape. */
function extended(counts: number[][]): number[][] {
  const rows = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  return [...rows, (rows[0] ?? []).map((_, j) => rows.reduce((a, row) => a + (row[j] as number), 0))];
}

const at = <T>(rows: T[][], i: number, j: number): T => (rows[i] as T[])[j] as T;

/**
 * Attacker 1, as a person with a spreadsheet would go about it: the published cells and totals,
 * the additivity of every row and column, and counts being 0 or more, give each suppressed cell
 * an interval, narrowed line by line until nothing changes. Sound: the true value always stays
 * inside. Returns the cells it pins to one value.
 */
function pinnedByIntervals(published: Cell[][]): [number, number][] {
  const rows = published.length;
  const cols = (published[0] as Cell[]).length;
  const lo = published.map((row) => row.map((v) => (v === C ? 0 : v)));
  const hi = published.map((row) => row.map((v) => (v === C ? Infinity : v)));
  const lines: [number, number][][] = [];
  for (let i = 0; i < rows; i++) lines.push(Array.from({ length: cols }, (_, j) => [i, j]));
  for (let j = 0; j < cols; j++) lines.push(Array.from({ length: rows }, (_, i) => [i, j]));
  for (let changed = true, rounds = 0; changed && rounds < 200; rounds++) {
    changed = false;
    for (const line of lines) {
      const parts = line.slice(0, -1);
      const [ti, tj] = line[line.length - 1] as [number, number];
      const sum = (bound: number[][], cells: [number, number][]) => cells.reduce((a, [i, j]) => a + at(bound, i, j), 0);
      const tighten = (i: number, j: number, l: number, h: number) => {
        if (l > at(lo, i, j)) {
          (lo[i] as number[])[j] = l;
          changed = true;
        }
        if (h < at(hi, i, j)) {
          (hi[i] as number[])[j] = h;
          changed = true;
        }
      };
      tighten(ti, tj, sum(lo, parts), sum(hi, parts));
      for (const [i, j] of parts) {
        const others = parts.filter(([a, b]) => a !== i || b !== j);
        tighten(i, j, at(lo, ti, tj) - sum(hi, others), at(hi, ti, tj) - sum(lo, others));
      }
    }
  }
  const pinned: [number, number][] = [];
  published.forEach((row, i) => row.forEach((v, j) => v === C && at(lo, i, j) === at(hi, i, j) && pinned.push([i, j])));
  return pinned;
}

/**
 * Attacker 2's other side: for a suppressed cell, another table of counts that fits everything
 * published but differs there, or undefined. Found by a breadth-first walk that changes cells by
 * ±1 along rows and columns of suppressed cells (in a line, two ordinary cells move opposite
 * ways, an ordinary cell and the line's total the same way), then checked from scratch: whatever
 * the search does, only a table that really fits counts.
 */
function alternativeTable(counts: number[][], published: Cell[][], ti: number, tj: number): number[][] | undefined {
  const full = extended(counts);
  const rows = full.length;
  const cols = (full[0] as number[]).length;
  const hidden = (i: number, j: number) => at(published, i, j) === C;
  type State = { i: number; j: number; delta: number; along: "row" | "col"; back?: State };
  for (const delta0 of [1, -1]) {
    if (at(full, ti, tj) + delta0 < 0) continue;
    const seen = new Set<string>();
    const queue: State[] = [{ i: ti, j: tj, delta: delta0, along: "col" }];
    let closing: State | undefined;
    while (queue.length > 0 && !closing) {
      const s = queue.shift() as State;
      const length = s.along === "row" ? cols : rows;
      for (let k = 0; k < length && !closing; k++) {
        const [i, j] = s.along === "row" ? [s.i, k] : [k, s.j];
        if ((i === s.i && j === s.j) || !hidden(i, j)) continue;
        const last = s.along === "row" ? cols - 1 : rows - 1;
        const oneIsTotal = s.along === "row" ? (s.j === last) !== (j === last) : (s.i === last) !== (i === last);
        const delta = oneIsTotal ? s.delta : -s.delta;
        if (i === ti && j === tj) {
          if (delta === delta0 && s.along === "row") closing = s;
          continue;
        }
        if (at(full, i, j) + delta < 0) continue;
        const next: State = { i, j, delta, along: s.along === "row" ? "col" : "row", back: s };
        const key = `${i},${j},${delta},${next.along}`;
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(next);
      }
    }
    if (!closing) continue;
    const changed = counts.map((row) => [...row]);
    for (let s: State | undefined = closing; s; s = s.back) {
      const row = changed[s.i];
      if (row && s.j < cols - 1) row[s.j] = (row[s.j] as number) + s.delta;
    }
    if (fits(changed, published) && at(extended(changed), ti, tj) !== at(full, ti, tj)) return changed;
  }
  return undefined;
}

/** Does this table of counts agree with everything published? */
function fits(counts: number[][], published: Cell[][]): boolean {
  if (counts.some((row) => row.some((v) => !Number.isInteger(v) || v < 0))) return false;
  const full = extended(counts);
  return published.every((row, i) => row.every((v, j) => v === C || v === at(full, i, j)));
}

/** Property (b) as a predicate: every suppressed cell has a table that fits and differs there, and attacker 1 pins none. */
function unrecoverable(counts: number[][], published: Cell[][]): boolean {
  if (pinnedByIntervals(published).length > 0) return false;
  return published.every((row, i) => row.every((v, j) => v !== C || alternativeTable(counts, published, i, j) !== undefined));
}

const count = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 60 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
  .chain(([m, n]) => fc.array(fc.array(count, { minLength: n, maxLength: n }), { minLength: m, maxLength: m }));

/** Primary suppression only, the naive version the properties must catch. */
function primaryOnly(counts: number[][]): SuppressedTable {
  const show = (v: number): Cell => (v >= 1 && v < SMALL_COUNT_THRESHOLD ? C : v);
  const full = extended(counts);
  const last = full[full.length - 1] as number[];
  return {
    cells: counts.map((row) => row.map(show)),
    rowTotals: full.slice(0, -1).map((row) => show(row[row.length - 1] as number)),
    columnTotals: last.slice(0, -1).map(show),
    total: show(last[last.length - 1] as number),
  };
}

describe("suppressTable (examples)", () => {
  it("should publish a table with no count from 1 to 4 as it is", () => {
    expect(
      suppressTable([
        [10, 0],
        [7, 25],
      ]),
    ).toEqual({
      cells: [
        [10, 0],
        [7, 25],
      ],
      rowTotals: [10, 32],
      columnTotals: [17, 25],
      total: 42,
    });
  });

  it("should suppress a 2 in a 3×3 table with the cheapest rectangle of cells that hides it: one more in its row, one in its column, and their corner", () => {
    const result = suppressTable([
      [10, 2, 12],
      [8, 15, 9],
      [20, 11, 14],
    ]);
    expect(result).toEqual({
      cells: [
        [C, C, 12],
        [C, C, 9],
        [20, 11, 14],
      ],
      rowTotals: [24, 32, 45],
      columnTotals: [38, 28, 35],
      total: 101,
    });
  });

  it("should hide two small counts of one row with a single pair of cells in another row", () => {
    const result = suppressTable([
      [3, 4, 30],
      [20, 25, 40],
    ]);
    expect(result.cells).toEqual([
      [C, C, 30],
      [C, C, 40],
    ]);
    expect(result.rowTotals).toEqual([37, 85]);
  });

  it("should suppress a row total from 1 to 4 and enough with it that it cannot be recovered from the column totals", () => {
    const counts = [
      [1, 2, 0],
      [20, 30, 40],
      [25, 35, 45],
    ];
    const result = suppressTable(counts);
    expect(result.rowTotals[0]).toBe(C);
    expect(unrecoverable(counts, grid(result))).toBe(true);
  });

  it("should use zeros as secondary cells when nothing cheaper hides a small count, and hide a second total beside a small one (else grand total minus the others)", () => {
    expect(
      suppressTable([
        [3, 0],
        [0, 10],
      ]),
    ).toEqual({
      cells: [
        [C, C],
        [C, C],
      ],
      rowTotals: [C, C],
      columnTotals: [C, C],
      total: 13,
    });
  });

  it("should suppress everything in a one-cell table of 3, which then cannot be told from 4 or 2", () => {
    expect(suppressTable([[3]])).toEqual({ cells: [[C]], rowTotals: [C], columnTotals: [C], total: C });
  });

  it("should refuse a negative, fractional or ragged table", () => {
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([])).toThrow(RangeError);
  });
});

describe("suppressList", () => {
  it("should suppress a small count and the next smallest count with it, and publish the total", () => {
    expect(suppressList([12, 3, 40, 9, 0])).toEqual({ cells: [12, C, 40, C, 0], total: 64 });
  });

  it("should publish a zero beside a small count when the total hides it already", () => {
    expect(suppressList([0, 3])).toEqual({ cells: [0, C], total: C });
  });
});

describe("suppressSummary and toCsvCell", () => {
  it("should show a percentage, mean or median of a group under 5 as [c], and of 5 or more as it is", () => {
    expect(suppressSummary(0, 0)).toBe(C);
    expect(suppressSummary(4, 25)).toBe(C);
    expect(suppressSummary(5, 40)).toBe(40);
    expect(() => suppressSummary(5, Number.NaN)).toThrow(RangeError);
  });

  it("should write the same value in the CSV as in the JSON", () => {
    const published = suppressTable([
      [10, 2],
      [8, 15],
    ]);
    const json = JSON.parse(JSON.stringify(published)) as SuppressedTable;
    expect(grid(json).map((row) => row.map(toCsvCell))).toEqual(grid(published).map((row) => row.map((v) => (v === C ? "[c]" : String(v)))));
    expect(grid(json).flat().includes("[c]")).toBe(true);
  });
});

describe("suppressTable (properties)", () => {
  it("should never publish a count from 1 to 4, cell or total", () => {
    fc.assert(
      fc.property(table, (counts) => {
        const published = grid(suppressTable(counts));
        const full = extended(counts);
        const wrong = published.flatMap((row, i) => row.filter((v, j) => v !== C && (v !== at(full, i, j) || (v >= 1 && v < SMALL_COUNT_THRESHOLD))));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("should leave every suppressed cell with at least two values that fit everything published", () => {
    fc.assert(
      fc.property(table, (counts) => {
        expect(unrecoverable(counts, grid(suppressTable(counts)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("should give the same output for the same input, and leave the input as it was", () => {
    fc.assert(
      fc.property(table, (counts) => {
        const copy = counts.map((row) => [...row]);
        expect(suppressTable(counts)).toEqual(suppressTable(copy));
        expect(counts).toEqual(copy);
      }),
      { numRuns: 100 },
    );
  });

  it("should add nothing when given its own pattern again, and suppress nothing in a table with no small counts", () => {
    fc.assert(
      fc.property(table, (counts) => {
        const once = suppressTable(counts);
        expect(suppressTable(counts, { alsoSuppress: once })).toEqual(once);
        const big = counts.map((row) => row.map((v) => (v >= 1 && v < SMALL_COUNT_THRESHOLD ? v + SMALL_COUNT_THRESHOLD : v)));
        const noSmallTotal = extended(big).every((row) => row.every((v) => v === 0 || v >= SMALL_COUNT_THRESHOLD));
        if (noSmallTotal) expect(grid(suppressTable(big)).flat()).not.toContain(C);
      }),
      { numRuns: 100 },
    );
  });

  it("should protect a list the same way", () => {
    fc.assert(
      fc.property(fc.array(count, { minLength: 1, maxLength: 12 }), (counts) => {
        const list = suppressList(counts);
        const published = [
          [...list.cells, list.total],
          [...list.cells, list.total],
        ];
        expect(published.flat().every((v) => v === C || v === 0 || v >= SMALL_COUNT_THRESHOLD)).toBe(true);
        expect(unrecoverable([counts], published)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("should catch primary suppression alone: the attackers recover a suppressed cell", () => {
    const run = fc.check(
      fc.property(table, (counts) => unrecoverable(counts, grid(primaryOnly(counts)))),
      { numRuns: 300 },
    );
    expect(run.failed).toBe(true);
    // The simplest case: one small count in a row, read back from the row total (and its copy in the column totals).
    expect(pinnedByIntervals(grid(primaryOnly([[10, 2, 12]])))).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });
});
