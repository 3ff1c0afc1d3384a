import { Router } from "express";
import { compareCohorts } from "@shared/insights/cohort";
import {
  CohortComparisonResponseSchema,
  CohortQuerySchema,
  type InsightsFilter,
  InsightsFilterSchema,
  InsightsPublicationInputSchema,
  InsightsPublicationResponseSchema,
  InsightsResponseSchema,
} from "@shared/insights/contract";
import type { Db } from "../../db/client";
import { forbidden, validationFailed } from "../../http/app-error";
import { type Member, memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import type { InsightsCache } from "./cache";
import { cohortOf } from "./cohort-query";
import { publishInsights } from "./commands/publish-insights";
import { insightsCsv } from "./csv";
import { canPublish, canSeeInsights, canSeePublication, councilRefusal, NOT_FOR_YOU } from "./policy";
import { councilName, presentPublication, presentReport } from "./present";
import { councilsOf, publicationOf } from "./queries";
import { todayUtc } from "./today";

/** Refuses what the actor may not see of a filter; a council outside the region is a 400 on the field. */
async function checkFilter(db: Db, actor: Member, filter: InsightsFilter, field = "query.council"): Promise<Map<string, string>> {
  const refusal = councilRefusal(actor, filter);
  if (refusal) throw forbidden(refusal);
  const councils = await councilsOf(db, actor.regionId);
  if (filter.council && !councils.has(filter.council)) throw validationFailed([{ path: field, message: "Choose a council of the region" }]);
  return councils;
}

export function insightsRoutes({ db, cache }: { db: Db; cache: InsightsCache }): Router {
  const router = Router();
  const common = { tag: "insights", access: "signed-in" as const, before: [requireMember()] };

  const reportFor = async (actor: Member, filter: InsightsFilter) => {
    if (!canSeeInsights(actor)) throw forbidden(NOT_FOR_YOU);
    const councils = await checkFilter(db, actor, filter);
    return presentReport(await cache.factsOf(actor.regionId, todayUtc()), filter, councils);
  };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/insights/placements",
    summary:
      "Regional insights on placements (risks, fees, time to place, breakdowns, outcomes) for a period of award, lot, council and high-risk only; every count from 1 to 4 and enough others are [c]",
    input: { query: InsightsFilterSchema },
    responses: { 200: { description: "The tables", schema: InsightsResponseSchema } },
    handler: async (req, res, input) => {
      res.json({ data: await reportFor(memberOf(req), input.query) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/insights/placements.csv",
    summary: "The same tables as one CSV: each table's title, header and rows in turn, [c] where the JSON has it",
    input: { query: InsightsFilterSchema },
    responses: { 200: { description: "text/csv" } },
    handler: async (req, res, input) => {
      const report = await reportFor(memberOf(req), input.query);
      res.type("text/csv").setHeader("Content-Disposition", 'attachment; filename="placement-insights.csv"').send(insightsCsv(report));
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/insights/compare",
    summary:
      "Two filter sets side by side (a… and b… parameters): placements, % high risk, mean risks, median fee, breakdowns, outcomes, with the difference and a 95% interval",
    input: { query: CohortQuerySchema },
    responses: { 200: { description: "The comparison", schema: CohortComparisonResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canSeeInsights(actor)) throw forbidden(NOT_FOR_YOU);
      const { a, b } = cohortOf(input.query);
      const councils = await checkFilter(db, actor, a, "query.aCouncil");
      await checkFilter(db, actor, b, "query.bCouncil");
      const { data } = await cache.factsOf(actor.regionId, todayUtc());
      res.json({ data: compareCohorts({ data, a, b, councilName: (id) => councilName(councils, id) }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/insights/publication",
    summary: "The period of the published regional summary, or null (the regional hub)",
    responses: { 200: { description: "The publication", schema: InsightsPublicationResponseSchema } },
    handler: async (req, res) => {
      const actor = memberOf(req);
      if (!canSeePublication(actor)) throw forbidden("The published summary's period is set by the regional hub.");
      res.json({ data: presentPublication(await publicationOf(db, actor.regionId)) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/insights/publication",
    summary: "Publish the regional summary for a period of whole months, replacing the last (the hub's administrators; audited)",
    input: { body: InsightsPublicationInputSchema },
    responses: { 200: { description: "Published", schema: InsightsPublicationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canPublish(actor)) throw forbidden("Only the regional hub's administrators publish the regional summary.");
      res.json({ data: presentPublication(await publishInsights({ db, actor, input: input.body, ip: req.ip })) });
    },
  });
  return router;
}
