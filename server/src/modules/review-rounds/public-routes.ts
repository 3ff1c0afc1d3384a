import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import { PublicReviewListSchema, PublicReviewSummarySchema } from "@shared/schemas/review-rounds";
import type { Db } from "../../db/client";
import { notFound } from "../../http/app-error";
import { defineRoute } from "../../http/route";
import { presentClosedRound, presentPublicSummary } from "./present";
import { closedRounds, publicSummaryParts } from "./queries";

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
      res.json({ data: (await closedRounds(db)).map(presentClosedRound) });
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
      res.json({ data: presentPublicSummary(round, await publicSummaryParts(db, round.id)) });
    },
  });
  return router;
}
