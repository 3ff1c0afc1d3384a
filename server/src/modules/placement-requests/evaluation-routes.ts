import { Router } from "express";
import { ClarificationParamsSchema } from "@shared/schemas/params";
import { ClarificationAnswerSchema, ClarificationResponseSchema, PriceRoundSchema, ScoresSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { buyerStep } from "./buyer-step";
import { answerClarification } from "./commands/clarify";
import { completeEvaluation, saveScores, startPriceRound } from "./commands/evaluate";
import { loadAsBuyer } from "./load";
import { scoringRoutes } from "./scoring-routes";
import { buildClarificationView } from "./view";

/** What the council does after offers come in: answer, score, evaluate, run a price round. The award and placements have their own files. */
export function evaluationRoutes({ db }: { db: Db }): Router {
  const router = Router();

  defineRoute(router, {
    tag: "placement requests",
    access: "signed-in",
    before: [requireMember()],
    method: "put",
    path: "/api/v1/placement-requests/:id/clarifications/:clarificationId/answer",
    summary: "Answer a provider's question to every invited provider (the asker anonymised) or to the asker only",
    input: { params: ClarificationParamsSchema, body: ClarificationAnswerSchema },
    responses: { 200: { description: "Answered", schema: ClarificationResponseSchema } },
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      const row = await answerClarification({
        db,
        actor,
        request,
        clarificationId: input.params.clarificationId,
        answer: input.body.answer,
        visibility: input.body.visibility,
        ip: req.ip,
      });
      res.json({ data: await buildClarificationView(db, { kind: "commissioner" }, row) });
    },
  });

  buyerStep(router, db, {
    method: "put",
    path: "/api/v1/placement-requests/:id/scores",
    summary:
      "Save your own scores 0-5 and reasons against each quality criterion as a draft (after the request closed, having declared no conflict, until moderation starts)",
    description: "Saved",
    body: ScoresSchema,
    run: ({ actor, request, body, ip }) => saveScores({ db, actor, request, scores: body.scores, ip }),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/evaluate",
    summary: "The moderator completes the evaluation from the agreed scores and reasons: price scores are computed, totals and ranks shown",
    description: "Evaluated",
    run: ({ actor, request, ip }) => completeEvaluation({ db, actor, request, ip }),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/price-round",
    summary: "Ranked mode: open the price-only round until closesAt",
    description: "Price round open",
    body: PriceRoundSchema,
    run: ({ actor, request, body, ip }) => startPriceRound({ db, actor, request, closesAt: body.closesAt, ip }),
  });
  scoringRoutes(router, { db });
  return router;
}
