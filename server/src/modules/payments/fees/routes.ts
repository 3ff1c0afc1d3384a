import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import { FeeChangeInputSchema, PlacementFeesResponseSchema } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { forbidden } from "../../../http/app-error";
import { memberOf, requireMember } from "../../../http/require-actor";
import { defineRoute } from "../../../http/route";
import { loadPlacementFor } from "../../placement-requests/queries";
import { changesPlacementFee, readsInvoices } from "../policy";
import { changeFee, feeHistoryOf } from "./change-fee";

/** A placement's weekly fee over time: the council changes it, the council and the provider read it. */
export function feeRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "payments", access: "signed-in" as const };
  // Who sees the placement is placement-requests' rule: the council that made it and its provider; others 404.
  const before = [requireMember(readsInvoices)];

  defineRoute(router, {
    ...common,
    before,
    method: "get",
    path: "/api/v1/placements/:id/fees",
    summary: "A placement's weekly fees over time, oldest first (the council that made it and the provider)",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The fee history", schema: PlacementFeesResponseSchema } },
    handler: async (req, res, input) => {
      const { placement } = await loadPlacementFor(db, memberOf(req), input.params.id);
      res.json({ data: await feeHistoryOf(db, placement.id) });
    },
  });

  defineRoute(router, {
    ...common,
    before,
    method: "post",
    path: "/api/v1/placements/:id/fee-changes",
    summary:
      "Change a placement's weekly fee from a date within it (the council that made it; invoiced periods are corrected at the next billing run; audited)",
    input: { params: IdParamsSchema, body: FeeChangeInputSchema },
    responses: {
      200: { description: "The fee history now", schema: PlacementFeesResponseSchema },
      400: { description: "Every problem, including a date outside the placement" },
    },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const { placement } = await loadPlacementFor(db, actor, input.params.id);
      if (!changesPlacementFee(actor, placement)) throw forbidden("Only the council that made the placement changes its fee.");
      res.json({ data: await changeFee({ db, actor, placement, input: input.body, ip: req.ip }) });
    },
  });
  return router;
}
