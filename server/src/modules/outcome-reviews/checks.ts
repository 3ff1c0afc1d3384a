import type { OutcomeScore } from "@shared/codes/outcomes";
import type { ValidationIssue } from "@shared/errors";
import { personalDataIn } from "@shared/personal-data";
import { validationFailed } from "../../http/app-error";

/**
 * Free text about a child (an outcome, a review's notes, the council's note on a provider's view)
 * passes the profile's personal-data check: each path named with what to take out.
 */
export function personalDataIssues(texts: [path: string, text: string | null | undefined][]): ValidationIssue[] {
  return texts.flatMap(([path, text]) => {
    const found = text ? personalDataIn(text) : [];
    return found.length > 0 ? [{ path, message: `Remove ${found.join(" and ")}: records about a child must not identify them` }] : [];
  });
}

/** Scores may name only the child's current outcomes (another child's, or a retired one, is refused). */
export const unknownOutcomeIssues = (scores: readonly OutcomeScore[], outcomeIds: readonly string[]): ValidationIssue[] =>
  scores.flatMap((s, i) =>
    outcomeIds.includes(s.outcomeId) ? [] : [{ path: `body.scores.${i}.outcomeId`, message: "Score only the outcomes of this child's plan" }],
  );

/** Throws every issue at once, or nothing. */
export function refuseIf(issues: ValidationIssue[]): void {
  if (issues.length > 0) throw validationFailed(issues);
}
