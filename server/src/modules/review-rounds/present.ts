import type { z } from "zod";
import type { ReviewTotals } from "@shared/events";
import type { PublicReviewSummarySchema, ReviewComment, ReviewRound } from "@shared/schemas/review-rounds";
import type { Actor } from "../identity/actor";
import type { CommentWithForum } from "./comment-queries";
import { seesHiddenComment } from "./policy";
import type { ClosedRound, PublicSummaryParts, RoundContents, roundDetail, RoundHeader } from "./queries";

type Viewer = Pick<Actor, "userId" | "role">;

/** What everyone watching a round is sent: no author, and a hidden comment's text withheld. */
export const BROADCAST_VIEWER: Viewer = { userId: "", role: null };

/** A comment as this viewer may see it: a hidden one keeps its text only for its author and the hub. */
export function presentComment({ comment: row, forumName }: CommentWithForum, viewer: Viewer): ReviewComment {
  const privileged = seesHiddenComment(viewer, row);
  return {
    id: row.id,
    sectionId: row.sectionId,
    parentId: row.parentId,
    body: row.hiddenAt && !privileged ? null : row.body,
    forumName,
    mine: viewer.userId === row.authorUserId,
    hidden: row.hiddenAt !== null,
    hiddenReason: privileged ? row.hiddenReason : null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentRoundSummary(h: RoundHeader) {
  return {
    id: h.round.id,
    frameworkId: h.round.frameworkId,
    title: h.round.title,
    summary: h.round.summary,
    opensAt: h.round.opensAt.toISOString(),
    closesAt: h.round.closesAt.toISOString(),
    state: h.state,
    forums: h.forums,
  };
}

/** A panel member's last-visit marker on a round. */
export const presentVisit = (h: RoundHeader, lastVisitAt: Date) => ({ roundId: h.round.id, lastVisitAt: lastVisitAt.toISOString() });

/** A round as this viewer may see it: their own vote and ratings, and comments as presentComment shows them. */
export function presentRound(h: RoundHeader, { detail, comments, themes }: RoundContents, viewer: Viewer): ReviewRound {
  return {
    ...presentRoundSummary(h),
    comments: comments.map((c) => presentComment(c, viewer)),
    themes,
    sections: detail.sections.map((s) => ({ id: s.id, position: s.position, heading: s.heading, body: s.body })),
    proposals: detail.proposals.map((p) => ({
      id: p.id,
      position: p.position,
      title: p.title,
      description: p.description,
      totals: { for: p.for, against: p.against, abstain: p.abstain },
      myVote: p.my_vote,
    })),
    criteria: detail.criteria.map((c) => ({
      id: c.id,
      position: c.position,
      name: c.name,
      description: c.description,
      averageRating: c.average === null ? null : Number(c.average),
      ratings: c.ratings,
      myRating: c.my_rating,
    })),
  };
}

/** The live figures of a round: totals per proposal, average rating per criterion. */
export function presentTotals(roundId: string, detail: Awaited<ReturnType<typeof roundDetail>>): ReviewTotals {
  return {
    roundId,
    proposals: detail.proposals.map((p) => ({ id: p.id, totals: { for: p.for, against: p.against, abstain: p.abstain } })),
    criteria: detail.criteria.map((c) => ({ id: c.id, averageRating: c.average === null ? null : Number(c.average), ratings: c.ratings })),
  };
}

export const presentClosedRound = (r: ClosedRound) => ({ id: r.id, title: r.title, closedAt: new Date(r.closes_at).toISOString() });

/** "You said, we did" for anyone: themes with how many comments each grouped, results and averages, never who said what. */
export function presentPublicSummary(
  round: ClosedRound,
  { totals, themes, names, forums }: PublicSummaryParts,
): z.infer<typeof PublicReviewSummarySchema>["data"] {
  const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "";
  return {
    id: round.id,
    title: round.title,
    summary: round.summary,
    closedAt: new Date(round.closes_at).toISOString(),
    forums: forums.map((f) => f.name),
    themes: themes.map((t) => ({ title: t.title, answer: t.answer, comments: t.commentIds.length })),
    proposals: totals.proposals.map((p) => ({ title: nameOf(p.id), totals: p.totals })),
    criteria: totals.criteria.map((c) => ({ name: nameOf(c.id), averageRating: c.averageRating, ratings: c.ratings })),
  };
}
