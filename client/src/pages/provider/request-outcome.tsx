import type { RequestView } from "@shared/schemas/placement-requests";
import { EvaluationTable } from "../requests/evaluation-table";
import { PlacementSummary } from "../requests/placement-summary";

/** After the award: whether this provider won, the council's reasons, its own scores, and the placement if it won. */
export function RequestOutcome({ view }: { view: RequestView }) {
  const { award, request, placement } = view;
  if (!award) return null;
  return (
    <section aria-labelledby="outcome-heading">
      <h2 className="govuk-heading-m" id="outcome-heading">
        Outcome: {award.yours ? "your offer was successful" : "your offer was not successful"}
      </h2>
      <div className="govuk-inset-text">
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">The council’s reasons</p>
        <p className="govuk-body govuk-!-margin-bottom-0">{award.reasons}</p>
      </div>
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
