import { type FormEvent, useState } from "react";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { invoicesCsvHref, useInvoices } from "../../api/payments";
import { usePlacements } from "../../api/placements";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { MonthYearInput } from "../../components/month-year-input";
import { Loading, QueryProblem } from "../../components/query-problem";
import { Select, type SelectOption } from "../../components/select";
import { SubmitButton } from "../../components/submit-or-cancel";
import { formatDate } from "../../lib/format-date";
import { checkFilter, errorsFromQueryError, FILTER_IDS, filterFromParams, type InvoiceFilterState, paramsFromFilter, STATUS_OPTIONS } from "./invoice-filters";
import { InvoiceTable, type InvoiceViewer } from "./invoice-table";
import { InvoiceTotals } from "./invoice-totals";

type Errors = FormErrors<keyof typeof FILTER_IDS>;

/** The placements to filter by: the council's named by the child's reference (its own view), the provider's by setting and start. */
function PlacementSelect({ value, onChange, error }: { value: string; onChange(value: string): void; error: string | undefined }) {
  const placements = usePlacements();
  const options: SelectOption[] = [{ value: "", label: "All placements" }];
  if (placements.status === "success") {
    const list = placements.data;
    if (list.viewer === "council") options.push(...list.data.map((p) => ({ value: p.id, label: `${p.childReference} at ${p.settingName}` })));
    else options.push(...list.data.map((p) => ({ value: p.id, label: `${p.settingName}, from ${formatDate(p.startDate)}` })));
  }
  return <Select id={FILTER_IDS.placementId} label="Placement" labelSize="s" options={options} value={value} onChange={onChange} error={error} />;
}

/**
 * Invoices filtered by month, placement and status, with their totals and the CSV. The filters
 * live in the address, so a link shares the view and Back works; the hub has no placement filter
 * (its list of placements would be every child in the region).
 */
export function InvoicesBrowser({ viewer, level, caption }: { viewer: InvoiceViewer; level: 1 | 2; caption?: string | undefined }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const query = params.toString();
  // Each visit of the page (a link, Back) starts with a fresh form and leaves the last one's errors behind.
  const visit = useLocation().key;
  const [formErrors, setFormErrors] = useState<{ errors: Errors; attempt: number; visit: string }>();
  const invoices = useInvoices(query);
  const apiErrors = invoices.status === "error" ? errorsFromQueryError(invoices.error) : undefined;
  const errors = (formErrors?.visit === visit ? formErrors.errors : undefined) ?? apiErrors;
  // The council's page is its invoices (their h1); the provider's and the hub's have them as a section.
  const Heading = level === 1 ? "h1" : "h2";
  const SubHeading = level === 1 ? "h2" : "h3";

  function apply(state: InvoiceFilterState) {
    const next = paramsFromFilter(state);
    const problems = checkFilter(next);
    if (problems) {
      setFormErrors((prev) => ({ errors: problems, attempt: (prev?.attempt ?? 0) + 1, visit }));
      return;
    }
    setFormErrors(undefined);
    const search = next.toString();
    void navigate(search ? `${PAGE_PATHS.payments}?${search}` : PAGE_PATHS.payments);
  }

  return (
    <section aria-labelledby="invoices-heading">
      {errors ? <ErrorSummary key={formErrors?.visit === visit ? formErrors.attempt : visit} errors={errors.summary} /> : null}
      {caption ? <span className="govuk-caption-l">{caption}</span> : null}
      <Heading className="govuk-heading-l" id="invoices-heading">
        Invoices
      </Heading>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <FilterForm key={visit} initial={filterFromParams(params)} errors={errors} placements={viewer !== "hub"} heading={SubHeading} onApply={apply} />
        </div>
        <div className="govuk-grid-column-two-thirds">
          {invoices.status === "loading" ? <Loading what="the invoices" /> : null}
          {invoices.status === "error" && !apiErrors ? <QueryProblem what="the invoices" onRetry={invoices.retry} /> : null}
          {invoices.status === "error" && apiErrors ? <p className="govuk-body">Correct the filters to see the invoices.</p> : null}
          {invoices.status === "success" ? (
            <>
              <SubHeading className="govuk-heading-m">Totals</SubHeading>
              <InvoiceTotals totals={invoices.data.totals} levy={viewer === "hub"} />
              <p className="govuk-body">
                <a className="govuk-link" href={invoicesCsvHref(query)} download>
                  Download CSV for your finance system
                </a>
              </p>
            </>
          ) : null}
        </div>
      </div>
      {invoices.status === "success" ? (
        <InvoiceTable
          invoices={invoices.data.data}
          viewer={viewer}
          caption={query ? "Invoices matching the filters" : "All invoices"}
          empty={query ? "No invoices match the filters." : "No invoices yet."}
        />
      ) : null}
    </section>
  );
}

function FilterForm({
  initial,
  errors,
  placements,
  heading: Heading,
  onApply,
}: {
  initial: InvoiceFilterState;
  errors: Errors | undefined;
  placements: boolean;
  heading: "h2" | "h3";
  onApply(state: InvoiceFilterState): void;
}) {
  const [state, setState] = useState(initial);
  const set =
    <K extends keyof InvoiceFilterState>(key: K) =>
    (value: InvoiceFilterState[K]) =>
      setState({ ...state, [key]: value });
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply(state);
  }
  return (
    <form noValidate onSubmit={handleSubmit} aria-labelledby="invoice-filters-heading">
      <Heading className="govuk-heading-m" id="invoice-filters-heading">
        Filter invoices
      </Heading>
      <MonthYearInput
        id={FILTER_IDS.month}
        legend="Month billed"
        hint="The month the period starts in, for example 4 2026"
        value={state.month}
        onChange={set("month")}
        error={errors?.fields.month}
      />
      {placements ? <PlacementSelect value={state.placementId} onChange={set("placementId")} error={errors?.fields.placementId} /> : null}
      <Select
        id={FILTER_IDS.status}
        label="Status"
        labelSize="s"
        options={STATUS_OPTIONS}
        value={state.status}
        onChange={set("status")}
        error={errors?.fields.status}
      />
      <div className="govuk-button-group">
        <SubmitButton secondary>Apply filters</SubmitButton>
        <Link className="govuk-link" to={PAGE_PATHS.payments}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
