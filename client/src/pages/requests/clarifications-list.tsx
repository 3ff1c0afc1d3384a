import type { ReactNode } from "react";
import type { Clarification } from "@shared/schemas/placement-requests";
import { formatTime, formatTimestampDate } from "../../lib/format-date";

const when = (iso: string) => `${formatTimestampDate(iso)} at ${formatTime(iso)}`;

interface ClarificationsListProps {
  clarifications: readonly Clarification[];
  /** What sits under an unanswered question: the council's answer form. */
  answerSlot?(clarification: Clarification): ReactNode;
  /** Before the list: a provider's form to ask. */
  children?: ReactNode;
}

/** Questions about the request and the council's answers; new ones arrive live. */
export function ClarificationsList({ clarifications, answerSlot, children }: ClarificationsListProps) {
  return (
    <section aria-labelledby="clarifications-heading">
      <h2 className="govuk-heading-m" id="clarifications-heading">
        Questions and answers
      </h2>
      {children}
      {clarifications.length === 0 ? <p className="govuk-body">No questions yet.</p> : null}
      {clarifications.map((c) => (
        <div key={c.id} className="govuk-summary-card" data-clarification-id={c.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              Question asked {when(c.askedAt)}
              {c.askedBy ? ` by ${c.askedBy}` : ""}
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body">{c.question}</p>
            {c.answer !== null ? (
              <div className="govuk-inset-text govuk-!-margin-bottom-0">
                <p className="govuk-body govuk-!-margin-bottom-1">
                  Answered {c.answeredAt ? when(c.answeredAt) : ""}
                  {c.visibility === "private" ? " to the provider who asked only" : " to every invited provider"}:
                </p>
                <p className="govuk-body govuk-!-margin-bottom-0">{c.answer}</p>
              </div>
            ) : (
              (answerSlot?.(c) ?? <p className="govuk-body govuk-!-margin-bottom-0">Not answered yet.</p>)
            )}
          </div>
        </div>
      ))}
    </section>
  );
}
