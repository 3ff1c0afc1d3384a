import type { ValidationIssue } from "@shared/errors";
import { personalDataIn } from "@shared/personal-data";
import { CHILD_FREE_TEXT_FIELDS } from "@shared/schemas/children";
import { validationFailed } from "../../http/app-error";

/**
 * Refuses free text that looks like it identifies the child or a relative, naming what to take
 * out, field by field. The profile stays pseudonymised: a council reference is the only key.
 */
export function checkChildFreeText(values: Partial<Record<(typeof CHILD_FREE_TEXT_FIELDS)[number], string | null>>, pathPrefix = "body"): void {
  const issues: ValidationIssue[] = [];
  for (const field of CHILD_FREE_TEXT_FIELDS) {
    const text = values[field];
    if (!text) continue;
    const found = personalDataIn(text);
    if (found.length > 0) issues.push({ path: `${pathPrefix}.${field}`, message: `Remove ${found.join(" and ")}: a child's profile must not identify them` });
  }
  if (issues.length > 0) throw validationFailed(issues);
}
