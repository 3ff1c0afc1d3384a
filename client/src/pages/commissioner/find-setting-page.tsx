import { useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { ErrorCode } from "@shared/errors";
import { PAGE_PATHS } from "@shared/page-paths";
import { ApiRequestError } from "../../api/http";
import { settingsExportHref, useSettingSearch } from "../../api/settings";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";
import { SearchFiltersForm } from "./search-filters";
import { checkFilters, filterErrorsFromIssues, type FilterField, filtersFromParams, paramsFromFilters, type SearchFilters } from "./search-query";
import { SearchResults } from "./search-results";

/** Commissioners' search of published settings on the framework. Every filter lives in the address. */
export function FindSettingPage() {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const query = params.toString();
  const [formErrors, setFormErrors] = useState<{ errors: FormErrors<FilterField>; attempt: number }>();
  const search = useSettingSearch(query);
  const apiErrors =
    search.status === "error" && search.error instanceof ApiRequestError && search.error.error.code === ErrorCode.ValidationError
      ? filterErrorsFromIssues(search.error.error.issues ?? [])
      : undefined;
  const errors = formErrors?.errors ?? apiErrors;
  usePageTitle("Find a setting", { hasErrors: Boolean(errors) });

  function apply(filters: SearchFilters) {
    const next = paramsFromFilters(filters);
    const problems = checkFilters(next);
    if (problems) {
      setFormErrors((prev) => ({ errors: problems, attempt: (prev?.attempt ?? 0) + 1 }));
      return;
    }
    setFormErrors(undefined);
    void navigate(`${PAGE_PATHS.commissionerSearch}?${next.toString()}`);
  }

  const hrefForPage = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `${location.pathname}?${next.toString()}`;
  };
  const exportParams = new URLSearchParams(params);
  exportParams.delete("page");
  exportParams.delete("pageSize");

  return (
    <>
      {errors ? <ErrorSummary key={formErrors?.attempt ?? query} errors={errors.summary} /> : null}
      <h1 className="govuk-heading-l">Find a setting</h1>
      <p className="govuk-body">Published settings of providers admitted to the framework.</p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <SearchFiltersForm key={query} initial={filtersFromParams(params)} errors={errors} onApply={apply} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {search.status === "loading" ? <Loading what="settings" /> : null}
          {search.status === "error" && !apiErrors ? <QueryProblem what="settings" onRetry={search.retry} /> : null}
          {search.status === "error" && apiErrors ? <p className="govuk-body">Correct the filters to see settings.</p> : null}
          {search.status === "success" ? (
            <SearchResults
              result={search.data}
              near={params.get("near")?.toUpperCase() ?? null}
              band={params.get("band")}
              hrefForPage={hrefForPage}
              exportHref={settingsExportHref(exportParams.toString())}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
