import { Link } from "react-router";
import { formatPence } from "@shared/money";
import type { AwardView, RequestView } from "@shared/schemas/placement-requests";
import { standstillEndInWords } from "@shared/tenders/standstill";
import { SummaryList } from "../../components/summary-list";
import { WarningText } from "../../components/warning-text";
import { formatDate, formatDateTime } from "../../lib/format-date";
import { providerAwardLetterPath } from "../../lib/paths";
import { EvaluationTable } from "../requests/evaluation-table";
import { PlacementSummary } from "../requests/placement-summary";

/** The winner's next steps once the award is confirmed: who to contact, what was agreed, the letter to print. */
function NextSteps({ view, steps }: { view: RequestView; steps: NonNullable<AwardView["nextSteps"]> }) {
  return (
    <>
      <h3 className="govuk-heading-s">Next steps</h3>
      <p className="govuk-body">
        Contact {steps.councilName} to agree the child’s move to {steps.settingName}. Quote the request’s reference, {view.request.reference}.
      </p>
      <SummaryList
        rows={[
          { key: "Request reference", value: view.request.reference },
          { key: "Council", value: steps.councilName },
          { key: "Council’s e-mail", value: steps.contactEmail ?? "Not given: use the request’s questions, or ask the council’s commissioners" },
          { key: "Council’s phone", value: steps.contactPhone ?? "Not given" },
          { key: "Agreed weekly fee", value: formatPence(steps.weeklyFeePence) },
          { key: "Start date", value: formatDate(steps.startDate) },
        ]}
      />
      <p className="govuk-body">
        <Link className="govuk-link" to={providerAwardLetterPath(view.request.id)}>
          Read and print the award letter
        </Link>
      </p>
    </>
  );
}

/** During the standstill: what the intention means for this provider, and when it ends. */
function Standstill({ award }: { award: AwardView }) {
  const ends = standstillEndInWords(award.standstillEndsAt);
  return (
    <WarningText>
      {award.yours
        ? `This is an intention to award, not yet the award. The standstill period ends at ${ends}; the council confirms the award after that. Do not make arrangements for the placement before then.`
        : `The council intends to award the placement to ${award.successfulProviderName}. The standstill period ends at ${ends}: if you have concerns about the decision, raise them with the council before then.`}
    </WarningText>
  );
}

/** From the intention to award: whether this provider's offer was successful, the council's reasons, its own scores, and the winner's next steps. */
export function RequestOutcome({ view }: { view: RequestView }) {
  const { award, request, placement } = view;
  if (!award) {
    return request.intentionWithdrawnAt ? (
      <div className="govuk-inset-text">
        The council withdrew its intention to award on {formatDateTime(request.intentionWithdrawnAt)}: {request.intentionWithdrawnReason}. You will be told the
        outcome.
      </div>
    ) : null;
  }
  const confirmed = award.confirmedAt !== null;
  return (
    <section aria-labelledby="outcome-heading">
      <h2 className="govuk-heading-m" id="outcome-heading">
        {confirmed ? "Outcome" : "Intention to award"}: {award.yours ? "your offer was successful" : "your offer was not successful"}
      </h2>
      {confirmed ? null : <Standstill award={award} />}
      {confirmed && !award.yours ? <p className="govuk-body">The placement was awarded to {award.successfulProviderName}.</p> : null}
      <div className="govuk-inset-text">
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">The council’s reasons</p>
        <p className="govuk-body govuk-!-margin-bottom-0">{award.reasons}</p>
      </div>
      {award.nextSteps ? <NextSteps view={view} steps={award.nextSteps} /> : null}
      {view.evaluation.length > 0 ? (
        <>
          <EvaluationTable rows={view.evaluation} criteria={request.criteria} weights={request.weights} caption="Your scores" />
          <p className="govuk-body">
            Your price score compares your weekly fee with the lowest offered. It is shown as a range, and your total with it, so that no provider can work out
            another’s price from its scores. Your rank and your quality scores are exact.
          </p>
        </>
      ) : null}
      {placement ? <PlacementSummary placement={placement} /> : null}
    </section>
  );
}
