import type { Socket } from "socket.io";
import { ReviewWatchSchema, type ReviewTotals, type ReviewWatchAck } from "../../../../shared/src/events";
import type { Db } from "../../db/client";
import { AppError } from "../../http/app-error";
import { rooms, type LiveHub } from "../../realtime/live-hub";
import type { Actor } from "../identity/actor";
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
export function registerReviewRoundEvents(socket: Socket, db: Db, actorOf: () => Actor): void {
  socket.on("review:watch", async (payload: unknown, ack: unknown) => {
    const reply = (result: ReviewWatchAck) => typeof ack === "function" && ack(result);
    const parsed = ReviewWatchSchema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, code: "validation_error", message: "Send { roundId } with the round's id." });
    try {
      await loadVisibleRound(db, actorOf(), parsed.data.roundId);
    } catch (error) {
      if (error instanceof AppError) return reply({ ok: false, code: "not_found", message: error.message });
      throw error;
    }
    await socket.join(rooms.reviewRound(parsed.data.roundId));
    reply({ ok: true, totals: await reviewTotals(db, parsed.data.roundId) });
  });
  socket.on("review:unwatch", async (payload: unknown) => {
    const parsed = ReviewWatchSchema.safeParse(payload);
    if (parsed.success) await socket.leave(rooms.reviewRound(parsed.data.roundId));
  });
}
