import type { ValidationIssue } from "../errors";
import { DATE_YEARS, isSafeText, isYearInRange } from "../schemas/primitives";
import type { PdsField } from "./definition";

/** What is wrong with one value of a field's type, or undefined. */
type ValueCheck = (value: unknown) => string | undefined;

/** A real calendar date as YYYY-MM-DD (2026-02-30 is refused, not rolled over to March). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** One check per type the standard names; the definition's own loader refuses any other type. */
const VALUE_CHECKS: Record<PdsField["type"], (field: PdsField) => ValueCheck> = {
  // Safe integers only: a larger number would not survive a round trip through JSON and bigint.
  Integer: () => (v) => (typeof v === "number" && Number.isSafeInteger(v) ? undefined : "must be a whole number, like 3"),
  String: () => (v) =>
    typeof v !== "string" ? "must be text" : isSafeText(v) ? undefined : "has invisible control characters or broken emoji: remove them, or type it in again",
  Boolean: () => (v) => (typeof v === "boolean" ? undefined : "must be true or false"),
  Date: () => (v) =>
    typeof v !== "string" || !isRealDate(v)
      ? "must be a real date, written like 2026-11-02"
      : isYearInRange(v)
        ? undefined
        : `must be a date with a year from ${DATE_YEARS.first} to ${DATE_YEARS.last}`,
  Categorical: (field) => {
    const options = new Set(field.options);
    return (v) => (typeof v === "string" && options.has(v) ? undefined : `must be one of: ${(field.options ?? []).join(", ")}`);
  },
};

const isMissing = (value: unknown) => value === undefined || value === null;

/**
 * Checks one field's value against its type and cardinality, returning every problem:
 * 1..1 a required single value; 0..1 optional (absent or null); 1..* a non-empty list; 0..* a
 * list. Lists hold distinct values: the standard's lists are sets of options.
 */
export function compileFieldCheck(field: PdsField): (value: unknown, path: string) => ValidationIssue[] {
  const checkValue = VALUE_CHECKS[field.type](field);
  const required = field.cardinality.startsWith("1");
  const many = field.cardinality.endsWith("*");
  const problem = (path: string, message: string): ValidationIssue[] => [{ path, message: `${field.name} ${message}` }];

  return (value, path) => {
    if (isMissing(value)) return required ? problem(path, many ? "is required: list at least one value" : "is required") : [];
    if (!many) {
      if (Array.isArray(value)) return problem(path, "takes one value, not a list");
      const wrong = checkValue(value);
      return wrong ? problem(path, wrong) : [];
    }
    if (!Array.isArray(value)) return problem(path, "must be a list");
    if (value.length === 0) return required ? problem(path, "must list at least one value") : [];
    const issues = value.flatMap((item, i) => {
      const wrong = checkValue(item);
      return wrong ? problem(`${path}.${i}`, wrong) : [];
    });
    const repeated = [...new Set(value.filter((item, i) => value.indexOf(item) !== i))];
    for (const item of repeated) issues.push(...problem(path, `lists ${JSON.stringify(item)} more than once; list each value once`));
    return issues;
  };
}
