import { ReviewWatchSchema, type ReviewTotals, type ReviewWatchAck } from "../../../../shared/src/events";
import type { Db } from "../../db/client";
import { onLiveEvent, type LiveEventDeps, type LiveSocket } from "../../realtime/live-events";
import { rooms, type LiveHub } from "../../realtime/live-hub";
import { loadVisibleRound, roundDetail } from "./queries";

/** The figures everyone in a round may see live (never who voted how). */
export async function reviewTotals(db: Db, roundId: string): Promise<ReviewTotals> {
  // The user id only fills "my vote", which the live figures leave out.
  const detail = await roundDetail(db, roundId, "00000000-0000-0000-0000-000000000000");
  return {
    roundId,
    proposals: detail.proposals.map((p) => ({ id: p.id, totals: { for: p.for, against: p.against, abstain: p.abstain } })),
    criteria: detail.criteria.map((c) => ({ id: c.id, averageRating: c.average === null ? null : Number(c.average), ratings: c.ratings })),
  };
}

/** After a vote or rating has committed: the new figures to everyone watching the round. */
export async function publishReviewTotals(db: Db, live: LiveHub, roundId: string): Promise<void> {
  live.emit(rooms.reviewRound(roundId), "review:totals", await reviewTotals(db, roundId));
}

/** `review:watch` joins a round's room after the same access check as the HTTP API. */
export function registerReviewRoundEvents(socket: LiveSocket, deps: LiveEventDeps & { db: Db }): void {
  const { db } = deps;
  const invalid = "Send { roundId } with the round's id.";
  onLiveEvent(socket, deps, "review:watch", { schema: ReviewWatchSchema, invalid, usesDatabase: true }, async ({ roundId }, context): Promise<ReviewWatchAck> => {
    await loadVisibleRound(db, context.actor, roundId);
    await context.join(rooms.reviewRound(roundId));
    return { ok: true, totals: await reviewTotals(db, roundId) };
  });
  onLiveEvent(socket, deps, "review:unwatch", { schema: ReviewWatchSchema, invalid }, async ({ roundId }, context) => {
    await context.leave(rooms.reviewRound(roundId));
  });
}
