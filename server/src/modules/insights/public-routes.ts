import { Router } from "express";
import { PublicInsightsParamsSchema, PublicInsightsResponseSchema } from "@shared/insights/contract";
import type { Db } from "../../db/client";
import { notFound } from "../../http/app-error";
import { defineRoute } from "../../http/route";
import type { InsightsCache } from "./cache";
import { presentPublication, presentReport } from "./present";
import { publicationOf, regionOf } from "./queries";
import { todayUtc } from "./today";

/** The published regional summary, for anyone (providers and parent panels included): the whole region, suppressed. */
export function publicInsightsRoutes({ db, cache }: { db: Db; cache: InsightsCache }): Router {
  const router = Router();

  defineRoute(router, {
    tag: "insights",
    access: "public",
    method: "get",
    path: "/api/v1/public/insights/:regionId",
    summary:
      "The published regional summary: the whole region's insights tables for the period the hub published, suppressed (no sign-in; 404 until published)",
    input: { params: PublicInsightsParamsSchema },
    responses: { 200: { description: "The summary", schema: PublicInsightsResponseSchema } },
    handler: async (_req, res, input) => {
      const { regionId } = input.params;
      const [region, publication] = await Promise.all([regionOf(db, regionId), publicationOf(db, regionId)]);
      if (!region || !publication) throw notFound("A published regional summary for that region");
      const filter = { from: publication.from, to: publication.to };
      const report = presentReport(await cache.factsOf(regionId, todayUtc()), filter, new Map());
      res.json({ data: { region, publication: presentPublication(publication) as NonNullable<ReturnType<typeof presentPublication>>, report } });
    },
  });
  return router;
}
