import { Link, useParams } from "react-router";
import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { usePublicReviewRounds, usePublicReviewSummary } from "../../api/review-rounds";
import { formatTimestampDate } from "../../components/format-date";
import { isNotFound } from "../../components/not-found-error";
import { publicReviewSummaryPath } from "../../components/paths";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";
import { averageText } from "../review/criterion-rating";
import { NotFoundPage } from "./not-found-page";

/** What Parent Carer Forums said in a closed round and what the hub did: no sign-in, never who said what. */
export function ReviewSummaryPage() {
  const { id = "" } = useParams();
  const summary = usePublicReviewSummary(id);
  usePageTitle(summary.status === "success" ? summary.data.title : "Review round summary");
  if (summary.status === "loading") return <Loading what="the summary" />;
  if (summary.status === "error") return isNotFound(summary.error) ? <NotFoundPage /> : <QueryProblem what="the summary" onRetry={summary.retry} />;
  const round = summary.data;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={PAGE_PATHS.publicReviewSummaries}>
          All closed review rounds
        </Link>
        <span className="govuk-caption-l">You said, we did</span>
        <h1 className="govuk-heading-l">{round.title}</h1>
        <p className="govuk-body-l">{round.summary}</p>
        <p className="govuk-body">
          Closed on {formatTimestampDate(round.closedAt)}. Parent Carer Forums taking part: {round.forums.join(", ")}.
        </p>
        <h2 className="govuk-heading-m">What forums said, and what we did</h2>
        {round.themes.length === 0 ? <p className="govuk-body">The hub has not published any themes for this round.</p> : null}
        {round.themes.map((theme) => (
          <div key={theme.title} className="govuk-summary-card">
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title">{theme.title}</h3>
            </div>
            <div className="govuk-summary-card__content">
              <p className="govuk-body">{theme.answer}</p>
              <p className="govuk-body-s">
                From {theme.comments} {theme.comments === 1 ? "comment" : "comments"}
              </p>
            </div>
          </div>
        ))}
        {round.proposals.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Votes on proposals</h2>
            <table className="govuk-table">
              <caption className="govuk-table__caption govuk-visually-hidden">Votes on proposals</caption>
              <thead className="govuk-table__head">
                <tr className="govuk-table__row">
                  <th scope="col" className="govuk-table__header">Proposal</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">For</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Against</th>
                  <th scope="col" className="govuk-table__header govuk-table__header--numeric">Abstain</th>
                </tr>
              </thead>
              <tbody className="govuk-table__body">
                {round.proposals.map((p) => (
                  <tr key={p.title} className="govuk-table__row">
                    <th scope="row" className="govuk-table__header">{p.title}</th>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{p.totals.for}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{p.totals.against}</td>
                    <td className="govuk-table__cell govuk-table__cell--numeric">{p.totals.abstain}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {round.criteria.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Ratings of quality criteria</h2>
            <dl className="govuk-summary-list">
              {round.criteria.map((c) => (
                <div key={c.name} className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{c.name}</dt>
                  <dd className="govuk-summary-list__value">{averageText(c.averageRating, c.ratings)}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
      </div>
    </div>
  );
}

/** Closed rounds, newest first as the server sends them. */
export function ReviewSummariesPage() {
  const rounds = usePublicReviewRounds();
  usePageTitle("Review rounds: you said, we did");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Review rounds: you said, we did</h1>
        <p className="govuk-body">What Parent Carer Forums said about the framework, and what the regional hubs did about it.</p>
        {rounds.status === "loading" ? <Loading what="the review rounds" /> : null}
        {rounds.status === "error" ? <QueryProblem what="the review rounds" onRetry={rounds.retry} /> : null}
        {rounds.status === "success" && rounds.data.length === 0 ? <p className="govuk-body">No review rounds have closed yet.</p> : null}
        {rounds.status === "success" && rounds.data.length > 0 ? (
          <ul className="govuk-list govuk-list--spaced">
            {rounds.data.map((r) => (
              <li key={r.id}>
                <Link className="govuk-link" to={publicReviewSummaryPath(r.id)}>
                  {r.title}
                </Link>
                , closed {formatTimestampDate(r.closedAt)}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
