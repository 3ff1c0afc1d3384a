import type { CohortComparison, CohortQuery, InsightsCell, InsightsFilter } from "./contract";
import type { InsightsData } from "./data";
import { type Cell, SUPPRESSED } from "./disclosure";
import { monthText } from "./months";
import { placementsCell, select, type Selection } from "./select";
import { mean, quantile, round, summary, valuesOf } from "./stats";

/** The two filters of a comparison (aLot → a.lot, bFrom → b.from, …). */
export function splitCohortQuery(q: CohortQuery): { a: InsightsFilter; b: InsightsFilter } {
  const side = (p: "a" | "b"): InsightsFilter => {
    const f: InsightsFilter = {};
    const from = q[`${p}From`];
    const to = q[`${p}To`];
    const lot = q[`${p}Lot`];
    const council = q[`${p}Council`];
    if (from) f.from = from;
    if (to) f.to = to;
    if (lot) f.lot = lot;
    if (council) f.council = council;
    if (q[`${p}HighRisk`]) f.highRisk = "only";
    return f;
  };
  return { a: side("a"), b: side("b") };
}

/** Each group needs this many for a 95% interval of the difference (normal approximation). */
const MIN_FOR_INTERVAL = 10;
const Z = 1.96;

interface Measure {
  /** The published value; its group's size; for an interval, the variance of one observation. */
  value: Cell;
  n: number;
  variance: number | null;
}

const proportion = (part: Cell, whole: Cell): Measure => {
  if (part === SUPPRESSED || whole === SUPPRESSED) return { value: SUPPRESSED, n: 0, variance: null };
  const p = whole === 0 ? 0 : part / whole;
  // Wald: the variance of one observation of a proportion, in percentage points squared.
  return { value: summary(whole, () => round(p * 100, 1), part, whole), n: whole, variance: p * (1 - p) * 100 * 100 };
};

const meanOf = (values: number[], places: number, group: Cell): Measure => {
  if (values.length === 0) return { value: SUPPRESSED, n: 0, variance: null };
  const m = mean(values);
  // Welch: each group's own sample variance.
  const variance = values.length > 1 ? values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1) : null;
  return { value: summary(values.length, () => round(m, places), group), n: values.length, variance };
};

function measures(s: Selection): Record<string, Measure> {
  const placements = placementsCell(s);
  const risk = s.grid("riskCounts");
  const breakdown = s.grid("breakdown-risk-count");
  const outcomes = s.grid("outcomes-risk-count");
  const fees = valuesOf(s.placements, (p) => p.weeklyFeePence).sort((x, y) => x - y);
  return {
    placements: { value: placements, n: 0, variance: null },
    "high-risk-percent": proportion(risk.columnTotal(0), placements),
    "mean-risks": meanOf(
      s.placements.map((p) => p.presentRisks.length),
      1,
      placements,
    ),
    "median-fee": { value: summary(fees.length, () => Math.round(quantile(fees, 0.5) / 100), placements), n: 0, variance: null },
    "breakdown-12-percent": proportion(breakdown.columnTotal(3), breakdown.columnTotal(2)),
    "mean-outcome-change": meanOf(
      valuesOf(s.placements, (p) => p.outcomeChange),
      2,
      outcomes.columnTotal(0),
    ),
    "incident-rate": meanOf(
      valuesOf(s.placements, (p) => p.incidentsPer4Weeks),
      2,
      outcomes.columnTotal(1),
    ),
  };
}

const ROWS: { key: string; label: string; unit: CohortComparison["rows"][number]["unit"]; places: number }[] = [
  { key: "placements", label: "Placements", unit: "count", places: 0 },
  { key: "high-risk-percent", label: "% high risk", unit: "percent", places: 1 },
  { key: "mean-risks", label: "Mean number of present risks", unit: "score", places: 1 },
  { key: "median-fee", label: "Median weekly fee (£)", unit: "pounds", places: 0 },
  { key: "breakdown-12-percent", label: "% broke down within 12 months", unit: "percent", places: 1 },
  { key: "mean-outcome-change", label: "Mean change in outcome scores", unit: "score", places: 2 },
  { key: "incident-rate", label: "Incidents per 4 weeks", unit: "rate", places: 2 },
];

/** Two filters side by side: each measure, the difference a − b, and its 95% interval where both groups have 10 or more. */
export function compareCohorts(input: { data: InsightsData; a: InsightsFilter; b: InsightsFilter; councilName: (id: string) => string }): CohortComparison {
  const sides = [input.a, input.b].map((filter) => {
    const s = select(input.data, filter);
    const empty = s.period.from > s.period.to;
    return {
      filter: {
        from: filter.from ?? (empty ? null : monthText(s.period.from)),
        to: filter.to ?? (empty ? null : monthText(s.period.to)),
        lot: filter.lot ?? null,
        council: filter.council ? { id: filter.council, name: input.councilName(filter.council) } : null,
        highRiskOnly: s.highRiskOnly,
        placements: placementsCell(s),
      },
      measures: measures(s),
    };
  }) as [{ filter: CohortComparison["a"]; measures: Record<string, Measure> }, { filter: CohortComparison["b"]; measures: Record<string, Measure> }];
  const [a, b] = sides;
  return {
    a: a.filter,
    b: b.filter,
    rows: ROWS.map(({ key, label, unit, places }) => {
      const x = a.measures[key] as Measure;
      const y = b.measures[key] as Measure;
      const both = typeof x.value === "number" && typeof y.value === "number";
      const difference: InsightsCell = both
        ? round((x.value as number) - (y.value as number), places)
        : x.value === SUPPRESSED || y.value === SUPPRESSED
          ? SUPPRESSED
          : null;
      const interval =
        both && x.variance !== null && y.variance !== null && x.n >= MIN_FOR_INTERVAL && y.n >= MIN_FOR_INTERVAL
          ? (() => {
              const half = Z * Math.sqrt(x.variance / x.n + (y.variance as number) / y.n);
              return [round((difference as number) - half, places), round((difference as number) + half, places)] as [number, number];
            })()
          : null;
      return { key, label, unit, a: x.value, b: y.value, difference, interval };
    }),
  };
}
