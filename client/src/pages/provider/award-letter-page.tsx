import { useCallback } from "react";
import { Link, useParams } from "react-router";
import { formatPence } from "@shared/money";
import type { RequestView } from "@shared/schemas/placement-requests";
import { fetchRequestView } from "../../api/placement-requests";
import { useApiQuery } from "../../api/use-api-query";
import { QueryView } from "../../components/query-view";
import { SummaryList } from "../../components/summary-list";
import { usePageTitle } from "../../components/use-page-title";
import { formatDate, formatTimestampDate } from "../../lib/format-date";
import { providerRequestPath } from "../../lib/paths";

/** The letter itself: what was awarded, at what fee, from when, and whom to contact. */
function AwardLetter({ view }: { view: RequestView }) {
  const { award, request, placement } = view;
  const steps = award?.nextSteps;
  if (!award?.confirmedAt || !steps || !placement) {
    return (
      <>
        <h1 className="govuk-heading-l">Award letter</h1>
        <p className="govuk-body">There is no award letter for this request: the council has not confirmed an award to your offer.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={providerRequestPath(request.id)}>
            Back to the request
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <p className="govuk-body govuk-!-display-none-print">
        <Link className="govuk-back-link" to={providerRequestPath(request.id)}>
          Back to the request
        </Link>
      </p>
      <span className="govuk-caption-l">{steps.councilName}</span>
      <h1 className="govuk-heading-l">Award letter: placement request {request.reference}</h1>
      <p className="govuk-body">Date of award: {formatTimestampDate(award.confirmedAt)}</p>
      <p className="govuk-body">
        {steps.councilName} awards placement request {request.reference} to {placement.organisationName}, for a placement at {steps.settingName}, under an
        Individual Placement Agreement on the terms of the regional framework.
      </p>
      <SummaryList
        rows={[
          { key: "Request reference", value: request.reference },
          { key: "Provider", value: placement.organisationName },
          { key: "Setting", value: steps.settingName },
          { key: "Agreed weekly fee", value: formatPence(steps.weeklyFeePence) },
          { key: "Start date", value: formatDate(steps.startDate) },
          { key: "Review dates", value: placement.reviewDates.map(formatDate).join(", ") || "None" },
          { key: "Council", value: steps.councilName },
          { key: "Council’s e-mail", value: steps.contactEmail ?? "Not given" },
          { key: "Council’s phone", value: steps.contactPhone ?? "Not given" },
        ]}
      />
      <h2 className="govuk-heading-m">The council’s reasons</h2>
      <p className="govuk-body">{award.reasons}</p>
      <h2 className="govuk-heading-m">What happens next</h2>
      <p className="govuk-body">
        Contact the council to agree the child’s move and the first review. Quote reference {request.reference} in every letter, e-mail and invoice. The child
        is named only in the council’s own records, never in this letter.
      </p>
      <button type="button" className="govuk-button govuk-!-display-none-print" data-module="govuk-button" onClick={() => window.print()}>
        Print this letter
      </button>
    </>
  );
}

/** A print-friendly award letter for the winning provider, once the award is confirmed (`/provider/requests/:id/award-letter`). */
export function AwardLetterPage() {
  const { id = "" } = useParams();
  usePageTitle("Award letter");
  const load = useCallback((signal: AbortSignal) => fetchRequestView(id, signal), [id]);
  const query = useApiQuery(load);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <QueryView query={query} what="the award letter">
          {(view) => <AwardLetter view={view} />}
        </QueryView>
      </div>
    </div>
  );
}
