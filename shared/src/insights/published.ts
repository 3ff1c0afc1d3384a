import type { Cube } from "./cube";
import { type Cell, SUPPRESSED } from "./disclosure";
import { type GridId, gridOffset, GRIDS } from "./grids";
import type { MonthRange } from "./months";
import { protectGrid } from "./protect";

/** A grid as published: each count or `[c]`, read by position. */
export interface PublishedGrid {
  cell(i: number, j: number): Cell;
  /** Row total (grids with row totals). */
  rowTotal(i: number): Cell;
  /** Column total (grids with column totals). */
  columnTotal(j: number): Cell;
  total(): Cell;
}

/** Protects every grid for one filter (period, lot variant, council variant) and reads them back. */
export function publishGrids(cube: Cube, period: MonthRange, lot: number, council: number): (id: GridId) => PublishedGrid {
  const done = new Map<GridId, PublishedGrid>();
  return (id) => {
    const known = done.get(id);
    if (known) return known;
    const { shape } = (GRIDS as Record<string, (typeof GRIDS)["riskCounts"]>)[id] as (typeof GRIDS)["riskCounts"];
    const { values, hidden } = protectGrid(cube, gridOffset(id), shape, period, lot, council);
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
