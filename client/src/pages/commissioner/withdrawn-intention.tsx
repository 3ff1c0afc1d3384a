import type { RequestView } from "@shared/schemas/placement-requests";
import { formatDateTime } from "../../lib/format-date";

/**
 * The last intention to award that the council withdrew: who, when and why, so a colleague
 * opening the request sees why it is waiting for an award again. Providers read the same reason
 * on their page, told that the council withdrew it (not who).
 */
export function WithdrawnIntention({ view }: { view: RequestView }) {
  const { request } = view;
  if (view.award || !request.intentionWithdrawnAt) return null;
  const who = request.intentionWithdrawnBy ?? "Someone at your council";
  return (
    <section aria-labelledby="withdrawn-intention-heading">
      <h2 className="govuk-heading-m" id="withdrawn-intention-heading">
        Intention to award withdrawn
      </h2>
      <p className="govuk-body">
        {who} withdrew the intention to award on {formatDateTime(request.intentionWithdrawnAt)}. Every provider that offered was told, with the reason.
      </p>
      <div className="govuk-inset-text">
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reason for withdrawing</p>
        <p className="govuk-body govuk-!-margin-bottom-0">{request.intentionWithdrawnReason}</p>
      </div>
    </section>
  );
}
