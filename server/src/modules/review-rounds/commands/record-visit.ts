import { sql } from "drizzle-orm";
import type { Db } from "../../../db/client";
import { reviewRoundVisits } from "../../../db/schema";

export interface RecordVisitProps {
  db: Db;
  /** A panel member of a forum taking part (the route has checked). */
  userId: string;
  roundId: string;
}

/**
 * Moves the person's "last visit" marker for the round to now, by the database clock: the
 * comments and themes it is compared with are stamped by the same clock.
 */
export async function recordVisit({ db, userId, roundId }: RecordVisitProps): Promise<Date> {
  const [row] = await db
    .insert(reviewRoundVisits)
    .values({ userId, roundId })
    .onConflictDoUpdate({ target: [reviewRoundVisits.userId, reviewRoundVisits.roundId], set: { lastSeenAt: sql`now()` } })
    .returning({ lastSeenAt: reviewRoundVisits.lastSeenAt });
  if (!row) throw new Error("visit upsert returned nothing");
  return row.lastSeenAt;
}
