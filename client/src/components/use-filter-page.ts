import { useCallback } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../api/http";
import { type ApiQuery, type QueryState, useApiQuery } from "../api/use-api-query";
import type { ErrorSummaryItem } from "./error-summary";

/** What a list's filter panel sends: the search box and the ticked filters. */
export interface ListFilters {
  q: string;
  status: string[];
}

export interface FilterPage<T> {
  query: QueryState<T> & ApiQuery;
  /** The filters in the address now (the panel starts from them). */
  filters: ListFilters;
  /** Whether any filter or search is applied (an empty list then says so, not "nothing yet"). */
  filtered: boolean;
  /** Puts the filters in the address, back to page 1: the list follows the address. */
  apply(filters: ListFilters): void;
  hrefForPage(page: number): string;
  /** The server's 400 for a hostile address (page=-1, NUL), as error summary items linking to the panel's fields. */
  problems: ErrorSummaryItem[] | undefined;
}

const FIELD_OF: Record<string, string> = { "query.q": "q", "query.status": "status" };

/**
 * The one shape of a list that grows (requests, applications, claims, feedback, children): the
 * query (`?q=&status=&page=`) lives in the address, so a filtered page can be bookmarked, shared
 * and reloaded, and Back goes to the previous filters. `load` gets the address's query string.
 */
export function useFilterPage<T>(load: (query: string, signal: AbortSignal) => Promise<T>, defaultStatus: readonly string[] = []): FilterPage<T> {
  const [params] = useSearchParams();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // No status in the address is the list's default (the hub's feedback: waiting for moderation); "status=" is every status.
  const sent = new URLSearchParams(params);
  if (!params.has("status")) for (const s of defaultStatus) sent.append("status", s);
  const search = sent.toString();
  const query = useApiQuery(useCallback((signal: AbortSignal) => load(search, signal), [load, search]));
  const filters = { q: params.get("q") ?? "", status: sent.getAll("status").filter(Boolean) };

  const apply = ({ q, status }: ListFilters) => {
    const next = new URLSearchParams();
    if (q.trim()) next.set("q", q.trim());
    for (const s of status) next.append("status", s);
    if (status.length === 0 && defaultStatus.length > 0) next.set("status", "");
    void navigate(next.size ? `${pathname}?${next.toString()}` : pathname);
  };
  const hrefForPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `${pathname}?${next.toString()}`;
  };
  const refused = query.status === "error" && query.error instanceof ApiRequestError && query.error.error.code === ErrorCode.ValidationError;
  const problems = refused
    ? (query.error as ApiRequestError).error.issues?.map((issue) => {
        // "query.status.0" is the first ticked filter: the error summary links to the group.
        const fieldId = FIELD_OF[issue.path.split(".").slice(0, 2).join(".")];
        return fieldId ? { text: issue.message, fieldId } : { text: issue.message };
      })
    : undefined;
  return { query, filters, filtered: Boolean(filters.q || params.getAll("status").some(Boolean)), apply, hrefForPage, problems };
}
