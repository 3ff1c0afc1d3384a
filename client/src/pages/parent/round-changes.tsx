import { Link } from "react-router";
import type { ReviewRoundChanges } from "@shared/schemas/review-rounds";
import { useReviewRoundChanges } from "../../api/review-rounds";
import { QueryView } from "../../components/query-view";
import { formatTimestampDate } from "../../lib/format-date";
import { parentReviewRoundPath, publicReviewSummaryPath } from "../../lib/paths";
import { STATE_LABELS, STATE_TAGS } from "../review/review-rounds-list";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Rounds still running, and closed ones with news the member has not seen. */
const worthShowing = (c: ReviewRoundChanges) =>
  c.round.state !== "closed" || c.closedSinceLastVisit || c.newThemes > 0 || c.changedThemes > 0 || c.newComments > 0;

function whatChanged(c: ReviewRoundChanges): string[] {
  const since = c.lastVisitAt ? "since your last visit" : "from other members";
  return [
    c.newComments > 0 ? `${count(c.newComments, "new comment", "new comments")} ${since}` : "",
    c.newThemes > 0 ? `${count(c.newThemes, "new theme", "new themes")} in “You said, we did”` : "",
    c.changedThemes > 0 ? `${count(c.changedThemes, "theme", "themes")} in “You said, we did” changed or answered` : "",
  ].filter(Boolean);
}

const STATE_LINES = {
  upcoming: (c: ReviewRoundChanges) => `Opens on ${formatTimestampDate(c.round.opensAt)}.`,
  open: (c: ReviewRoundChanges) => `Open until ${formatTimestampDate(c.round.closesAt)}.`,
  closed: (c: ReviewRoundChanges) => `Closed on ${formatTimestampDate(c.round.closesAt)}.`,
};

function RoundChangeItem({ changes }: { changes: ReviewRoundChanges }) {
  const { round, lastVisitAt } = changes;
  const lines = whatChanged(changes);
  return (
    <li>
      <Link className="govuk-link govuk-link--no-visited-state" to={parentReviewRoundPath(round.id)}>
        {round.title}
      </Link>{" "}
      <strong className={`govuk-tag ${STATE_TAGS[round.state]}`}>{STATE_LABELS[round.state]}</strong>
      <br />
      <span className="govuk-body-s">
        {STATE_LINES[round.state](changes)} {lastVisitAt ? `You last opened it on ${formatTimestampDate(lastVisitAt)}.` : "You have not opened it yet."}
      </span>
      {lines.length > 0 ? (
        <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-1">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="govuk-body-s govuk-!-margin-bottom-0">Nothing new {lastVisitAt ? "since your last visit" : "yet"}.</p>
      )}
      {changes.closedSinceLastVisit ? (
        <p className="govuk-body-s">
          It has closed since your last visit.{" "}
          <Link className="govuk-link" to={publicReviewSummaryPath(round.id)}>
            Read what forums said and what the hub did<span className="govuk-visually-hidden"> in {round.title}</span>
          </Link>
        </p>
      ) : null}
    </li>
  );
}

/** A panel member's review rounds, each with what other people added since they last opened it. */
export function RoundChanges() {
  const changes = useReviewRoundChanges();
  return (
    <section aria-labelledby="your-rounds-heading">
      <h2 className="govuk-heading-m" id="your-rounds-heading">
        Your review rounds
      </h2>
      <QueryView
        query={changes}
        what="your review rounds"
        empty="Your forum is not taking part in a review round at the moment."
        isEmpty={(data) => data.filter(worthShowing).length === 0}
      >
        {(data) => (
          <ul className="govuk-list govuk-list--spaced">
            {data.filter(worthShowing).map((c) => (
              <RoundChangeItem key={c.round.id} changes={c} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
