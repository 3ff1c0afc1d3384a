import { DomainErrorCode } from "../../../../shared/src/errors";
import { eq } from "drizzle-orm";
import { Router } from "express";
import { IdParamsSchema } from "../../../../shared/src/schemas/params";
import {
  AwardSchema,
  ClarificationAnswerSchema,
  ClarificationResponseSchema,
  PlacementEndSchema,
  PlacementResponseSchema,
  PriceRoundSchema,
  ScoresSchema,
} from "../../../../shared/src/schemas/placement-requests";
import type { Db } from "../../db/client";
import { organisations, placements, settings } from "../../db/schema";
import { forbidden, notFound } from "../../http/app-error";
import { actorOf, requireRole } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import type { LiveHub } from "../../realtime/live-hub";
import { answerClarification } from "./commands/clarify";
import { awardRequest, endPlacement } from "./commands/award";
import { completeEvaluation, saveScores, startPriceRound } from "./commands/evaluate";
import { buyerStep } from "./buyer-step";
import { loadAsBuyer } from "./load";
import { ClarificationParamsSchema } from "../../../../shared/src/schemas/params";
import { isBuyer } from "./policy";
import { presentPlacement } from "./present";
import { publishAwarded, publishClarification, publishRanks, publishState } from "./realtime";
import { buildRequestView } from "./view";

/** What the council does after offers come in: answer, score, evaluate, run a price round, award, end a placement. */
export function evaluationRoutes({ db, live }: { db: Db; live: LiveHub }): Router {
  const router = Router();
  const common = { tag: "placement requests", access: "signed-in" as const, before: [requireRole()] };
  const buyerView = async (id: string, req: Parameters<typeof loadAsBuyer>[1]) => buildRequestView(db, (await loadAsBuyer(db, req, id)).request, { kind: "commissioner" });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/placement-requests/:id/clarifications/:clarificationId/answer",
    summary: "Answer a provider's question to every invited provider (the asker anonymised) or to the asker only",
    input: { params: ClarificationParamsSchema, body: ClarificationAnswerSchema },
    responses: { 200: { description: "Answered", schema: ClarificationResponseSchema } },
    handler: async (req, res, input) => {
      const { actor, request } = await loadAsBuyer(db, req, input.params.id);
      const row = await answerClarification({ db, actor, request, clarificationId: input.params.clarificationId, answer: input.body.answer, visibility: input.body.visibility, ip: req.ip });
      await publishClarification(db, live, request, row.id);
      res.json({ data: (await buyerView(request.id, req)).clarifications.find((c) => c.id === row.id) });
    },
  });

  buyerStep(router, db, {
    method: "put",
    path: "/api/v1/placement-requests/:id/scores",
    summary: "Score offers 0-5 against each quality criterion (after the request closed)",
    description: "Saved",
    body: ScoresSchema,
    run: ({ actor, request, body, ip }) => saveScores({ db, actor, request, scores: body.scores, ip }),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/evaluate",
    summary: "Complete the evaluation: price scores are computed, totals and ranks shown",
    description: "Evaluated",
    run: async ({ actor, request, ip }) => publishState(db, live, await completeEvaluation({ db, actor, request, ip })),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/price-round",
    summary: "Ranked mode: open the price-only round until closesAt",
    description: "Price round open",
    body: PriceRoundSchema,
    run: async ({ actor, request, body, ip }) => {
      const moved = await startPriceRound({ db, actor, request, closesAt: body.closesAt, ip });
      await publishState(db, live, moved);
      await publishRanks(db, live, moved);
    },
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/award",
    summary: "Award to one offer with reasons; creates the placement (an Individual Placement Agreement); every provider is told",
    description: "Awarded",
    body: AwardSchema,
    run: async ({ actor, request, body, ip }) => publishAwarded(db, live, (await awardRequest({ db, actor, request, offerId: body.offerId, reasons: body.reasons, ip })).request),
  });

  const loadPlacement = async (id: string, req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    const [row] = await db
      .select({ placement: placements, settingName: settings.name, organisationName: organisations.name })
      .from(placements)
      .innerJoin(settings, eq(settings.id, placements.settingId))
      .innerJoin(organisations, eq(organisations.id, placements.providerId))
      .where(eq(placements.id, id));
    const mine = row && (isBuyer(actor, { organisationId: row.placement.councilId }) || (actor.role === "provider" && actor.organisationId === row.placement.providerId));
    if (!row || !mine) throw notFound("The placement");
    return { actor, ...row };
  };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/placements/:id",
    summary: "A placement: the council that made it and the provider delivering it",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The placement", schema: PlacementResponseSchema } },
    handler: async (req, res, input) => {
      const { placement, settingName, organisationName } = await loadPlacement(input.params.id, req);
      res.json({ data: presentPlacement(placement, { settingName, organisationName }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placements/:id/end",
    summary: "Record that a placement ended, planned or a breakdown, with a reason code (the council)",
    input: { params: IdParamsSchema, body: PlacementEndSchema },
    responses: { 200: { description: "Ended", schema: PlacementResponseSchema } },
    handler: async (req, res, input) => {
      const { actor, placement, settingName, organisationName } = await loadPlacement(input.params.id, req);
      if (!isBuyer(actor, { organisationId: placement.councilId })) throw forbidden("Only the council records how a placement ended.", DomainErrorCode.NotBuyer);
      const ended = await endPlacement({ db, actor, placement, endDate: input.body.endDate, reason: input.body.reason, ip: req.ip });
      res.json({ data: presentPlacement(ended ?? placement, { settingName, organisationName }) });
    },
  });
  return router;
}
