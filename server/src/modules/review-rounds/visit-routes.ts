import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import { ReviewRoundChangesListSchema, ReviewRoundVisitResponseSchema } from "@shared/schemas/review-rounds";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { roundChanges } from "./changes";
import { recordVisit } from "./commands/record-visit";
import { canTakePart, isPanelMember } from "./policy";
import { presentVisit } from "./present";
import { loadVisibleRound } from "./queries";

/**
 * "What changed since your last visit" for panel members. The marker moves by an explicit POST
 * from the round's page rather than on GET of the round, so that reading a round (an API token,
 * a reload after a vote) stays free of side effects.
 */
export function reviewVisitRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "co-production", access: "signed-in" as const };

  // Mounted before GET /api/v1/review-rounds/:id, which would otherwise take "changes" for an id.
  defineRoute(router, {
    ...common,
    before: [requireMember(isPanelMember)],
    method: "get",
    path: "/api/v1/review-rounds/changes",
    summary:
      "For each round your forum takes part in: new comments by others, new and changed themes, and whether it closed, since your last visit (panel members)",
    responses: { 200: { description: "One entry per round", schema: ReviewRoundChangesListSchema } },
    handler: async (req, res) => {
      res.json({ data: await roundChanges(db, memberOf(req)) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember()],
    method: "post",
    path: "/api/v1/review-rounds/:id/visit",
    summary: "Record that you have the round open now: its changes count from here (panel members of the forums taking part)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The new marker", schema: ReviewRoundVisitResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const round = await loadVisibleRound(db, actor, input.params.id);
      if (!canTakePart(actor, round)) throw forbidden("Only panel members keep a last-visit marker.");
      const lastVisitAt = await recordVisit({ db, userId: actor.userId, roundId: round.round.id });
      res.json({ data: presentVisit(round, lastVisitAt) });
    },
  });
  return router;
}
