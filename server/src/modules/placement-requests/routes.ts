import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import {
  RequestCancelSchema,
  RequestCreateSchema,
  RequestListQuerySchema,
  RequestListSchema,
  RequestViewResponseSchema,
} from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { asCommissioner } from "../children/policy";
import { loadCompleteChildRow } from "../children/queries";
import { amendmentRoutes } from "./amend-routes";
import { buyerStep } from "./buyer-step";
import { createRequest } from "./commands/create-request";
import { cancelRequest, openDraft } from "./commands/open-or-cancel";
import { markViewed } from "./commands/respond";
import { listRequests } from "./list";
import { takesPartInRequests } from "./policy";
import { loadRequestFor } from "./queries";
import { buildRequestView } from "./view";

/** Making, reading, opening and cancelling placement requests. Responses, evaluation, award and placements have their own files. */
export function placementRequestRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "placement requests", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    // Requests, offers and prices are for the councils and providers taking part: panels and the hub are refused, not shown an empty list.
    before: [requireMember(takesPartInRequests)],
    method: "get",
    path: "/api/v1/placement-requests",
    summary:
      "Your council's placement requests, or those your settings are invited to (providers): search by public reference (or, for the council, the child's reference), filter by state, 20 a page",
    input: { query: RequestListQuerySchema },
    responses: { 200: { description: "Newest first, one page, with the total", schema: RequestListSchema } },
    handler: async (req, res, input) => {
      res.json(await listRequests(db, memberOf(req), input.query));
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placement-requests",
    summary: "Make a placement request (mini-competition) for a child: invited settings, deadline, weights, criteria, mode",
    input: { body: RequestCreateSchema },
    responses: {
      201: { description: "Made (open unless kept as a draft)", schema: RequestViewResponseSchema },
      409: { description: "The child's profile is a draft: complete it first" },
    },
    handler: async (req, res, input) => {
      const actor = asCommissioner(memberOf(req));
      const child = await loadCompleteChildRow(db, actor, input.body.childId);
      const request = await createRequest({ db, actor, child, input: input.body, ip: req.ip });
      res.status(201).json({ data: await buildRequestView(db, request, { kind: "commissioner" }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/placement-requests/:id",
    summary: "A placement request as you may see it: the council all statuses (sealed offers only once opened), a provider its own",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The request", schema: RequestViewResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const { request, viewer, unviewed } = await loadRequestFor(db, actor, input.params.id);
      // The first look marks the invitation viewed (audited); the council sees it live.
      if (viewer.kind === "provider" && unviewed) await markViewed(db, request.id, { userId: actor.userId, organisationId: viewer.organisationId }, req.ip);
      res.json({ data: await buildRequestView(db, request, viewer) });
    },
  });

  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/open",
    summary: "Open a draft request to its invited providers",
    description: "The request after the change",
    run: ({ actor, request, ip }) => openDraft({ db, actor, request, ip }),
  });
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/cancel",
    summary: "Cancel a request, with a reason invited providers see",
    description: "The request after the change",
    body: RequestCancelSchema,
    run: ({ actor, request, body, ip }) => cancelRequest({ db, actor, request, reason: body.reason, ip }),
  });
  amendmentRoutes(router, { db });
  return router;
}
