import { Router } from "express";
import { CriterionParamsSchema, IdParamsSchema, ProposalParamsSchema } from "@shared/schemas/params";
import { RatingSchema, ReviewRoundCreateSchema, ReviewRoundListSchema, ReviewRoundResponseSchema, VoteSchema } from "@shared/schemas/review-rounds";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { openReviewRound } from "./commands/open-review-round";
import { castVote, rateCriterion } from "./commands/take-part";
import { canOpenReviewRound, canSeeReviewRounds, canTakePart } from "./policy";
import { presentRound, presentRoundSummary } from "./present";
import { listVisibleRounds, loadVisibleRound, roundContents } from "./queries";
import { reviewVisitRoutes } from "./visit-routes";

const NOT_TAKING_PART = "Only panel members of the forums taking part vote and rate.";

export function reviewRoundRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "co-production", access: "signed-in" as const, before: [requireMember()] };
  router.use(reviewVisitRoutes(db));

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/review-rounds",
    summary: "Open a review round on a framework document for some councils' Parent Carer Forums (regional admin)",
    input: { body: ReviewRoundCreateSchema },
    responses: { 201: { description: "Opened", schema: ReviewRoundResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canOpenReviewRound(actor)) throw forbidden("Only the regional hub opens review rounds.");
      const round = await openReviewRound({ db, actor, input: input.body, ip: req.ip });
      const header = await loadVisibleRound(db, actor, round.id);
      res.status(201).json({ data: presentRound(header, await roundContents(db, header.round.id, actor.userId), actor) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/review-rounds",
    summary: "Review rounds: all of the region's for the regional hub, those your forum takes part in for a panel member",
    responses: { 200: { description: "Rounds", schema: ReviewRoundListSchema } },
    handler: async (req, res) => {
      const actor = memberOf(req);
      if (!canSeeReviewRounds(actor)) throw forbidden("Review rounds are for parent carer panels and the regional hub.");
      res.json({ data: (await listVisibleRounds(db, actor)).map(presentRoundSummary) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/review-rounds/:id",
    summary: "A review round: its sections, proposals with vote totals, criteria with average ratings, and your own votes and ratings",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The round", schema: ReviewRoundResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const header = await loadVisibleRound(db, actor, input.params.id);
      res.json({ data: presentRound(header, await roundContents(db, header.round.id, actor.userId), actor) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/review-rounds/:id/proposals/:proposalId/vote",
    summary: "Vote for, against or abstain on a proposal (one vote per member, changeable until the round closes)",
    input: { params: ProposalParamsSchema, body: VoteSchema },
    responses: { 200: { description: "The round with the new totals", schema: ReviewRoundResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const header = await loadVisibleRound(db, actor, input.params.id);
      if (!canTakePart(actor, header)) throw forbidden(NOT_TAKING_PART);
      await castVote({ db, round: header, proposalId: input.params.proposalId, userId: actor.userId, choice: input.body.choice });
      res.json({ data: presentRound(header, await roundContents(db, header.round.id, actor.userId), actor) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/review-rounds/:id/criteria/:criterionId/rating",
    summary: "Rate a quality criterion from 1 to 5 (changeable until the round closes)",
    input: { params: CriterionParamsSchema, body: RatingSchema },
    responses: { 200: { description: "The round with the new averages", schema: ReviewRoundResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const header = await loadVisibleRound(db, actor, input.params.id);
      if (!canTakePart(actor, header)) throw forbidden(NOT_TAKING_PART);
      await rateCriterion({ db, round: header, criterionId: input.params.criterionId, userId: actor.userId, rating: input.body.rating });
      res.json({ data: presentRound(header, await roundContents(db, header.round.id, actor.userId), actor) });
    },
  });
  return router;
}
