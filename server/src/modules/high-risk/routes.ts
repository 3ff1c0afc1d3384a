import { Router } from "express";
import { z } from "zod";
import { HighRiskDefinitionResponseSchema, HighRiskRulesSchema } from "@shared/insights/high-risk";
import { PlacementHighRiskSchema } from "@shared/schemas/outcome-reviews";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { rulesMetBy } from "../insights/facts/placement-fact";
import { loadPlacementSources } from "../insights/facts/placement-sources";
import { loadPlacementFor } from "../placement-requests/queries";
import { setHighRiskDefinition } from "./commands/set-high-risk-definition";
import { changesHighRiskDefinition, readsHighRiskDefinition } from "./policy";
import { presentHighRiskDefinition, presentPlacementHighRisk } from "./present";
import { highRiskDefinitionOf, highRiskRulesByRegion, recordHighRiskRead } from "./queries";

const PlacementHighRiskResponseSchema = z.object({ data: PlacementHighRiskSchema });

/** The region's definition of a high-risk placement, and which of its rules a placement meets. */
export function highRiskRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "high-risk placements", access: "signed-in" as const };

  defineRoute(router, {
    ...common,
    before: [requireMember(readsHighRiskDefinition)],
    method: "get",
    path: "/api/v1/high-risk-definition",
    summary: "The region's definition of a high-risk placement (the default until the hub changes it)",
    responses: { 200: { description: "The definition", schema: HighRiskDefinitionResponseSchema } },
    handler: async (req, res) => {
      const { rules, stored } = await highRiskDefinitionOf(db, memberOf(req).regionId);
      res.json({ data: presentHighRiskDefinition(rules, stored?.updatedAt ?? null) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(changesHighRiskDefinition)],
    method: "put",
    path: "/api/v1/high-risk-definition",
    summary: "Change the region's definition of a high-risk placement (the hub's administrators; audited before and after; the figures follow within a minute)",
    input: { body: HighRiskRulesSchema },
    responses: { 200: { description: "The definition now", schema: HighRiskDefinitionResponseSchema } },
    handler: async (req, res, input) => {
      const stored = await setHighRiskDefinition({ db, actor: memberOf(req), rules: input.body, ip: req.ip });
      res.json({ data: presentHighRiskDefinition(stored.rules, stored.updatedAt) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember()],
    method: "get",
    path: "/api/v1/placements/:id/high-risk",
    summary: "Whether a placement is high risk and which rules of the region's definition make it so, judged now from its sources",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The rules met", schema: PlacementHighRiskResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const { placement } = await loadPlacementFor(db, actor, input.params.id);
      const [source] = await loadPlacementSources(db, [placement.id]);
      if (!source) throw new Error(`placement ${placement.id} has no sources`);
      const rules = (await highRiskRulesByRegion(db, [source.regionId])).get(source.regionId)!;
      await recordHighRiskRead(db, { actor, placement, ip: req.ip });
      res.json({ data: presentPlacementHighRisk(rulesMetBy(source, rules), rules) });
    },
  });
  return router;
}
