import { Router } from "express";
import { RegionListSchema } from "@shared/schemas/region";
import type { Db } from "../../db/client";
import { defineRoute } from "../../http/route";
import { presentRegionSummary } from "./present";
import { listRegionsWithPublicDetail } from "./queries";

export function regionRoutes(db: Db): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/regions",
    summary: "The regions, their councils and their frameworks' lots (public information)",
    tag: "regions",
    access: "public",
    responses: { 200: { description: "Every region", schema: RegionListSchema } },
    handler: async (_req, res) => {
      const rows = await listRegionsWithPublicDetail(db);
      res.json({ data: rows.map(presentRegionSummary) });
    },
  });
  return router;
}
