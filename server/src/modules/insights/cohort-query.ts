import { splitCohortQuery } from "@shared/insights/cohort";
import type { CohortQuery, InsightsFilter } from "@shared/insights/contract";
import { validationFailed } from "../../http/app-error";

/** The two filters of a comparison; each period must start on or before its end (both reported at once). */
export function cohortOf(query: CohortQuery): { a: InsightsFilter; b: InsightsFilter } {
  const { a, b } = splitCohortQuery(query);
  const issues = (["a", "b"] as const)
    .filter((side) => {
      const f = side === "a" ? a : b;
      return f.from && f.to && f.from > f.to;
    })
    .map((side) => ({ path: `query.${side}To`, message: "The period must start on or before its end" }));
  if (issues.length > 0) throw validationFailed(issues);
  return { a, b };
}
