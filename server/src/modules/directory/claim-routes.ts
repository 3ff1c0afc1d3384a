import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import {
  SettingClaimCreateSchema,
  SettingClaimDecisionSchema,
  SettingClaimListQuerySchema,
  SettingClaimListSchema,
  SettingClaimResponseSchema,
} from "@shared/schemas/settings";
import type { Db } from "../../db/client";
import { forbidden, notFound } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { claimSetting } from "./commands/claim-setting";
import { decideClaim } from "./commands/decide-claim";
import { canClaimSettings, canDecideClaims, canSeeClaims } from "./policy";
import { presentClaim, presentClaimRow } from "./present";
import { listVisibleClaims, loadVisibleClaim } from "./queries";

export function claimRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "directory", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/setting-claims",
    summary: "Claim a setting imported from GIAS by its URN (a provider's administrator)",
    input: { body: SettingClaimCreateSchema },
    responses: { 201: { description: "Claimed, waiting for the regional hub", schema: SettingClaimResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canClaimSettings(actor)) throw forbidden("Only a provider's administrators claim settings.");
      const { claim, setting } = await claimSetting({ db, actor, urn: input.body.urn, ip: req.ip });
      res.status(201).json({ data: presentClaim(claim, { urn: setting.urn, settingName: setting.name, organisationName: actor.organisationName }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/setting-claims",
    summary:
      "Claims, 20 a page: all of the region's for the regional hub, a provider's own otherwise; search by setting, URN or provider, filter by status (pending: waiting for a decision)",
    input: { query: SettingClaimListQuerySchema },
    responses: { 200: { description: "Claims, newest first", schema: SettingClaimListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canSeeClaims(actor)) throw forbidden("Claims are for providers and the regional hub.");
      const { rows, meta } = await listVisibleClaims(db, actor, input.query);
      res.json({ data: rows.map(presentClaimRow), meta });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/setting-claims/:id",
    summary: "Approve or reject a claim, with a reason the provider sees (the regional hub)",
    input: { params: IdParamsSchema, body: SettingClaimDecisionSchema },
    responses: { 200: { description: "Decided", schema: SettingClaimResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const [found] = await loadVisibleClaim(db, actor, input.params.id);
      if (!found) throw notFound("The claim");
      if (!canDecideClaims(actor, actor.regionId)) throw forbidden("Only the regional hub decides claims.");
      await decideClaim({ db, actor, claim: found.claim, decision: input.body.decision, reason: input.body.reason, ip: req.ip });
      const [after] = await loadVisibleClaim(db, actor, input.params.id);
      res.json({ data: after && presentClaimRow(after) });
    },
  });
  return router;
}
