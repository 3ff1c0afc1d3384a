import type { ReactNode } from "react";
import type { ApiQuery, QueryState } from "../api/use-api-query";
import { isNotFound } from "../lib/not-found-error";
import { Loading, QueryProblem } from "./query-problem";

interface QueryViewProps<T> {
  /** What `useApiQuery` (or a hook built on it) returned. */
  query: QueryState<T> & Pick<ApiQuery, "retry">;
  /** What could not be shown, as in "Sorry, we cannot show {what} at the moment". */
  what: string;
  /** What is loading, as in "Loading {loading}…"; `what` unless given. */
  loading?: string;
  /** Said instead of `children` when there is nothing to show. */
  empty?: ReactNode;
  /** Whether the data counts as nothing to show; an empty list unless given. */
  isEmpty?(data: T): boolean;
  /** Shown instead of the problem when the server answers "not found", as for a record the reader may not see. */
  notFound?: ReactNode;
  /** Shown instead of `QueryProblem`, for a part of a page that can fail quietly without its own heading and "Try again". */
  problem?: ReactNode;
  children(data: T): ReactNode;
}

const emptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/** The one way a page waits for its data: loading, then a problem with "Try again", an empty message, or the data. */
export function QueryView<T>({ query, what, loading = what, empty, isEmpty = emptyList, notFound, problem, children }: QueryViewProps<T>) {
  if (query.status === "loading") return <Loading what={loading} />;
  if (query.status === "error") {
    if (notFound !== undefined && isNotFound(query.error)) return notFound;
    return problem ?? <QueryProblem what={what} onRetry={query.retry} />;
  }
  if (empty !== undefined && isEmpty(query.data)) return <p className="govuk-body">{empty}</p>;
  return children(query.data);
}
