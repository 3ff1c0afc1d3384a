import type { InsightsFilter, InsightsReport } from "@shared/insights/contract";
import type { InsightsData } from "@shared/insights/data";
import { insightsReport } from "@shared/insights/report";
import type { Publication } from "./queries";

export const presentPublication = (p: Publication | undefined) => (p ? { from: p.from, to: p.to, publishedAt: p.publishedAt.toISOString() } : null);

/** The name of a council the filter check (checkFilter) let through: it is one of the region's, so a missing name is a bug, not a blank. */
export function councilName(councils: Map<string, string>, id: string): string {
  const name = councils.get(id);
  if (name === undefined) throw new Error("a council the filter check accepted is not among the region's councils");
  return name;
}

// Reports already worked out, per facts load: the same filter asked again costs nothing until the facts change.
const reports = new WeakMap<InsightsData, Map<string, InsightsReport>>();
const REPORTS_KEPT = 500;

/** The report of one filter; `councils` names the region's councils. */
export function presentReport(facts: { data: InsightsData; asOf: string | null }, filter: InsightsFilter, councils: Map<string, string>): InsightsReport {
  const council = filter.council ? { id: filter.council, name: councilName(councils, filter.council) } : null;
  const key = JSON.stringify([filter.from, filter.to, filter.lot, filter.council, filter.highRisk, council?.name, facts.asOf]);
  let kept = reports.get(facts.data);
  if (!kept) reports.set(facts.data, (kept = new Map()));
  const known = kept.get(key);
  if (known) return known;
  const report = insightsReport({ data: facts.data, filter, council, factsAsOf: facts.asOf });
  if (kept.size >= REPORTS_KEPT) kept.clear();
  kept.set(key, report);
  return report;
}
