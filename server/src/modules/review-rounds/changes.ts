import { sql } from "drizzle-orm";
import type { ReviewRoundChanges } from "@shared/schemas/review-rounds";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import type { Member } from "../../http/require-actor";
import { presentRoundSummary } from "./present";
import { listVisibleRounds } from "./queries";

interface ChangeRow {
  round_id: string;
  last_seen_at: Date | string | null;
  new_comments: number;
  new_themes: number;
  changed_themes: number;
  closed_since: boolean;
}

/**
 * For each round the panel member's forum takes part in: what others added after their last
 * visit. Never visited counts everything. Hidden comments are left out: the member would only
 * see that something was hidden.
 */
export async function roundChanges(db: Db, actor: Member): Promise<ReviewRoundChanges[]> {
  const rounds = await listVisibleRounds(db, actor);
  if (rounds.length === 0) return [];
  const after = (column: string) => sql.raw(`(v.last_seen_at IS NULL OR ${column} > v.last_seen_at)`);
  const rows = await rowsOf<ChangeRow>(
    db,
    sql`SELECT r.id AS round_id, v.last_seen_at,
          (SELECT count(*)::int FROM review_comments c
             WHERE c.round_id = r.id AND c.author_user_id <> ${actor.userId} AND c.hidden_at IS NULL AND ${after("c.created_at")}) AS new_comments,
          (SELECT count(*)::int FROM review_themes t WHERE t.round_id = r.id AND ${after("t.created_at")}) AS new_themes,
          (SELECT count(*)::int FROM review_themes t
             WHERE t.round_id = r.id AND t.created_at <= v.last_seen_at AND t.updated_at > v.last_seen_at) AS changed_themes,
          (r.closes_at <= now() AND ${after("r.closes_at")}) AS closed_since
        FROM review_rounds r
        LEFT JOIN review_round_visits v ON v.round_id = r.id AND v.user_id = ${actor.userId}
        WHERE r.id IN (SELECT round_id FROM review_round_forums WHERE organisation_id = ${actor.organisationId})`,
  );
  return rounds.map((header) => {
    const row = rows.find((r) => r.round_id === header.round.id);
    return {
      round: presentRoundSummary(header),
      lastVisitAt: row?.last_seen_at ? new Date(row.last_seen_at).toISOString() : null,
      newComments: row?.new_comments ?? 0,
      newThemes: row?.new_themes ?? 0,
      changedThemes: row?.changed_themes ?? 0,
      closedSinceLastVisit: row?.closed_since ?? false,
    };
  });
}
