import { INVOICE_DISPLAY_STATUS_LABELS, INVOICE_DISPLAY_STATUSES } from "@shared/codes/payments";
import { ErrorCode } from "@shared/errors";
import { InvoiceQuerySchema } from "@shared/schemas/payments";
import { ApiRequestError } from "../../api/http";
import { collectErrors, type FormErrors } from "../../components/form-errors";
import { type MonthYear, monthYearFrom, yearMonthFrom } from "../../components/month-year-input";

/** The invoice filters as typed. The address holds the API's own parameters (a month, a placement's id, a status: nothing personal). */
export interface InvoiceFilterState {
  month: MonthYear;
  placementId: string;
  status: string;
}

export const FILTER_IDS = { month: "invoices-month", placementId: "invoices-placement", status: "invoices-status" } as const;

export const STATUS_OPTIONS = [
  { value: "", label: "Any status" },
  ...INVOICE_DISPLAY_STATUSES.map((s) => ({ value: s, label: INVOICE_DISPLAY_STATUS_LABELS[s] })),
];

export function filterFromParams(params: URLSearchParams): InvoiceFilterState {
  return { month: monthYearFrom(params.get("month")), placementId: params.get("placementId") ?? "", status: params.get("status") ?? "" };
}

/** The filters as the address's query, leaving out what is not chosen so the address stays short. */
export function paramsFromFilter(state: InvoiceFilterState): URLSearchParams {
  const params = new URLSearchParams();
  const month = yearMonthFrom(state.month);
  if (month) params.set("month", month.trim());
  if (state.placementId) params.set("placementId", state.placementId);
  if (state.status) params.set("status", state.status);
  return params;
}

// The schema speaks of YYYY-MM; the form asks for a month and a year in two boxes.
const MONTH_MESSAGE = "The month must be a real month and year, like 4 2026";

/** Checks the filters with the API's own schema before the page asks for them. */
export function checkFilter(params: URLSearchParams): FormErrors<keyof typeof FILTER_IDS> | undefined {
  const parsed = InvoiceQuerySchema.safeParse(Object.fromEntries(params));
  if (parsed.success) return undefined;
  return collectErrors(
    FILTER_IDS,
    parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? "");
      return { field, message: field === "month" ? MONTH_MESSAGE : issue.message };
    }),
  );
}

/** A 400 from the API for an address edited by hand names the query's fields ("query.month"); they are shown on the form. */
export function errorsFromQueryError(error: unknown): FormErrors<keyof typeof FILTER_IDS> | undefined {
  if (!(error instanceof ApiRequestError) || error.error.code !== ErrorCode.ValidationError) return undefined;
  return collectErrors(
    FILTER_IDS,
    (error.error.issues ?? []).map((i) => ({ field: i.path.replace(/^query\./, ""), message: i.message })),
  );
}
