import { Router } from "express";
import { DomainErrorCode } from "@shared/errors";
import { IdParamsSchema } from "@shared/schemas/params";
import { PlacementEndSchema, PlacementResponseSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { endPlacement } from "./commands/award";
import { endsPlacement } from "./policy";
import { presentPlacement } from "./present";
import { loadPlacementFor } from "./queries";

/** A placement made by an award: the council that made it and the provider delivering it read it; the council records its end. */
export function placementRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "placement requests", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/placements/:id",
    summary: "A placement: the council that made it and the provider delivering it",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The placement", schema: PlacementResponseSchema } },
    handler: async (req, res, input) => {
      const { placement, settingName, organisationName } = await loadPlacementFor(db, memberOf(req), input.params.id);
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
      const actor = memberOf(req);
      const { placement, settingName, organisationName } = await loadPlacementFor(db, actor, input.params.id);
      if (!endsPlacement(actor, placement)) throw forbidden("Only the council records how a placement ended.", DomainErrorCode.NotBuyer);
      const ended = await endPlacement({ db, actor, placement, endDate: input.body.endDate, reason: input.body.reason, ip: req.ip });
      res.json({ data: presentPlacement(ended ?? placement, { settingName, organisationName }) });
    },
  });
  return router;
}
