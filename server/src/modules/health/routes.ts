import { Router } from "express";
import { type Health, HealthSchema } from "@shared/schemas/health";
import type { DbHandle } from "../../db/client";
import { defineRoute } from "../../http/route";
import { VERSION } from "../../paths";

export function healthRoutes(handle: DbHandle): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/health",
    summary: "Whether this node and its database are working",
    tag: "meta",
    access: "public",
    responses: {
      200: { description: "Serving, database reachable", schema: HealthSchema },
      503: { description: "Serving, but the database is unreachable", schema: HealthSchema },
    },
    handler: async (req, res) => {
      const dbUp = await handle.ping(1500).then(
        () => true,
        (error: unknown) => (req.log.warn({ err: error }, "health: database unreachable"), false),
      );
      const body: Health = { status: dbUp ? "ok" : "degraded", db: dbUp ? "ok" : "down", version: VERSION };
      res
        .status(dbUp ? 200 : 503)
        .setHeader("Cache-Control", "no-store")
        .json(body);
    },
  });
  return router;
}
