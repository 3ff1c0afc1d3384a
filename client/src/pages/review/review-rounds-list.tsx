import type { ReactNode } from "react";
import { Link } from "react-router";
import { useReviewRounds } from "../../api/review-rounds";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";

export const STATE_LABELS = { upcoming: "Not open yet", open: "Open", closed: "Closed" } as const;
export const STATE_TAGS = { upcoming: "govuk-tag--grey", open: "govuk-tag--green", closed: "govuk-tag--blue" } as const;

interface ReviewRoundsListProps {
  intro: string;
  pathFor(id: string): string;
  /** Below the list: the hub's form to open a round. */
  children?: ReactNode;
  hasErrors?: boolean;
}

/** The rounds this person can see, each linking to its page. */
export function ReviewRoundsList({ intro, pathFor, children, hasErrors = false }: ReviewRoundsListProps) {
  const rounds = useReviewRounds();
  usePageTitle("Review rounds", { hasErrors });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Review rounds</h1>
        <p className="govuk-body">{intro}</p>
        <QueryView query={rounds} what="the review rounds" empty="There are no review rounds yet.">
          {(data) => (
            <ul className="govuk-list govuk-list--spaced">
              {data.map((round) => (
                <li key={round.id}>
                  <Link className="govuk-link govuk-link--no-visited-state" to={pathFor(round.id)}>
                    {round.title}
                  </Link>{" "}
                  <strong className={`govuk-tag ${STATE_TAGS[round.state]}`}>{STATE_LABELS[round.state]}</strong>
                  <br />
                  <span className="govuk-body-s">
                    {round.summary} Closes {formatTimestampDate(round.closesAt)}.
                  </span>
                </li>
              ))}
            </ul>
          )}
        </QueryView>
        {children}
      </div>
    </div>
  );
}
