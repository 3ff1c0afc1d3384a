import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import type { CohortComparison, InsightsTable } from "@shared/insights/contract";
import { PAGE_PATHS } from "@shared/page-paths";
import { useCohortComparison } from "../../api/insights";
import { useMe } from "../../api/session";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { Loading, QueryProblem } from "../../components/query-problem";
import type { SelectOption } from "../../components/select";
import { SubmitButton } from "../../components/submit-or-cancel";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { InsightsFilterFields } from "./insights-filter-fields";
import { queryErrorsOf, useCouncilOptions } from "./insights-filter-options";
import { formatCell, SUPPRESSED_MEANING } from "./insights-format";
import { checkCohorts, filterFromParams, type InsightsFilterState, putFilter } from "./insights-query";
import { lotText, periodText } from "./insights-report";
import { InsightsSubnav } from "./insights-subnav";
import { InsightsTableFigure } from "./insights-table-figure";

type Row = CohortComparison["rows"][number];
type Side = CohortComparison["a"];

const signed = (cell: Row["difference"], unit: Row["unit"]) => (typeof cell === "number" && cell > 0 ? `+${formatCell(cell, unit)}` : formatCell(cell, unit));

function intervalText(row: Row): string {
  if (!row.interval) return row.a === "[c]" || row.b === "[c]" ? "Not shown: a figure is [c]" : "Not enough placements (under 10 in a group)";
  const [low, high] = row.interval;
  return `${signed(low, row.unit)} to ${signed(high, row.unit)}`;
}

const sideText = (side: Side) =>
  [periodText(side.from, side.to), lotText(side.lot), side.council?.name ?? "all councils", side.highRiskOnly ? "high risk only" : null]
    .filter(Boolean)
    .join(", ");

/** Any two groups of placements side by side, with the difference and its 95% interval where both groups are big enough. */
export function ComparePage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const query = params.toString();
  // Each visit of the page (a link, Back, even to the same address) starts with a fresh form.
  const visit = useLocation().key;
  const councils = useCouncilOptions();
  const [formErrors, setFormErrors] = useState<{ errors: FormErrors<string>; attempt: number; visit: string }>();
  const comparison = useCohortComparison(query);
  const apiErrors = comparison.status === "error" ? queryErrorsOf(comparison.error, ["a", "b"]) : undefined;
  // The form's own errors belong to the visit they were made on: Back or "Clear filters" leaves them behind.
  const errors = (formErrors?.visit === visit ? formErrors.errors : undefined) ?? apiErrors;
  usePageTitle("Compare two groups of placements", { hasErrors: Boolean(errors) });

  function apply(a: InsightsFilterState, b: InsightsFilterState) {
    const next = putFilter(putFilter(new URLSearchParams(), a, "a"), b, "b");
    const problems = checkCohorts(next);
    if (problems) {
      setFormErrors((prev) => ({ errors: problems, attempt: (prev?.attempt ?? 0) + 1, visit }));
      return;
    }
    setFormErrors(undefined);
    void navigate(`${PAGE_PATHS.insightsCompare}?${next.toString()}`);
  }

  return (
    <>
      {errors ? <ErrorSummary key={formErrors?.visit === visit ? formErrors.attempt : visit} errors={errors.summary} /> : null}
      <span className="govuk-caption-l">{me.organisation?.name}</span>
      <h1 className="govuk-heading-l">Compare two groups of placements</h1>
      <InsightsSubnav />
      <p className="govuk-body">
        Choose the placements of each group. The difference is the second group’s figure minus the first’s; the 95% interval is shown only where each group has
        at least 10 placements.
      </p>
      <CompareForm key={visit} params={params} errors={errors} councils={councils} onApply={apply} />
      {comparison.status === "loading" ? <Loading what="the comparison" /> : null}
      {comparison.status === "error" && !apiErrors ? <QueryProblem what="the comparison" onRetry={comparison.retry} /> : null}
      {comparison.status === "error" && apiErrors ? <p className="govuk-body">Correct the filters to see the comparison.</p> : null}
      {comparison.status === "success" ? <ComparisonTable comparison={comparison.data} /> : null}
    </>
  );
}

/**
 * One figure of the comparison as a table of the two groups, so it is drawn like every other
 * figure: a bar per group beside the same numbers ([c] left out of the chart). Each figure has
 * its own chart because the figures have different units (placements, %, £, days, scores).
 */
const figureOf = (row: Row): InsightsTable => ({
  id: `compare-${row.key}`,
  title: row.label,
  description: `${row.label} in each group. The difference and its 95% interval are in the table above.`,
  chart: "bar",
  rowHeader: "Group",
  columns: [{ key: row.key, label: row.label, unit: row.unit }],
  rows: [
    { key: "a", label: "First group", cells: [row.a] },
    { key: "b", label: "Second group", cells: [row.b] },
  ],
  totals: null,
});

function ComparisonTable({ comparison }: { comparison: CohortComparison }) {
  return (
    <>
      <h2 className="govuk-heading-m">The two groups</h2>
      <Table
        caption="The two groups"
        captionSize="hidden"
        columns={["Group", "Which placements", { text: "Placements", numeric: true }]}
        rows={[
          { key: "a", header: "First group", cells: [sideText(comparison.a), formatCell(comparison.a.placements, "count")] },
          { key: "b", header: "Second group", cells: [sideText(comparison.b), formatCell(comparison.b.placements, "count")] },
        ]}
      />
      <div className="govuk-inset-text">{SUPPRESSED_MEANING}</div>
      <Table
        caption="How the two groups compare"
        captionSize="m"
        className="govuk-table--small-text-until-tablet"
        columns={[
          "Figure",
          { text: "First group", numeric: true },
          { text: "Second group", numeric: true },
          { text: "Difference", numeric: true },
          { text: "95% interval of the difference", numeric: true },
        ]}
        rows={comparison.rows.map((row) => ({
          key: row.key,
          header: row.label,
          cells: [formatCell(row.a, row.unit), formatCell(row.b, row.unit), signed(row.difference, row.unit), intervalText(row)],
        }))}
      />
      <h2 className="govuk-heading-m">Each figure as a chart</h2>
      {comparison.rows.map((row) => (
        <InsightsTableFigure key={row.key} table={figureOf(row)} headingLevel={3} />
      ))}
    </>
  );
}

function CompareForm({
  params,
  errors,
  councils,
  onApply,
}: {
  params: URLSearchParams;
  errors: FormErrors<string> | undefined;
  councils: SelectOption[];
  onApply(a: InsightsFilterState, b: InsightsFilterState): void;
}) {
  const [a, setA] = useState(() => filterFromParams(params, "a"));
  const [b, setB] = useState(() => filterFromParams(params, "b"));
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(a, b);
  }
  return (
    <form noValidate onSubmit={handleSubmit} aria-label="The two groups to compare">
      <div className="govuk-grid-row">
        {(
          [
            ["a", "First group", a, setA],
            ["b", "Second group", b, setB],
          ] as const
        ).map(([prefix, legend, state, setState]) => (
          <div key={prefix} className="govuk-grid-column-one-half">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
              <InsightsFilterFields prefix={prefix} state={state} onChange={setState} errors={errors} councils={councils} />
            </fieldset>
          </div>
        ))}
      </div>
      <div className="govuk-button-group">
        <SubmitButton>Compare</SubmitButton>
        <Link className="govuk-link" to={PAGE_PATHS.insights}>
          Back to the figures
        </Link>
      </div>
    </form>
  );
}
