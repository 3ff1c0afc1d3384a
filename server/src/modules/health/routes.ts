import { Router } from "express";
import { type Health, HealthSchema } from "@shared/schemas/health";
import type { DbHandle } from "../../db/client";
import { defineRoute } from "../../http/route";
import type { RedisLink } from "../../lib/redis-link";
import { VERSION } from "../../paths";
import type { LiveHub } from "../../realtime/live-hub";

export function healthRoutes(handle: DbHandle, redis?: RedisLink, live?: Pick<LiveHub, "crossNode">): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/health",
    summary: "Whether this node, its database and Redis are working",
    tag: "meta",
    access: "public",
    responses: {
      200: { description: "Serving, database reachable (Redis may be down: live events then reach this node's clients only)", schema: HealthSchema },
      503: { description: "Serving, but the database is unreachable", schema: HealthSchema },
    },
    handler: async (req, res) => {
      const [dbUp, redisUp] = await Promise.all([
        handle.ping(1500).then(
          () => true,
          (error: unknown) => (req.log.warn({ err: error }, "health: database unreachable"), false),
        ),
        redis?.ping(),
      ]);
      const body: Health = {
        status: dbUp ? "ok" : "degraded",
        db: dbUp ? "ok" : "down",
        // Not a reason for 503: without Redis the node still serves everything (see HealthSchema).
        // "ok" once this node's live events go between the nodes again, not merely once Redis answers.
        redis: redisUp === undefined ? "off" : redisUp && live?.crossNode() !== false ? "ok" : "down",
        version: VERSION,
      };
      res
        .status(dbUp ? 200 : 503)
        .setHeader("Cache-Control", "no-store")
        .json(body);
    },
  });
  return router;
}
