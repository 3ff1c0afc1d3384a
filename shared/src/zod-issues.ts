// Installs the GOV.UK wording of every message a schema does not word itself.
import "./errors-wording";
import type { z } from "zod";
import type { ValidationIssue } from "./errors";

/**
 * A zod error as the API's issues, each path prefixed (e.g. "body"). An unknown field is named
 * itself, so the caller sees exactly what to remove.
 */
export function issuesFromZod(prefix: string, error: z.ZodError): ValidationIssue[] {
  return error.issues.flatMap((issue) => {
    const at = [prefix, ...issue.path.map(String)];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: [...at, key].join("."), message: `"${key}" is not a field this request accepts; remove it` }));
    }
    // A record's key that its key schema refuses: say what is wrong with the key, not just that it is.
    if (issue.code === "invalid_key") return [{ path: at.join("."), message: issue.issues[0]?.message ?? issue.message }];
    return [{ path: at.join("."), message: issue.message }];
  });
}
