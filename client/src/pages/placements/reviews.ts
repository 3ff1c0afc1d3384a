import type { OutcomeReview } from "@shared/schemas/outcome-reviews";

/** Oldest first, the baseline before any review of the same day. */
export const byDate = (reviews: readonly OutcomeReview[]) =>
  [...reviews].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate) || (a.kind === "baseline" ? -1 : b.kind === "baseline" ? 1 : 0));
