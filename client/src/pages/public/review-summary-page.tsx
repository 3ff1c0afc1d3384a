import { Link, useParams } from "react-router";
import type { z } from "zod";
import { PAGE_PATHS } from "@shared/page-paths";
import type { PublicReviewSummarySchema } from "@shared/schemas/review-rounds";
import { usePublicReviewRounds, usePublicReviewSummary } from "../../api/review-rounds";
import { QueryView } from "../../components/query-view";
import { SummaryCard, SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";
import { publicReviewSummaryPath } from "../../lib/paths";
import { averageText } from "../review/criterion-rating";
import { NotFoundPage } from "./not-found-page";

/** What Parent Carer Forums said in a closed round and what the hub did: no sign-in, never who said what. */
export function ReviewSummaryPage() {
  const { id = "" } = useParams();
  const summary = usePublicReviewSummary(id);
  usePageTitle(summary.status === "success" ? summary.data.title : "Review round summary");
  return (
    <QueryView query={summary} what="the summary" notFound={<NotFoundPage />}>
      {(round) => <ReviewSummary round={round} />}
    </QueryView>
  );
}

function ReviewSummary({ round }: { round: z.infer<typeof PublicReviewSummarySchema>["data"] }) {
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
          <SummaryCard key={theme.title} headingLevel={3} title={theme.title}>
            <p className="govuk-body">{theme.answer}</p>
            <p className="govuk-body-s">
              From {theme.comments} {theme.comments === 1 ? "comment" : "comments"}
            </p>
          </SummaryCard>
        ))}
        {round.proposals.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Votes on proposals</h2>
            <Table
              caption="Votes on proposals"
              captionSize="hidden"
              columns={["Proposal", ...["For", "Against", "Abstain"].map((text) => ({ text, numeric: true }))]}
              rows={round.proposals.map((p) => ({ key: p.title, header: p.title, cells: [p.totals.for, p.totals.against, p.totals.abstain] }))}
            />
          </>
        ) : null}
        {round.criteria.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Ratings of quality criteria</h2>
            <SummaryList rows={round.criteria.map((c) => ({ key: c.name, value: averageText(c.averageRating, c.ratings) }))} />
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
        <QueryView query={rounds} what="the review rounds" empty="No review rounds have closed yet.">
          {(data) => (
            <ul className="govuk-list govuk-list--spaced">
              {data.map((r) => (
                <li key={r.id}>
                  <Link className="govuk-link" to={publicReviewSummaryPath(r.id)}>
                    {r.title}
                  </Link>
                  , closed {formatTimestampDate(r.closedAt)}
                </li>
              ))}
            </ul>
          )}
        </QueryView>
      </div>
    </div>
  );
}
