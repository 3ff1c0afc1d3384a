import fc from "fast-check";
import type { PdsRisk } from "@shared/codes/directory";
import type { InsightsFilter, PlacementFact } from "@shared/insights/contract";
import { insightsData } from "@shared/insights/data";
import { type Cell, SUPPRESSED, suppressList, suppressTable } from "@shared/insights/disclosure";
import { select } from "@shared/insights/select";
import { placementFact } from "./insert-facts";

/*
 * Differencing (issue 13): everything one caller can request around a filter, put together,
 * must not pin a withheld count from 1 to 4. The attacker gets the table of placements by number
 * of risks × (high risk, other), with all its totals, for every period around the filter (its
 * four month neighbours and every single month in and beside it) × every single lot and all lots
 * × every council and all councils; knows every linear relation between them (each table's
 * margins; all lots = the sum of the lots; all councils = the sum of the councils; a period =
 * the sum of its months); and narrows every value to an interval over whole numbers ≥ 0 until
 * nothing changes.
 */

const MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04"];
const LOTS = [0, 1, 2, 3, 4, 5, 6, 7]; // 0: all lots
const RISKS: PdsRisk[] = ["riskSelfHarm", "riskMissing", "riskDrugAlcohol"];

interface World {
  councils: string[];
  facts: PlacementFact[];
  /** The filter's period, as month indices into MONTHS (may run one beyond either end). */
  from: number;
  to: number;
}

const worldOf = (maxFacts: number) =>
  fc
    .record({
      councils: fc.integer({ min: 1, max: 3 }),
      facts: fc.array(
        fc.record({
          month: fc.integer({ min: 0, max: 3 }),
          lot: fc.integer({ min: 1, max: 2 }),
          council: fc.integer({ min: 0, max: 2 }),
          risks: fc.integer({ min: 0, max: 2 }),
          high: fc.boolean(),
        }),
        { minLength: 1, maxLength: maxFacts },
      ),
      from: fc.integer({ min: 0, max: 3 }),
      span: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ councils, facts, from, span }): World => {
      const ids = Array.from({ length: councils }, (_, i) => `00000000-0000-4000-8000-00000000000${i + 1}`);
      return {
        councils: ids,
        from,
        to: Math.min(from + span, 3),
        facts: facts.map((f) =>
          placementFact(ids[f.council % councils] as string, {
            awardDate: `${MONTHS[f.month]}-15`,
            lot: f.lot,
            presentRisks: RISKS.slice(0, f.risks),
            highRiskRules: f.high ? ["risk_count"] : [],
          }),
        ),
      };
    });

const monthOf = (i: number) => (i < 0 ? "2025-12" : i > 3 ? "2026-05" : (MONTHS[i] as string));
type Period = [number, number];

/** The periods one caller can request around [from, to]: it, its month neighbours, every single month in and beside it. */
function periodsAround(from: number, to: number): Period[] {
  const out: Period[] = [[from, to]];
  for (const [a, b] of [
    [from - 1, to],
    [from + 1, to],
    [from, to - 1],
    [from, to + 1],
  ] as Period[]) {
    if (a <= b) out.push([a, b]);
  }
  for (let m = from - 1; m <= to + 1; m++) out.push([m, m]);
  return out.filter(([a, b], i) => out.findIndex(([x, y]) => x === a && y === b) === i);
}

/**
 * A grid the attacker goes after: the risk-count table (rows × columns with every total) or the
 * placements by lot (a list with its total, whose lot l row is lot l's own total).
 */
interface Spec {
  id: "riskCounts" | "placementsByLot";
  rows: number;
  cols: number;
  margins: "table" | "columns";
  cellOf(f: PlacementFact): [number, number];
  /** Row l − 1 is lot l: in lot l's table every other row is 0, and the attacker knows it. */
  lotRows: boolean;
}
const RISK_COUNTS: Spec = {
  id: "riskCounts",
  rows: 6,
  cols: 2,
  margins: "table",
  cellOf: (f) => [Math.min(f.presentRisks.length, 5), f.highRiskRules.length > 0 ? 0 : 1],
  lotRows: false,
};
const BY_LOT: Spec = { id: "placementsByLot", rows: 7, cols: 1, margins: "columns", cellOf: (f) => [f.lot - 1, 0], lotRows: true };
const widthOf = (spec: Spec) => (spec.margins === "table" ? spec.cols + 1 : spec.cols);

/** A published table: (rows+1) × (cols, +1 with row totals), the totals in the last row (and column). */
type Published = Cell[][];
type Publisher = (spec: Spec, w: World, period: Period, lot: number, council: number) => Published;

/** What the service publishes. */
const engine: Publisher = (spec, w, [a, b], lot, council) => {
  const data = insightsData(w.facts, [], "2026-12-01");
  const filter: InsightsFilter = { from: monthOf(a), to: monthOf(b) };
  if (lot) filter.lot = lot;
  if (council) filter.council = w.councils[council - 1] as string;
  const g = select(data, filter).grid(spec.id);
  const { rows, cols } = spec;
  return Array.from({ length: rows + 1 }, (_, i) =>
    Array.from({ length: widthOf(spec) }, (_, j) => (i < rows ? (j < cols ? g.cell(i, j) : g.rowTotal(i)) : j < cols ? g.columnTotal(j) : g.total())),
  );
};

/** The true counts of a filter's table, with its totals. */
function truth(spec: Spec, w: World, [a, b]: Period, lot: number, council: number): number[][] {
  const { rows, cols } = spec;
  const t = Array.from({ length: rows + 1 }, () => new Array<number>(widthOf(spec)).fill(0));
  for (const f of w.facts) {
    const m = MONTHS.indexOf(f.awardDate.slice(0, 7));
    if (m < a || m > b || (lot && f.lot !== lot) || (council && f.councilId !== w.councils[council - 1])) continue;
    const [i, j] = spec.cellOf(f);
    const at: [number, number][] =
      spec.margins === "table"
        ? [
            [i, j],
            [i, cols],
            [rows, j],
            [rows, cols],
          ]
        : [
            [i, j],
            [rows, j],
          ];
    for (const [r, c] of at) (t[r] as number[])[c]! += 1;
  }
  return t;
}

/** Each table suppressed on its own (primary and secondary, no differencing rules): what the attacker must beat. */
const naive: Publisher = (spec, w, period, lot, council) => {
  const t = truth(spec, w, period, lot, council);
  const { rows, cols } = spec;
  if (spec.margins === "columns") {
    const list = suppressList(t.map((row) => row[0] as number).slice(0, rows));
    return [...list.cells.map((c) => [c]), [list.total]];
  }
  const s = suppressTable(t.slice(0, rows).map((row) => row.slice(0, cols)));
  return [...s.cells.map((row, i) => [...row, s.rowTotals[i] as Cell]), [...s.columnTotals, s.total]];
};

/**
 * The attacker: every value of every table requested is a variable with an interval; published
 * ones are fixed; each relation "total = sum of parts" narrows them all, round after round. Sound
 * (the true values always fit), so a withheld value whose interval closes is worked out. Returns
 * the withheld true values it pinned.
 */
function attack(spec: Spec, w: World, publish: Publisher): number[] {
  const periods = periodsAround(w.from, w.to);
  const councils = Array.from({ length: w.councils.length + 1 }, (_, c) => c);
  const key = (p: Period, l: number, c: number) => `${p[0]}:${p[1]}|${l}|${c}`;
  const lo = new Map<string, number[]>();
  const hi = new Map<string, number[]>();
  const secret: [string, number, number][] = [];
  const allPeriods = [...periods];
  for (let m = w.from - 1; m <= w.to + 1; m++) if (!allPeriods.some(([a, b]) => a === m && b === m)) allPeriods.push([m, m]);
  for (const p of allPeriods) {
    for (const l of LOTS) {
      for (const c of councils) {
        const published = publish(spec, w, p, l, c);
        const real = truth(spec, w, p, l, c);
        const k = key(p, l, c);
        lo.set(
          k,
          published.flat().map((v) => (v === SUPPRESSED ? 0 : v)),
        );
        hi.set(
          k,
          published.flat().map((v) => (v === SUPPRESSED ? Infinity : v)),
        );
        published.flat().forEach((v, pos) => v === SUPPRESSED && secret.push([k, pos, real.flat()[pos] as number]));
      }
    }
  }
  // Relations as [total, parts], each a [table, position].
  type Ref = [string, number];
  const relations: [Ref, Ref[]][] = [];
  const { rows, cols } = spec;
  const W = widthOf(spec);
  for (const p of allPeriods) {
    for (const l of LOTS) {
      for (const c of councils) {
        const k = key(p, l, c);
        if (spec.margins === "table")
          for (let i = 0; i <= rows; i++) relations.push([[k, i * W + cols], Array.from({ length: cols }, (_, j) => [k, i * W + j] as Ref)]);
        for (let j = 0; j < W; j++) relations.push([[k, rows * W + j], Array.from({ length: rows }, (_, i) => [k, i * W + j] as Ref)]);
      }
    }
  }
  for (let pos = 0; pos < (rows + 1) * W; pos++) {
    for (const p of allPeriods) {
      for (const c of councils) relations.push([[key(p, 0, c), pos], LOTS.slice(1).map((l) => [key(p, l, c), pos] as Ref)]);
      for (const l of LOTS) if (councils.length > 2) relations.push([[key(p, l, 0), pos], councils.slice(1).map((c) => [key(p, l, c), pos] as Ref)]);
    }
    for (const [a, b] of periods) {
      if (a === b) continue;
      for (const l of LOTS) {
        for (const c of councils) {
          const months: Ref[] = [];
          for (let m = a; m <= b; m++) months.push([key([m, m], l, c), pos]);
          relations.push([[key([a, b], l, c), pos], months]);
        }
      }
    }
  }
  const get = (bound: Map<string, number[]>, [k, pos]: Ref) => (bound.get(k) as number[])[pos] as number;
  const set = (bound: Map<string, number[]>, [k, pos]: Ref, v: number) => ((bound.get(k) as number[])[pos] = v);
  let changed = true;
  const narrow = (bound: Map<string, number[]>, r: Ref, v: number, better: boolean) => {
    if (!better) return;
    set(bound, r, v);
    changed = true;
  };
  for (let round = 0; changed && round < 60; round++) {
    changed = false;
    for (const [total, parts] of relations) {
      const sumLo = parts.reduce((s, r) => s + get(lo, r), 0);
      const sumHi = parts.reduce((s, r) => s + get(hi, r), 0);
      narrow(lo, total, sumLo, sumLo > get(lo, total));
      narrow(hi, total, sumHi, sumHi < get(hi, total));
      for (const r of parts) {
        const newLo = get(lo, total) - (sumHi - get(hi, r));
        const newHi = get(hi, total) - (sumLo - get(lo, r));
        narrow(lo, r, newLo, newLo > get(lo, r));
        narrow(hi, r, newHi, newHi < get(hi, r));
      }
    }
  }
  return secret.filter(([k, pos, v]) => v >= 1 && v <= 4 && get(lo, [k, pos]) === get(hi, [k, pos])).map(([, , v]) => v);
}

describe("differencing protection (an example the property found)", () => {
  it("should not let lot 1's withheld zero stand in for a partner of lot 2 when lot 1's own table shows it is zero", () => {
    // One January placement (council 2, lot 1); in February six in lot 2: five of council 1, one of
    // council 2. Once the protection forgot to re-protect a table after the lots' partition marked
    // its total, lot 2 and council 2's 1 was all lots' 6 minus council 1's 5.
    const ids = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
    const [one, two] = ids as [string, string];
    const feb = { awardDate: "2026-02-15", lot: 2 };
    const w: World = {
      councils: ids,
      from: 0,
      to: 0,
      facts: [
        placementFact(two, { awardDate: "2026-01-15" }),
        ...Array.from({ length: 4 }, () => placementFact(one, feb)),
        placementFact(two, feb),
        placementFact(one, { ...feb, highRiskRules: ["risk_count"] }),
      ],
    };
    expect(attack(RISK_COUNTS, w, engine)).toEqual([]);
  });

  it("should not pair a small count with a withheld zero that another period's table shows is 0", () => {
    // The same February, plus one April placement of council 1 in lot 1, asked for January to
    // February. Lot 1 and council 1's February zero was withheld as lot 2's partner in one table,
    // while the February-to-March table showed its other column 0 and February's its high-risk
    // column 0. Partners are now 1 or more, else the total is withheld.
    const ids = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
    const [one, two] = ids as [string, string];
    const feb = { awardDate: "2026-02-15", lot: 2 };
    const w: World = {
      councils: ids,
      from: 0,
      to: 1,
      facts: [
        placementFact(two, { awardDate: "2026-01-15" }),
        ...Array.from({ length: 4 }, () => placementFact(one, feb)),
        placementFact(two, feb),
        placementFact(one, { ...feb, highRiskRules: ["risk_count"] }),
        placementFact(one, { awardDate: "2026-04-15" }),
      ],
    };
    expect(attack(RISK_COUNTS, w, engine)).toEqual([]);
  });
});

// Up to 45 placements make many small counts; up to 150 make larger ones beside small ones.
describe.each([
  ["the risk-count table", RISK_COUNTS, 45],
  ["the placements by lot", BY_LOT, 150],
] as const)("differencing protection of %s (properties)", (_name, spec, maxFacts) => {
  const world = worldOf(maxFacts);
  it("should never let a caller pin a withheld count from 1 to 4 from the tables of every filter around theirs", () => {
    fc.assert(
      fc.property(world, (w) => {
        expect(attack(spec, w, engine)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("should catch tables suppressed one by one: the same attacker pins a small count by differencing", () => {
    const run = fc.check(
      fc.property(world, (w) => attack(spec, w, naive).length === 0),
      { numRuns: 40 },
    );
    expect(run.failed).toBe(true);
  });
});
