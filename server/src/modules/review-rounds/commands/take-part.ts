import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { formatDateTime } from "@shared/format-date";
import type { Db, Tx } from "../../../db/client";
import { reviewCriteria, reviewProposals, reviewRatings, reviewVotes } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
import type { RoundHeader } from "../queries";

function assertOpen(header: RoundHeader) {
  if (header.state !== "open") {
    throw conflict(
      header.state === "upcoming"
        ? `This round opens on ${formatDateTime(header.round.opensAt)}. Come back then to take part.`
        : `This round closed on ${formatDateTime(header.round.closesAt)}; its results are final.`,
      DomainErrorCode.RoundNotOpen,
    );
  }
}

export interface CastVoteProps {
  db: Db;
  round: RoundHeader;
  proposalId: string;
  userId: string;
  choice: "for" | "against" | "abstain";
}

/** A member's vote or rating stored, and the round's new totals told to everyone watching it, once committed. */
async function takePart(db: Db, round: RoundHeader, write: (tx: Tx) => Promise<unknown>): Promise<void> {
  await db.transaction(async (tx) => {
    await write(tx);
    await queueLive(tx, "review:totals", { roundId: round.round.id });
  });
}

/** One vote per member per proposal: voting again changes it, until the round closes. */
export async function castVote({ db, round, proposalId, userId, choice }: CastVoteProps) {
  assertOpen(round);
  const [proposal] = await db
    .select({ id: reviewProposals.id })
    .from(reviewProposals)
    .where(and(eq(reviewProposals.id, proposalId), eq(reviewProposals.roundId, round.round.id)));
  if (!proposal) throw notFound("The proposal");
  await takePart(db, round, (tx) =>
    tx
      .insert(reviewVotes)
      .values({ proposalId, userId, choice })
      .onConflictDoUpdate({ target: [reviewVotes.proposalId, reviewVotes.userId], set: { choice, updatedAt: sql`now()` } }),
  );
}

export interface RateCriterionProps {
  db: Db;
  round: RoundHeader;
  criterionId: string;
  userId: string;
  rating: number;
}

export async function rateCriterion({ db, round, criterionId, userId, rating }: RateCriterionProps) {
  assertOpen(round);
  const [criterion] = await db
    .select({ id: reviewCriteria.id })
    .from(reviewCriteria)
    .where(and(eq(reviewCriteria.id, criterionId), eq(reviewCriteria.roundId, round.round.id)));
  if (!criterion) throw notFound("The quality criterion");
  await takePart(db, round, (tx) =>
    tx
      .insert(reviewRatings)
      .values({ criterionId, userId, rating })
      .onConflictDoUpdate({ target: [reviewRatings.criterionId, reviewRatings.userId], set: { rating, updatedAt: sql`now()` } }),
  );
}
