import { CohortQuerySchema, InsightsFilterSchema } from "@shared/insights/contract";
import { collectErrors, type FieldIds, type FormErrors } from "../../components/form-errors";
import { type MonthYear, monthYearFrom, yearMonthFrom } from "../../components/month-year-input";

/** One filter set as typed. The address holds the API's own parameters, so it is passed straight through. */
export interface InsightsFilterState {
  from: MonthYear;
  to: MonthYear;
  lot: string;
  council: string;
  highRisk: boolean;
}

const FIELDS = ["from", "to", "lot", "council", "highRisk"] as const;
type Field = (typeof FIELDS)[number];

/** "" for the insights page; "a" or "b" for a side of the comparison, whose parameters are aFrom, bLot... */
export type FilterPrefix = "" | "a" | "b";

export const paramName = (prefix: FilterPrefix, field: Field) => (prefix ? `${prefix}${field[0]?.toUpperCase()}${field.slice(1)}` : field);

/** The id of each field, keyed by its parameter: what the error summary links to. */
export function filterFieldIds(prefix: FilterPrefix): FieldIds<string> {
  const idPrefix = prefix ? `cohort-${prefix}` : "insights";
  return Object.fromEntries(FIELDS.map((field) => [paramName(prefix, field), `${idPrefix}-${field.replace("highRisk", "high-risk")}`]));
}

export function filterFromParams(params: URLSearchParams, prefix: FilterPrefix = ""): InsightsFilterState {
  const get = (field: Field) => params.get(paramName(prefix, field)) ?? "";
  return { from: monthYearFrom(get("from")), to: monthYearFrom(get("to")), lot: get("lot"), council: get("council"), highRisk: get("highRisk") === "only" };
}

/** Writes one filter set into `params`, leaving out what is not chosen so the address stays short. */
export function putFilter(params: URLSearchParams, state: InsightsFilterState, prefix: FilterPrefix = ""): URLSearchParams {
  const put = (field: Field, value: string | undefined) => {
    if (value !== undefined && value.trim() !== "") params.set(paramName(prefix, field), value.trim());
  };
  put("from", yearMonthFrom(state.from));
  put("to", yearMonthFrom(state.to));
  put("lot", state.lot);
  put("council", state.council);
  if (state.highRisk) params.set(paramName(prefix, "highRisk"), "only");
  return params;
}

// The schema speaks of YYYY-MM; the form asks for a month and a year in two boxes.
const MONTH_MESSAGES: Record<string, string> = {
  from: "The start of the period must be a real month and year, like 4 2026",
  to: "The end of the period must be a real month and year, like 3 2027",
};

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
}

function errorsOf(prefix: FilterPrefix, issues: readonly Issue[]): FormErrors<string> {
  return collectErrors(
    filterFieldIds(prefix),
    issues.map((issue) => {
      const field = String(issue.path[0] ?? "");
      const unprefixed = prefix ? field.slice(1).toLowerCase() : field;
      const message = issue.code === "invalid_format" ? (MONTH_MESSAGES[unprefixed] ?? issue.message) : issue.message;
      return { field, message };
    }),
  );
}

/** Checks the address's query with the API's own schema before the page asks for it. */
export function checkFilter(params: URLSearchParams): FormErrors<string> | undefined {
  const parsed = InsightsFilterSchema.safeParse(Object.fromEntries(params));
  return parsed.success ? undefined : errorsOf("", parsed.error.issues);
}

/** The same for the two sides of a comparison (each side's period checked as the insights page checks it). */
export function checkCohorts(params: URLSearchParams): FormErrors<string> | undefined {
  const parsed = CohortQuerySchema.safeParse(Object.fromEntries(params));
  const issues: Issue[] = parsed.success ? [] : [...parsed.error.issues];
  for (const prefix of ["a", "b"] as const) {
    const from = params.get(paramName(prefix, "from"));
    const to = params.get(paramName(prefix, "to"));
    if (from && to && from > to && !issues.some((i) => i.path[0] === paramName(prefix, "to"))) {
      issues.push({ path: [paramName(prefix, "to")], message: "The period must start on or before its end" });
    }
  }
  if (issues.length === 0) return undefined;
  const errors: FormErrors<string> = { fields: {}, summary: [] };
  for (const prefix of ["a", "b"] as const) {
    const side = errorsOf(
      prefix,
      issues.filter((i) => String(i.path[0]).startsWith(prefix)),
    );
    Object.assign(errors.fields, side.fields);
    errors.summary.push(...side.summary);
  }
  return errors;
}

/** A 400 from the API names the query's fields ("query.lot"); they are shown on the form's fields. */
export function errorsFromQueryIssues(prefixes: readonly FilterPrefix[], issues: readonly { path: string; message: string }[]): FormErrors<string> {
  const ids = Object.assign({}, ...prefixes.map(filterFieldIds)) as FieldIds<string>;
  return collectErrors(
    ids,
    issues.map((i) => ({ field: i.path.replace(/^query\./, ""), message: i.message })),
  );
}
