import { Router } from "express";
import { and, desc, eq } from "drizzle-orm";
import { IdParamsSchema } from "../../../../shared/src/schemas/params";
import { SettingClaimCreateSchema, SettingClaimDecisionSchema, SettingClaimListSchema, SettingClaimResponseSchema } from "../../../../shared/src/schemas/settings";
import type { Db } from "../../db/client";
import { organisations, settingClaims, settings } from "../../db/schema";
import { forbidden, notFound } from "../../http/app-error";
import { actorOf, memberOf, requireRole } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import type { Actor } from "../identity/actor";
import { claimSetting } from "./commands/claim-setting";
import { decideClaim } from "./commands/decide-claim";
import { canClaimSettings, canDecideClaims } from "./policy";
import { presentClaim } from "./present";

/** Claims the actor may see: the region's for its hub, a provider's own otherwise. */
async function visibleClaims(db: Db, actor: Actor, claimId?: string) {
  const rows = await db
    .select({ claim: settingClaims, setting: settings, claimant: organisations })
    .from(settingClaims)
    .innerJoin(settings, eq(settings.id, settingClaims.settingId))
    .innerJoin(organisations, eq(organisations.id, settingClaims.organisationId))
    .where(
      and(
        claimId ? eq(settingClaims.id, claimId) : undefined,
        actor.role === "regional_admin" ? eq(organisations.regionId, actor.regionId ?? "") : eq(settingClaims.organisationId, actor.organisationId ?? ""),
      ),
    )
    .orderBy(desc(settingClaims.createdAt));
  return rows.map((r) => ({ row: r.claim, view: presentClaim(r.claim, { urn: r.setting.urn, settingName: r.setting.name, organisationName: r.claimant.name }) }));
}

export function claimRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "directory", access: "signed-in" as const, before: [requireRole()] };

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/setting-claims",
    summary: "Claim a setting imported from GIAS by its URN (a provider's administrator)",
    input: { body: SettingClaimCreateSchema },
    responses: { 201: { description: "Claimed, waiting for the regional hub", schema: SettingClaimResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canClaimSettings(actor) || !actor.organisationId) throw forbidden("Only a provider's administrators claim settings.");
      const { claim, setting } = await claimSetting({ db, actor: { ...actor, organisationId: actor.organisationId }, urn: input.body.urn, ip: req.ip });
      res.status(201).json({ data: presentClaim(claim, { urn: setting.urn, settingName: setting.name, organisationName: actor.organisationName }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/setting-claims",
    summary: "Claims: all of the region's for the regional hub, a provider's own otherwise",
    responses: { 200: { description: "Claims, newest first", schema: SettingClaimListSchema } },
    handler: async (req, res) => {
      const actor = actorOf(req);
      if (actor.role !== "regional_admin" && actor.role !== "provider") throw forbidden("Claims are for providers and the regional hub.");
      res.json({ data: (await visibleClaims(db, actor)).map((c) => c.view) });
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
      const [found] = await visibleClaims(db, actor, input.params.id);
      if (!found) throw notFound("The claim");
      if (!canDecideClaims(actor, actor.regionId)) throw forbidden("Only the regional hub decides claims.");
      await decideClaim({ db, actor, claim: found.row, decision: input.body.decision, reason: input.body.reason, ip: req.ip });
      const [after] = await visibleClaims(db, actor, input.params.id);
      res.json({ data: after?.view });
    },
  });
  return router;
}
