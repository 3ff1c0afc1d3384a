import type { InsightsFilter, InsightsReport } from "@shared/insights/contract";
import type { InsightsData } from "@shared/insights/data";
import { insightsReport } from "@shared/insights/report";
import type { Publication } from "./queries";

export const presentPublication = (p: Publication | undefined) => (p ? { from: p.from, to: p.to, publishedAt: p.publishedAt.toISOString() } : null);

/** The report of one filter; `councils` names the region's councils. */
export function presentReport(facts: { data: InsightsData; asOf: string | null }, filter: InsightsFilter, councils: Map<string, string>): InsightsReport {
  const council = filter.council ? { id: filter.council, name: councils.get(filter.council) ?? "" } : null;
  return insightsReport({ data: facts.data, filter, council, factsAsOf: facts.asOf });
}
