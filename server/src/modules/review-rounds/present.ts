import type { ReviewRound } from "../../../../shared/src/schemas/review-rounds";
import type { RoundHeader, roundDetail } from "./queries";

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

export function presentRound(
  h: RoundHeader,
  detail: Awaited<ReturnType<typeof roundDetail>>,
  extra: Pick<ReviewRound, "comments" | "themes">,
): ReviewRound {
  return {
    ...presentRoundSummary(h),
    ...extra,
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
