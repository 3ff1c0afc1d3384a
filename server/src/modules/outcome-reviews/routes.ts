import { Router } from "express";
import { DomainErrorCode } from "@shared/errors";
import {
  DistanceTravelledResponseSchema,
  OutcomeReviewInputSchema,
  OutcomeReviewListResponseSchema,
  OutcomeReviewResponseSchema,
  PlacementListResponseSchema,
  ProviderViewDecisionSchema,
  ProviderViewInputSchema,
  ReviewParamsSchema,
} from "@shared/schemas/outcome-reviews";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { decideProviderView, saveProviderView } from "./commands/provider-view";
import { createReview, updateReview } from "./commands/save-review";
import { submitReview } from "./commands/submit-review";
import { listPlacements } from "./list";
import { givesProviderView, placementListScopeOf, recordsReviews } from "./policy";
import { presentReview } from "./present";
import { distanceOf, loadReviewPlacement, recordReviewRead, type ReviewPlacement, reviewsOf } from "./queries";

const COUNCIL_ONLY = "Only the council that made the placement records its reviews.";
const PROVIDER_ONLY = "Only the provider delivering the placement gives its view of a review.";

const asCouncil = (p: ReviewPlacement) => {
  if (!recordsReviews(p.viewer)) throw forbidden(COUNCIL_ONLY, DomainErrorCode.NotBuyer);
  return p;
};

/** Placements and their outcome reviews: the council records them, the provider sees the submitted ones and gives its view. */
export function outcomeReviewRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "outcome reviews", access: "signed-in" as const, before: [requireMember()] };
  const placementOf = (req: Parameters<typeof memberOf>[0], id: string) => loadReviewPlacement(db, memberOf(req), id);
  const notFoundOrForbidden = {
    403: { description: "You can see the placement but not do this" },
    404: { description: "No such placement or review, or not yours" },
  };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/placements",
    summary: "Your placements: a council's (with the child's reference and the next review due) or a provider's (whether a review awaits your view)",
    responses: {
      200: { description: "Newest start first", schema: PlacementListResponseSchema },
      403: { description: "Placements are for councils' commissioners and providers" },
    },
    handler: async (req, res) => {
      const scope = placementListScopeOf(memberOf(req));
      if (!scope) throw forbidden("Placements are for councils' commissioners and providers.");
      res.json(await listPlacements(db, scope));
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/placements/:id/reviews",
    summary: "A placement's outcome reviews: the council sees drafts too, the provider the submitted ones (audited)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "Oldest first", schema: OutcomeReviewListResponseSchema }, 404: notFoundOrForbidden[404] },
    handler: async (req, res, input) => {
      const placement = await placementOf(req, input.params.id);
      const reviews = await reviewsOf(db, placement.placement.id, placement.viewer);
      await recordReviewRead({ db, actor: memberOf(req), placement, what: "reviews", ip: req.ip });
      res.json({ data: reviews.map(presentReview) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placements/:id/reviews",
    summary: "Start a draft review (the baseline at the start, or a review) of a placement your council made",
    input: { params: IdParamsSchema, body: OutcomeReviewInputSchema },
    responses: {
      201: { description: "The draft", schema: OutcomeReviewResponseSchema },
      400: { description: "Every problem: a date before the start or the baseline, an outcome not of this child's plan, text that identifies someone" },
      409: { description: "The placement already has a baseline" },
      ...notFoundOrForbidden,
    },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const placement = asCouncil(await placementOf(req, input.params.id));
      const review = await createReview({ db, actor, placement, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentReview({ review, view: null }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/placements/:id/reviews/:reviewId",
    summary: "Change a draft review (all its values); a submitted review cannot be changed",
    input: { params: ReviewParamsSchema, body: OutcomeReviewInputSchema },
    responses: {
      200: { description: "The draft after the change", schema: OutcomeReviewResponseSchema },
      400: { description: "Every problem, as when starting a review" },
      409: { description: "The review is submitted, or this would be a second baseline" },
      ...notFoundOrForbidden,
    },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const placement = asCouncil(await placementOf(req, input.params.id));
      const review = await updateReview({ db, actor, placement, reviewId: input.params.reviewId, input: input.body, ip: req.ip });
      res.json({ data: presentReview({ review, view: null }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placements/:id/reviews/:reviewId/submit",
    summary: "Submit a complete review: every current outcome scored, stability, attendance (education lots) and incidents",
    input: { params: ReviewParamsSchema },
    responses: {
      200: { description: "Submitted: the provider now sees it", schema: OutcomeReviewResponseSchema },
      400: { description: "Every value the review still lacks" },
      409: { description: "Already submitted" },
      ...notFoundOrForbidden,
    },
    handler: async (req, res, input) => {
      const placement = asCouncil(await placementOf(req, input.params.id));
      const review = await submitReview({ db, actor: memberOf(req), placement, reviewId: input.params.reviewId, ip: req.ip });
      res.json({ data: presentReview({ review, view: null }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/placements/:id/reviews/:reviewId/provider-view",
    summary: "The provider's own view of a submitted review, replaceable until the council accepts or annotates it",
    input: { params: ReviewParamsSchema, body: ProviderViewInputSchema },
    responses: {
      200: { description: "The review with your view", schema: OutcomeReviewResponseSchema },
      400: { description: "Every problem with the view" },
      409: { description: "The council has already decided on your view" },
      ...notFoundOrForbidden,
    },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const placement = await placementOf(req, input.params.id);
      if (!givesProviderView(placement.viewer)) throw forbidden(PROVIDER_ONLY);
      res.json({ data: presentReview(await saveProviderView({ db, actor, placement, reviewId: input.params.reviewId, input: input.body, ip: req.ip })) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placements/:id/reviews/:reviewId/provider-view/decision",
    summary: "Accept the provider's view of a review, or annotate it with the council's note (once)",
    input: { params: ReviewParamsSchema, body: ProviderViewDecisionSchema },
    responses: {
      200: { description: "The review with the decided view", schema: OutcomeReviewResponseSchema },
      400: { description: "No decision, or a note that identifies someone" },
      409: { description: "The view was already decided" },
      ...notFoundOrForbidden,
    },
    handler: async (req, res, input) => {
      const placement = asCouncil(await placementOf(req, input.params.id));
      const decided = await decideProviderView({ db, actor: memberOf(req), placement, reviewId: input.params.reviewId, input: input.body, ip: req.ip });
      res.json({ data: presentReview(decided) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/placements/:id/distance-travelled",
    summary: "Distance travelled: each outcome's change from the baseline, incident rates per 4 weeks and risk trajectories, from submitted reviews (audited)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The placement's distance travelled", schema: DistanceTravelledResponseSchema }, 404: notFoundOrForbidden[404] },
    handler: async (req, res, input) => {
      const placement = await placementOf(req, input.params.id);
      const distance = await distanceOf(db, placement.placement);
      await recordReviewRead({ db, actor: memberOf(req), placement, what: "distance_travelled", ip: req.ip });
      res.json({ data: distance });
    },
  });
  return router;
}
