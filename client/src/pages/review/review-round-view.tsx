import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router";
import type { ReviewTotals } from "@shared/events";
import type { ReviewComment, ReviewRound } from "@shared/schemas/review-rounds";
import { recordVisit, useReviewRound } from "../../api/review-rounds";
import { LiveStatusNotice } from "../../components/live-status-notice";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { formatTimestampDate } from "../../lib/format-date";
import { useReviewLive } from "../../realtime/use-review-live";
import { NotFoundPage } from "../public/not-found-page";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { CriterionRating } from "./criterion-rating";
import { ProposalVote } from "./proposal-vote";
import { SectionText } from "./section-text";
import { ThemeCards } from "./theme-cards";

interface ReviewRoundViewProps {
  id: string;
  /** The regional hub: hides comments and answers themes; panel members comment, vote and rate. */
  admin: boolean;
  backTo: string;
}

export function ReviewRoundView({ id, admin, backTo }: ReviewRoundViewProps) {
  const query = useReviewRound(id);
  return (
    <QueryView query={query} what="the review round" notFound={<NotFoundPage />}>
      {(data) => <LiveRound key={id} initial={data} admin={admin} backTo={backTo} reload={query.reload} />}
    </QueryView>
  );
}

const withTotals = (round: ReviewRound, totals: ReviewTotals): ReviewRound => ({
  ...round,
  proposals: round.proposals.map((p) => ({ ...p, totals: totals.proposals.find((t) => t.id === p.id)?.totals ?? p.totals })),
  criteria: round.criteria.map((c) => {
    const live = totals.criteria.find((t) => t.id === c.id);
    return live ? { ...c, averageRating: live.averageRating, ratings: live.ratings } : c;
  }),
});

/** Adds a new comment, or replaces one the hub hid or restored. Keeps "mine" as this person saw it. */
const withComment = (round: ReviewRound, comment: ReviewComment): ReviewRound => {
  const existing = round.comments.find((c) => c.id === comment.id);
  if (!existing) return { ...round, comments: [...round.comments, comment] };
  const merged = { ...comment, mine: existing.mine || comment.mine, body: comment.body ?? (comment.hidden && existing.mine ? existing.body : comment.body) };
  return { ...round, comments: round.comments.map((c) => (c.id === comment.id ? merged : c)) };
};

function LiveRound({ initial, admin, backTo, reload }: { initial: ReviewRound; admin: boolean; backTo: string; reload(): Promise<void> }) {
  const [round, setRound] = useState(initial);
  // "You opened the round …" when the hub arrives from the form that opened it.
  const arrivedWith = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState(arrivedWith);
  usePageTitle(round.title);
  // A fresh answer from the server (after a reload) replaces what is shown.
  const [seen, setSeen] = useState(initial);
  if (seen !== initial) {
    setSeen(initial);
    setRound(initial);
  }
  // A panel member's "since your last visit" counts from when they last had the page open:
  // marked on arrival (if the tab is closed) and on leaving (they saw live updates meanwhile).
  useEffect(() => {
    if (admin) return;
    void recordVisit(initial.id);
    return () => void recordVisit(initial.id);
  }, [admin, initial.id]);
  useReviewLive(round.id, {
    onTotals: (totals) => setRound((current) => withTotals(current, totals)),
    onComment: (comment) => setRound((current) => withComment(current, comment)),
  });
  const open = round.state === "open";
  const takePart = !admin && open;
  const changed = (comment: ReviewComment) => setRound((current) => withComment(current, comment));

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={backTo}>
          All review rounds
        </Link>
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <LiveStatusNotice />
        <span className="govuk-caption-l">Review round</span>
        <h1 className="govuk-heading-l">{round.title}</h1>
        <p className="govuk-body-l">{round.summary}</p>
        <p className="govuk-body">
          {open
            ? `Open until ${formatTimestampDate(round.closesAt)}`
            : round.state === "closed"
              ? `Closed on ${formatTimestampDate(round.closesAt)}`
              : `Opens on ${formatTimestampDate(round.opensAt)}`}
          . Taking part: {round.forums.map((f) => f.name).join(", ")}.
        </p>

        <h2 className="govuk-heading-l">The document</h2>
        {round.sections.map((section) => {
          const comments = round.comments.filter((c) => c.sectionId === section.id);
          return (
            <section key={section.id} className="govuk-!-margin-bottom-8" aria-labelledby={`section-${section.id}`}>
              <h2 className="govuk-heading-m" id={`section-${section.id}`}>
                {section.heading}
              </h2>
              <SectionText body={section.body} />
              <h3 className="govuk-heading-s">Comments ({comments.length})</h3>
              {comments.length === 0 ? <p className="govuk-body">No comments yet.</p> : null}
              <CommentThread roundId={round.id} comments={comments} parentId={null} canReply={takePart} admin={admin} onChanged={changed} />
              {takePart ? (
                <CommentForm
                  roundId={round.id}
                  sectionId={section.id}
                  id={`comment-${section.id}`}
                  label="Add a comment"
                  submitLabel="Post comment"
                  onPosted={changed}
                />
              ) : null}
            </section>
          );
        })}

        {round.proposals.length > 0 ? (
          <section aria-labelledby="proposals-heading">
            <h2 className="govuk-heading-l" id="proposals-heading">
              Proposals
            </h2>
            {round.proposals.map((proposal) => (
              <ProposalVote key={proposal.id} roundId={round.id} proposal={proposal} canVote={takePart} onVoted={setRound} />
            ))}
          </section>
        ) : null}

        {round.criteria.length > 0 ? (
          <section aria-labelledby="criteria-heading">
            <h2 className="govuk-heading-l" id="criteria-heading">
              Quality criteria
            </h2>
            {round.criteria.map((criterion) => (
              <CriterionRating key={criterion.id} roundId={round.id} criterion={criterion} canRate={takePart} onRated={setRound} />
            ))}
          </section>
        ) : null}

        <ThemeCards
          round={round}
          admin={admin}
          onSaved={async (message) => {
            await reload();
            setNotice(message);
          }}
        />
      </div>
    </div>
  );
}
