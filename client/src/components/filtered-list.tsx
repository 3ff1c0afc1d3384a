import { type FormEvent, type ReactNode, useState } from "react";
import { Link, useLocation } from "react-router";
import type { ListMeta } from "@shared/schemas/list-query";
import { Checkboxes, type CheckboxOption } from "./checkboxes";
import { ErrorSummary } from "./error-summary";
import { Pagination } from "./pagination";
import { QueryView } from "./query-view";
import { SubmitButton } from "./submit-or-cancel";
import { TextInput } from "./text-input";
import { type ListFilters, useFilterPage } from "./use-filter-page";

interface FilteredListProps<R> {
  /** Fetches one page for the address's query string (`q=&status=&page=`). */
  load(query: string, signal: AbortSignal): Promise<{ data: R[]; meta: ListMeta }>;
  /** What the list holds, plural, as in "Loading requests…" and "12 requests found". */
  what: string;
  /** The count in words: "1 request", "12 requests". */
  count(n: number): string;
  /** The search box, if the list has one. */
  search?: { label: string; hint: string };
  filter: { legend: string; options: readonly CheckboxOption[] };
  /** Said when nothing exists yet (no filter applied). */
  empty: string;
  /** The statuses shown when the address names none (e.g. only what waits for a decision). */
  defaultStatus?: readonly string[];
  /** The page's rows; `reload` after a decision made on one of them. */
  children(rows: R[], list: { reload(): Promise<void> }): ReactNode;
}

function FilterPanel({
  search,
  filter,
  initial,
  onApply,
}: Pick<FilteredListProps<unknown>, "search" | "filter"> & { initial: ListFilters; onApply(f: ListFilters): void }) {
  const [filters, setFilters] = useState(initial);
  const { pathname } = useLocation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };
  return (
    <form noValidate onSubmit={submit} aria-labelledby="filter-heading" className="app-filter-panel">
      <h2 className="govuk-heading-m" id="filter-heading">
        Filter
      </h2>
      {search ? (
        <TextInput
          id="q"
          label={search.label}
          labelSize="s"
          hint={search.hint}
          value={filters.q}
          onChange={(q) => setFilters({ ...filters, q })}
          spellCheck={false}
        />
      ) : null}
      <Checkboxes
        name="status"
        legend={filter.legend}
        legendSize="s"
        small
        options={filter.options}
        values={filters.status}
        onChange={(status) => setFilters({ ...filters, status })}
      />
      <div className="govuk-button-group">
        <SubmitButton secondary>Apply filters</SubmitButton>
        <Link className="govuk-link" to={pathname}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}

/**
 * GOV.UK's filter layout for a list that grows: the filter panel beside one page of results, the
 * total, and pagination. Everything is in the address (useFilterPage), and the server filters.
 */
export function FilteredList<R>({ load, what, count, search, filter, empty, defaultStatus, children }: FilteredListProps<R>) {
  const page = useFilterPage(load, defaultStatus);
  const key = `${page.filters.q}|${page.filters.status.join(",")}`;
  return (
    <>
      {page.problems ? <ErrorSummary errors={page.problems} /> : null}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <FilterPanel key={key} search={search} filter={filter} initial={page.filters} onApply={page.apply} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {page.problems ? (
            <p className="govuk-body">Correct the filters to see the {what}.</p>
          ) : (
            <QueryView query={page.query} what={`the ${what}`} loading={what} isEmpty={() => false}>
              {({ data, meta }) => {
                const first = (meta.page - 1) * meta.pageSize + 1;
                if (meta.total === 0 && !page.filtered) return <p className="govuk-body">{empty}</p>;
                return (
                  <>
                    <h2 className="govuk-heading-m" id="results-heading" aria-live="polite">
                      {count(meta.total)} found
                    </h2>
                    {meta.total > 0 && data.length > 0 && meta.total > data.length ? (
                      <p className="govuk-body">
                        Showing {first} to {first + data.length - 1} of {meta.total}.
                      </p>
                    ) : null}
                    {meta.total > 0 && data.length === 0 ? <p className="govuk-body">There is nothing on this page. Go back to the first page.</p> : null}
                    {meta.total === 0 && page.filtered ? <p className="govuk-body">Nothing matches these filters. Try removing some.</p> : null}
                    {data.length > 0 ? children(data, { reload: page.query.reload }) : null}
                    <Pagination page={meta.page} pageCount={Math.ceil(meta.total / meta.pageSize)} hrefFor={page.hrefForPage} label={`Pages of ${what}`} />
                  </>
                );
              }}
            </QueryView>
          )}
        </div>
      </div>
    </>
  );
}
