import { asc, eq, inArray, sql } from "drizzle-orm";
import type { ReviewTotals } from "@shared/events";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { frameworks, organisations, reviewRoundForums, reviewRounds } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";
import { roundComments, roundThemes } from "./comment-queries";
import { canSeeReviewRound, roundScope } from "./policy";
import { presentTotals } from "./present";

export type RoundState = "upcoming" | "open" | "closed";

export interface RoundHeader {
  round: typeof reviewRounds.$inferSelect;
  regionId: string;
  state: RoundState;
  forums: { id: string; name: string }[];
}

/** Rounds with their region, forums and state by the database clock (the deadline is the server's). */
async function headers(db: Db, where: ReturnType<typeof sql> | undefined): Promise<RoundHeader[]> {
  const rows = await db
    .select({
      round: reviewRounds,
      regionId: frameworks.regionId,
      state: sql<RoundState>`CASE WHEN now() < ${reviewRounds.opensAt} THEN 'upcoming' WHEN now() >= ${reviewRounds.closesAt} THEN 'closed' ELSE 'open' END`,
    })
    .from(reviewRounds)
    .innerJoin(frameworks, eq(frameworks.id, reviewRounds.frameworkId))
    .where(where)
    .orderBy(asc(reviewRounds.opensAt));
  if (rows.length === 0) return [];
  const forums = await db
    .select({ roundId: reviewRoundForums.roundId, id: organisations.id, name: organisations.name })
    .from(reviewRoundForums)
    .innerJoin(organisations, eq(organisations.id, reviewRoundForums.organisationId))
    .where(
      inArray(
        reviewRoundForums.roundId,
        rows.map((r) => r.round.id),
      ),
    )
    .orderBy(asc(organisations.name));
  return rows.map((r) => ({ ...r, forums: forums.filter((f) => f.roundId === r.round.id).map(({ id, name }) => ({ id, name })) }));
}

export async function listVisibleRounds(db: Db, actor: Member): Promise<RoundHeader[]> {
  const scope = roundScope(actor);
  const all = await headers(
    db,
    "regionId" in scope
      ? sql`${frameworks.regionId} = ${scope.regionId}`
      : sql`${reviewRounds.id} IN (SELECT round_id FROM review_round_forums WHERE organisation_id = ${scope.forumId})`,
  );
  return all.filter((h) => canSeeReviewRound(actor, h));
}

export async function loadVisibleRound(db: Db, actor: Actor, id: string): Promise<RoundHeader> {
  const [header] = await headers(db, sql`${reviewRounds.id} = ${id}`);
  if (!header || !canSeeReviewRound(actor, header)) throw notFound("The review round");
  return header;
}

/** Sections, proposals with vote totals and the actor's vote, criteria with average rating and the actor's rating. */
export async function roundDetail(db: Db, roundId: string, userId: string) {
  const [sections, proposals, criteria] = await Promise.all([
    rowsOf<{ id: string; position: number; heading: string; body: string }>(
      db,
      sql`SELECT id, position, heading, body FROM review_sections WHERE round_id = ${roundId} ORDER BY position`,
    ),
    rowsOf<{
      id: string;
      position: number;
      title: string;
      description: string;
      for: number;
      against: number;
      abstain: number;
      my_vote: "for" | "against" | "abstain" | null;
    }>(
      db,
      sql`SELECT p.id, p.position, p.title, p.description,
            count(*) FILTER (WHERE v.choice = 'for')::int AS for, count(*) FILTER (WHERE v.choice = 'against')::int AS against,
            count(*) FILTER (WHERE v.choice = 'abstain')::int AS abstain,
            max(v.choice) FILTER (WHERE v.user_id = ${userId}) AS my_vote
          FROM review_proposals p LEFT JOIN review_votes v ON v.proposal_id = p.id
          WHERE p.round_id = ${roundId} GROUP BY p.id ORDER BY p.position`,
    ),
    rowsOf<{ id: string; position: number; name: string; description: string; average: number | null; ratings: number; my_rating: number | null }>(
      db,
      sql`SELECT c.id, c.position, c.name, c.description, round(avg(r.rating), 1)::float8 AS average, count(r.rating)::int AS ratings,
            max(r.rating) FILTER (WHERE r.user_id = ${userId})::int AS my_rating
          FROM review_criteria c LEFT JOIN review_ratings r ON r.criterion_id = c.id
          WHERE c.round_id = ${roundId} GROUP BY c.id ORDER BY c.position`,
    ),
  ]);
  return { sections, proposals, criteria };
}

/** The figures everyone in a round may see live and, once it closes, the public (never who voted how). */
export async function reviewTotals(db: Db, roundId: string): Promise<ReviewTotals> {
  // The user id only fills "my vote", which the live figures leave out.
  return presentTotals(roundId, await roundDetail(db, roundId, "00000000-0000-0000-0000-000000000000"));
}

/** Everything a round's page shows: its detail (with the reader's own vote and ratings), comments and themes. */
export async function roundContents(db: Db, roundId: string, userId: string) {
  const [detail, comments, themes] = await Promise.all([roundDetail(db, roundId, userId), roundComments(db, roundId), roundThemes(db, roundId)]);
  return { detail, comments, themes };
}

export type RoundContents = Awaited<ReturnType<typeof roundContents>>;

export interface ClosedRound {
  id: string;
  title: string;
  summary: string;
  closes_at: Date;
}

/** Rounds that have closed (by the database clock), newest first; anyone may read these. */
export const closedRounds = (db: Db, id?: string) =>
  rowsOf<ClosedRound>(
    db,
    sql`SELECT id, title, summary, closes_at FROM review_rounds WHERE closes_at <= now() ${id ? sql`AND id = ${id}` : sql``} ORDER BY closes_at DESC`,
  );

/** A closed round's public summary: totals, themes, the names of its proposals and criteria, and its forums' names. */
export async function publicSummaryParts(db: Db, roundId: string) {
  const [totals, themes, names, forums] = await Promise.all([
    reviewTotals(db, roundId),
    roundThemes(db, roundId),
    rowsOf<{ kind: string; id: string; name: string }>(
      db,
      sql`SELECT 'p' AS kind, id, title AS name FROM review_proposals WHERE round_id = ${roundId} UNION ALL SELECT 'c', id, name FROM review_criteria WHERE round_id = ${roundId}`,
    ),
    rowsOf<{ name: string }>(
      db,
      sql`SELECT o.name FROM review_round_forums f JOIN organisations o ON o.id = f.organisation_id WHERE f.round_id = ${roundId} ORDER BY o.name`,
    ),
  ]);
  return { totals, themes, names, forums };
}

export type PublicSummaryParts = Awaited<ReturnType<typeof publicSummaryParts>>;
