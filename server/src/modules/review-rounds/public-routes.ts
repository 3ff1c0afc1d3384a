import { Router } from "express";
import { sql } from "drizzle-orm";
import { IdParamsSchema } from "../../../../shared/src/schemas/params";
import { PublicReviewListSchema, PublicReviewSummarySchema } from "../../../../shared/src/schemas/review-rounds";
import type { Db } from "../../db/client";
import { notFound } from "../../http/app-error";
import { defineRoute } from "../../http/route";
import { rowsOf } from "../directory/queries";
import { roundThemes } from "./comments";
import { reviewTotals } from "./realtime";

interface ClosedRound {
  id: string;
  title: string;
  summary: string;
  closes_at: Date;
}

const closedRounds = (db: Db, id?: string) =>
  rowsOf<ClosedRound>(db, sql`SELECT id, title, summary, closes_at FROM review_rounds WHERE closes_at <= now() ${id ? sql`AND id = ${id}` : sql``} ORDER BY closes_at DESC`);

/** "You said, we did" for anyone, once a round has closed: never who said what. */
export function publicReviewRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "co-production", access: "public" as const };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/public/review-rounds",
    summary: "Closed review rounds, newest first (no sign-in)",
    responses: { 200: { description: "Rounds", schema: PublicReviewListSchema } },
    handler: async (_req, res) => {
      res.json({ data: (await closedRounds(db)).map((r) => ({ id: r.id, title: r.title, closedAt: new Date(r.closes_at).toISOString() })) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/public/review-rounds/:id/summary",
    summary: "A closed round's themes and answers, vote results and average ratings (no sign-in; 404 until it closes)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The summary", schema: PublicReviewSummarySchema } },
    handler: async (_req, res, input) => {
      const [round] = await closedRounds(db, input.params.id);
      if (!round) throw notFound("A closed review round with that id");
      const [totals, themes, names, forums] = await Promise.all([
        reviewTotals(db, round.id),
        roundThemes(db, round.id),
        rowsOf<{ kind: string; id: string; name: string }>(db, sql`SELECT 'p' AS kind, id, title AS name FROM review_proposals WHERE round_id = ${round.id} UNION ALL SELECT 'c', id, name FROM review_criteria WHERE round_id = ${round.id}`),
        rowsOf<{ name: string }>(db, sql`SELECT o.name FROM review_round_forums f JOIN organisations o ON o.id = f.organisation_id WHERE f.round_id = ${round.id} ORDER BY o.name`),
      ]);
      const nameOf = (id: string) => names.find((n) => n.id === id)?.name ?? "";
      res.json({
        data: {
          id: round.id,
          title: round.title,
          summary: round.summary,
          closedAt: new Date(round.closes_at).toISOString(),
          forums: forums.map((f) => f.name),
          themes: themes.map((t) => ({ title: t.title, answer: t.answer, comments: t.commentIds.length })),
          proposals: totals.proposals.map((p) => ({ title: nameOf(p.id), totals: p.totals })),
          criteria: totals.criteria.map((c) => ({ name: nameOf(c.id), averageRating: c.averageRating, ratings: c.ratings })),
        },
      });
    },
  });
  return router;
}
