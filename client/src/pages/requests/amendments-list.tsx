import type { Amendment } from "@shared/schemas/placement-requests";
import { formatDateTime, formatTimestampDate } from "../../lib/format-date";

/** What one amendment changed, a sentence each, as invited providers read it. */
function changeLines(a: Amendment): string[] {
  return [
    ...(a.deadline ? [`Deadline extended from ${formatDateTime(a.deadline.from)} to ${formatDateTime(a.deadline.to)}.`] : []),
    ...(a.questionsCloseAt ? [`Questions now close at ${formatDateTime(a.questionsCloseAt.to)} (before: ${formatDateTime(a.questionsCloseAt.from)}).`] : []),
    ...a.criteria.map((c) => `Criterion reworded from “${c.from}” to “${c.to}”.`),
    ...(a.note ? [`Note: ${a.note}`] : []),
  ];
}

/** Every amendment of the request, numbered, oldest first; a new one arrives live. Nothing here is about any offer. */
export function AmendmentsList({ amendments }: { amendments: readonly Amendment[] }) {
  if (amendments.length === 0) return null;
  return (
    <section aria-labelledby="amendments-heading">
      <h2 className="govuk-heading-m" id="amendments-heading">
        Amendments
      </h2>
      <ol className="govuk-list">
        {amendments.map((a) => (
          <li key={a.number} className="govuk-inset-text govuk-!-margin-top-0" data-amendment={a.number}>
            <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
              Amendment {a.number}, amended on {formatTimestampDate(a.amendedAt)}
            </h3>
            {changeLines(a).map((line) => (
              <p key={line} className="govuk-body govuk-!-margin-bottom-1">
                {line}
              </p>
            ))}
            <p className="govuk-body govuk-!-margin-bottom-0">Why: {a.reason}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
