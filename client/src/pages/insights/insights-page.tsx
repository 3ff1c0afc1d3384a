import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { insightsCsvHref, useInsights } from "../../api/insights";
import { useMe } from "../../api/session";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { Loading, QueryProblem } from "../../components/query-problem";
import type { SelectOption } from "../../components/select";
import { SubmitButton } from "../../components/submit-or-cancel";
import { usePageTitle } from "../../components/use-page-title";
import { InsightsFilterFields } from "./insights-filter-fields";
import { queryErrorsOf, useCouncilOptions } from "./insights-filter-options";
import { checkFilter, filterFromParams, type InsightsFilterState, putFilter } from "./insights-query";
import { InsightsReportView } from "./insights-report";
import { InsightsSubnav } from "./insights-subnav";

/** The regional insights for the hub and commissioners. Every filter lives in the address, so a link shares the view and Back works. */
export function InsightsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const query = params.toString();
  // Each visit of the page (a link, Back, even to the same address) starts with a fresh form.
  const visit = useLocation().key;
  const councils = useCouncilOptions();
  const [formErrors, setFormErrors] = useState<{ errors: FormErrors<string>; attempt: number; visit: string }>();
  const report = useInsights(query);
  const apiErrors = report.status === "error" ? queryErrorsOf(report.error, [""]) : undefined;
  // The form's own errors belong to the visit they were made on: Back or "Clear filters" leaves them behind.
  const errors = (formErrors?.visit === visit ? formErrors.errors : undefined) ?? apiErrors;
  usePageTitle("Placement insights", { hasErrors: Boolean(errors) });

  function apply(state: InsightsFilterState) {
    const next = putFilter(new URLSearchParams(), state);
    const problems = checkFilter(next);
    if (problems) {
      setFormErrors((prev) => ({ errors: problems, attempt: (prev?.attempt ?? 0) + 1, visit }));
      return;
    }
    setFormErrors(undefined);
    void navigate(`${PAGE_PATHS.insights}?${next.toString()}`);
  }

  // The comparison starts from these filters as its first group.
  const compareQuery = putFilter(new URLSearchParams(), filterFromParams(params), "a");

  return (
    <>
      {errors ? <ErrorSummary key={formErrors?.visit === visit ? formErrors.attempt : visit} errors={errors.summary} /> : null}
      <span className="govuk-caption-l">{me.organisation?.name}</span>
      <h1 className="govuk-heading-l">Placement insights</h1>
      <InsightsSubnav />
      <p className="govuk-body">
        What the region’s placements have in common: their risks, fees, how long they took to place, which broke down, and how children’s outcomes changed.
        {me.user.role === "commissioner" ? " You see the region’s figures, and your own council’s when you choose it." : null}
      </p>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <FilterForm key={visit} initial={filterFromParams(params)} errors={errors} councils={councils} onApply={apply} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {report.status === "loading" ? <Loading what="the figures" /> : null}
          {report.status === "error" && !apiErrors ? <QueryProblem what="the figures" onRetry={report.retry} /> : null}
          {report.status === "error" && apiErrors ? <p className="govuk-body">Correct the filters to see the figures.</p> : null}
          {report.status === "success" ? (
            <>
              <p className="govuk-body">
                <Link className="govuk-link" to={`${PAGE_PATHS.insightsCompare}?${compareQuery.toString()}`}>
                  Compare these placements with another group
                </Link>
              </p>
              <InsightsReportView report={report.data} csvHref={insightsCsvHref(query)} />
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}

function FilterForm({
  initial,
  errors,
  councils,
  onApply,
}: {
  initial: InsightsFilterState;
  errors: FormErrors<string> | undefined;
  councils: SelectOption[];
  onApply(state: InsightsFilterState): void;
}) {
  const [state, setState] = useState(initial);
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(state);
  }
  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="filters-heading">
      <h2 className="govuk-heading-m" id="filters-heading">
        Filter placements
      </h2>
      <InsightsFilterFields state={state} onChange={setState} errors={errors} councils={councils} />
      <div className="govuk-button-group">
        <SubmitButton secondary>Apply filters</SubmitButton>
        <Link className="govuk-link" to={PAGE_PATHS.insights}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
