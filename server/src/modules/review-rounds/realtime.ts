import { type ReviewWatchAck, ReviewWatchSchema } from "@shared/events";
import type { Db } from "../../db/client";
import { type LiveEventDeps, type LiveSocket, onLiveEvent } from "../../realtime/live-events";
import { type LiveHub, rooms } from "../../realtime/live-hub";
import type { LiveTopicHandlers } from "../../realtime/live-outbox";
import { type CommentWithForum, loadComment } from "./comment-queries";
import { BROADCAST_VIEWER, presentComment } from "./present";
import { loadVisibleRound, reviewTotals } from "./queries";

/** After a vote or rating has committed: the new figures to everyone watching the round. */
export async function publishReviewTotals(db: Db, live: LiveHub, roundId: string): Promise<void> {
  live.emit(rooms.reviewRound(roundId), "review:totals", await reviewTotals(db, roundId));
}

/** After a comment was posted or moderated: the comment, as anyone may see it, to everyone watching its round. */
export function publishComment(live: LiveHub, roundId: string, comment: CommentWithForum): void {
  live.emit(rooms.reviewRound(roundId), "review:comment", { roundId, comment: presentComment(comment, BROADCAST_VIEWER) });
}

/** `review:watch` joins a round's room after the same access check as the HTTP API. */
export function registerReviewRoundEvents(socket: LiveSocket, deps: LiveEventDeps & { db: Db }): void {
  const { db } = deps;
  const invalid = "Send { roundId } with the round's id.";
  onLiveEvent(
    socket,
    deps,
    "review:watch",
    { schema: ReviewWatchSchema, invalid, usesDatabase: true },
    async ({ roundId }, context): Promise<ReviewWatchAck> => {
      await loadVisibleRound(db, context.actor, roundId);
      await context.join(rooms.reviewRound(roundId));
      return { ok: true, totals: await reviewTotals(db, roundId) };
    },
  );
  onLiveEvent(socket, deps, "review:unwatch", { schema: ReviewWatchSchema, invalid }, async ({ roundId }, context) => {
    await context.leave(rooms.reviewRound(roundId));
  });
}

/** The review round's live topics (live-outbox.ts), built from the round as it is now. */
export function reviewLiveTopics(db: Db, live: LiveHub): Pick<LiveTopicHandlers, "review:totals" | "review:comment"> {
  return {
    "review:totals": ({ roundId }) => publishReviewTotals(db, live, roundId),
    "review:comment": async ({ commentId }) => {
      const comment = await loadComment(db, commentId);
      if (comment) publishComment(live, comment.comment.roundId, comment);
    },
  };
}
