import { useEffect, useRef } from "react";
import { type ReviewTotals, ReviewTotalsSchema, ReviewWatchAckSchema } from "@shared/events";
import { type ReviewComment, ReviewCommentSchema } from "@shared/schemas/review-rounds";
import { onLiveSocket } from "./on-live-socket";
import { isWorthRetrying, RETRY_AFTER_MS } from "./retry";

interface ReviewLiveHandlers {
  onTotals(totals: ReviewTotals): void;
  onComment(comment: ReviewComment): void;
}

/**
 * Watches a round while the page is open: the current totals come with the ack, then every
 * change as it happens. Watches again after a reconnection, since the server forgets rooms.
 */
export function useReviewLive(roundId: string, handlers: ReviewLiveHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(
    () =>
      onLiveSocket((socket) => {
        let retryTimer: ReturnType<typeof setTimeout> | undefined;
        const watch = () =>
          socket.emit("review:watch", { roundId }, (result) => {
            const parsed = ReviewWatchAckSchema.safeParse(result);
            if (parsed.success && parsed.data.ok) latest.current.onTotals(parsed.data.totals);
            else if (parsed.success && !parsed.data.ok && isWorthRetrying(parsed.data.code)) retryTimer = setTimeout(watch, RETRY_AFTER_MS);
          });
        const onTotals = (totals: unknown) => {
          const parsed = ReviewTotalsSchema.safeParse(totals);
          if (parsed.success && parsed.data.roundId === roundId) latest.current.onTotals(parsed.data);
        };
        const onComment = (payload: { roundId: string; comment: unknown }) => {
          const parsed = ReviewCommentSchema.safeParse(payload.comment);
          if (payload.roundId === roundId && parsed.success) latest.current.onComment(parsed.data);
        };
        socket.on("connect", watch);
        socket.on("review:totals", onTotals);
        socket.on("review:comment", onComment);
        if (socket.connected) watch();
        return () => {
          clearTimeout(retryTimer);
          socket.off("connect", watch);
          socket.off("review:totals", onTotals);
          socket.off("review:comment", onComment);
          if (socket.connected) socket.emit("review:unwatch", { roundId });
        };
      }),
    [roundId],
  );
}
