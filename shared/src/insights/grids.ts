import { PDS_RISKS } from "../codes/directory";
import { REQUEST_MODES } from "../codes/tenders";
import type { PlacementFact, RequestFact } from "./contract";
import { CUTS, modeIndex, RISK_INDEX, riskCountIndex } from "./cuts";
import { addMonths } from "./months";
import type { GridShape } from "./protect";

/**
 * The grids of counts behind the tables, laid end to end in one cube: what each placement or
 * request adds one to. Every published count comes from one of these, so every published count
 * passes through the same protection.
 */

export interface Eligibility {
  /** Placements that started on or before this date have been open (or ended) 6 months by today. */
  started6: string;
  started12: string;
}

export const eligibilityOn = (today: string): Eligibility => ({ started6: addMonths(today, -6), started12: addMonths(today, -12) });

interface GridDef {
  shape: GridShape;
  source: "placement" | "request";
  /** Cells (row × cols + col) the fact adds one to. */
  cellsOf(fact: never, e: Eligibility): number[];
}

const RISKS = PDS_RISKS.length;
const isHighRisk = (f: PlacementFact) => f.highRiskRules.length > 0;

/** Did the placement break down within `months` of its start? */
export const brokeDownWithin = (f: PlacementFact, months: number) => f.breakdown && f.endDate !== null && f.endDate <= addMonths(f.startDate, months);

const placement = (shape: GridShape, cellsOf: (f: PlacementFact, e: Eligibility) => number[]): GridDef => ({ shape, source: "placement", cellsOf });

const breakdownGrid = (cut: (typeof CUTS)[number]) =>
  placement({ rows: cut.groups.length, cols: 4, margins: "columns", lotRows: cut.id === "lot" }, (f, e) => {
    const base = cut.groupOf(f) * 4;
    const out: number[] = [];
    if (f.startDate <= e.started6) out.push(base, ...(brokeDownWithin(f, 6) ? [base + 1] : []));
    if (f.startDate <= e.started12) out.push(base + 2, ...(brokeDownWithin(f, 12) ? [base + 3] : []));
    return out;
  });

const outcomesGrid = (cut: (typeof CUTS)[number]) =>
  placement({ rows: cut.groups.length, cols: 2, margins: "columns", lotRows: cut.id === "lot" }, (f) => {
    const base = cut.groupOf(f) * 2;
    return [...(f.outcomeChange !== null ? [base] : []), ...(f.incidentsPer4Weeks !== null ? [base + 1] : [])];
  });

/** Pair (i, j), i < j, of the risks as a position in the list of pairs. */
export const pairIndex = (i: number, j: number) => i * RISKS - (i * (i + 1)) / 2 + (j - i - 1);
const PAIRS = (RISKS * (RISKS - 1)) / 2;

export const GRIDS = {
  /** Placements with each risk present: risks × (high risk, other); published with row totals only. */
  prevalence: placement({ rows: RISKS, cols: 2, margins: "rows" }, (f) => {
    const col = isHighRisk(f) ? 0 : 1;
    return f.presentRisks.map((r) => (RISK_INDEX.get(r) ?? 0) * 2 + col);
  }),
  /** Placements by number of present risks (0..5+) × (high risk, other), with every total. */
  riskCounts: placement({ rows: 6, cols: 2, margins: "table" }, (f) => [riskCountIndex(f) * 2 + (isHighRisk(f) ? 0 : 1)]),
  /** Placements with both risks of a pair present. */
  pairs: placement({ rows: PAIRS, cols: 1, margins: "none" }, (f) => {
    const idx = f.presentRisks.map((r) => RISK_INDEX.get(r) ?? 0).sort((a, b) => a - b);
    const out: number[] = [];
    for (let a = 0; a < idx.length; a++)
      for (let b = a + 1; b < idx.length; b++) if (idx[a] !== idx[b]) out.push(pairIndex(idx[a] as number, idx[b] as number));
    return out;
  }),
  placementsByLot: placement({ rows: 7, cols: 1, margins: "columns", lotRows: true }, (f) => [f.lot - 1]),
  placementsByMode: placement({ rows: REQUEST_MODES.length + 1, cols: 1, margins: "columns" }, (f) => [modeIndex(f.mode)]),
  /** Requests (column 0) and those that closed with no offer (column 1), by lot and by mode. */
  requestsByLot: {
    shape: { rows: 7, cols: 2, margins: "columns", lotRows: true },
    source: "request",
    cellsOf: (r: RequestFact) => requestRow(r, r.lot - 1),
  } as GridDef,
  requestsByMode: {
    shape: { rows: REQUEST_MODES.length, cols: 2, margins: "columns" },
    source: "request",
    cellsOf: (r: RequestFact) => requestRow(r, REQUEST_MODES.indexOf(r.mode)),
  } as GridDef,
  ...Object.fromEntries(CUTS.flatMap((cut) => [[`breakdown-${cut.id}`, breakdownGrid(cut)] as const, [`outcomes-${cut.id}`, outcomesGrid(cut)] as const])),
} satisfies Record<string, GridDef>;
/** A grid by name; those of the breakdown and outcome tables are named after their cut. */
export type GridId = keyof typeof GRIDS | `breakdown-${string}` | `outcomes-${string}`;

/** A request with no offer: it ended (is no longer open) without one. */
export const endedWithoutOffer = (r: RequestFact) => r.offersCount === 0 && r.state !== "open";

function requestRow(r: RequestFact, row: number): number[] {
  return endedWithoutOffer(r) ? [row * 2, row * 2 + 1] : [row * 2];
}

const ENTRIES = Object.entries(GRIDS) as [string, GridDef][];
const OFFSETS = new Map<string, number>();
let size = 0;
for (const [id, def] of ENTRIES) {
  OFFSETS.set(id, size);
  size += def.shape.rows * def.shape.cols;
}

export const gridOffset = (id: string): number => OFFSETS.get(id) as number;

export const GRID_CELLS = size;

const placementGrids = ENTRIES.filter(([, d]) => d.source === "placement").map(([id, d]) => [OFFSETS.get(id) as number, d] as const);
const requestGrids = ENTRIES.filter(([, d]) => d.source === "request").map(([id, d]) => [OFFSETS.get(id) as number, d] as const);

/** Every cell (across all grids) a placement adds one to. */
export function placementCells(f: PlacementFact, e: Eligibility): number[] {
  const out: number[] = [];
  for (const [offset, def] of placementGrids) for (const c of def.cellsOf(f as never, e)) out.push(offset + c);
  return out;
}

/** Every cell (across all grids) a request adds one to. */
export function requestCells(r: RequestFact): number[] {
  const out: number[] = [];
  for (const [offset, def] of requestGrids) for (const c of def.cellsOf(r as never, eligibilityOn("2000-01-01"))) out.push(offset + c);
  return out;
}

export const isHighRiskFact = isHighRisk;
