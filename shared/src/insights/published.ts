import type { Cube } from "./cube";
import { type Cell, SUPPRESSED } from "./disclosure";
import { type GridId, gridOffset, GRIDS } from "./grids";
import type { MonthRange } from "./months";
import { type ProtectedVariants, protectGrid } from "./protect";

// Protected periods kept per facts load (some 30 grids a period): enough for a few hundred periods.
const MEMO_LIMIT = 10_000;

/** A grid as published: each count or `[c]`, read by position. */
export interface PublishedGrid {
  cell(i: number, j: number): Cell;
  /** Row total (grids with row totals). */
  rowTotal(i: number): Cell;
  /** Column total (grids with column totals). */
  columnTotal(j: number): Cell;
  total(): Cell;
}

/**
 * Protects every grid for one filter (period, lot variant, council variant) and reads them back.
 * The protection of a period covers every lot and council, so it is kept in `memo` (the data's)
 * under `key` and any filter of the same period reuses it; the cube is built only when needed.
 */
export function publishGrids(input: {
  cube: () => Cube;
  memo: Map<string, ProtectedVariants>;
  key: string;
  period: MonthRange;
  lot: number;
  council: number;
}): (id: GridId) => PublishedGrid {
  const done = new Map<GridId, PublishedGrid>();
  return (id) => {
    const known = done.get(id);
    if (known) return known;
    const { shape } = (GRIDS as Record<string, (typeof GRIDS)["riskCounts"]>)[id] as (typeof GRIDS)["riskCounts"];
    const memoKey = `${input.key}|${id}`;
    let all = input.memo.get(memoKey);
    if (!all) {
      all = protectGrid(input.cube(), gridOffset(id), shape, input.period);
      if (input.memo.size >= MEMO_LIMIT) input.memo.clear();
      input.memo.set(memoKey, all);
    }
    const v = input.lot * all.councilVariants + input.council;
    const values = all.values[v] as number[];
    const hidden = all.hidden[v] as boolean[];
    const width = shape.margins === "table" || shape.margins === "rows" ? shape.cols + 1 : shape.cols;
    const at = (p: number): Cell => (hidden[p] ? SUPPRESSED : (values[p] as number));
    const grid: PublishedGrid = {
      cell: (i, j) => at(i * width + j),
      rowTotal: (i) => at(i * width + shape.cols),
      columnTotal: (j) => at(shape.rows * width + j),
      total: () => at(shape.rows * width + shape.cols),
    };
    done.set(id, grid);
    return grid;
  };
}
