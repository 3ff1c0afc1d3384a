import { Router } from "express";
import { type Liveness, LivenessSchema, type Readiness, ReadinessSchema } from "@shared/schemas/probes";
import type { DbHandle } from "../../db/client";
import { defineRoute } from "../../http/route";

/** Set once, on SIGTERM (main.ts): from then on the node says it is not ready. */
export interface DrainState {
  draining: boolean;
}

export const createDrainState = (): DrainState => ({ draining: false });

// A readiness probe that waits longer than the orchestrator's timeout counts as a failure anyway.
const DATABASE_PING_MS = 1500;
// Seconds a client should wait before asking again: about one probe period.
const RETRY_AFTER_SECONDS = 5;

/**
 * Kubernetes-style probes, kept apart on purpose. Liveness restarts a process, so it checks only
 * that the event loop answers: a database outage must not restart every node at once. Readiness
 * only takes a node out of the load balancer, so it checks what serving needs (the database) and
 * turns false while the node drains. Redis is not checked: REST works without it.
 */
export function probeRoutes(handle: DbHandle, drain: DrainState): Router {
  const router = Router();
  defineRoute(router, {
    method: "get",
    path: "/api/v1/health/live",
    summary: "Liveness: this process answers (no dependency is checked)",
    tag: "meta",
    access: "public",
    responses: { 200: { description: "The event loop answered", schema: LivenessSchema } },
    handler: (_req, res) => {
      const body: Liveness = { status: "ok" };
      res.status(200).setHeader("Cache-Control", "no-store").json(body);
    },
  });
  defineRoute(router, {
    method: "get",
    path: "/api/v1/health/ready",
    summary: "Readiness: this node can serve (database answers, not draining)",
    tag: "meta",
    access: "public",
    responses: {
      200: { description: "Ready for traffic", schema: ReadinessSchema },
      503: { description: "Not ready: draining, or the database does not answer; Retry-After says when to ask again", schema: ReadinessSchema },
    },
    handler: async (req, res) => {
      let body: Readiness;
      if (drain.draining) {
        body = { status: "draining", draining: true, db: "not_checked" };
      } else {
        const dbUp = await handle.ping(DATABASE_PING_MS).then(
          () => true,
          (error: unknown) => (req.log.warn({ err: error }, "readiness: database unreachable"), false),
        );
        body = dbUp ? { status: "ready", draining: false, db: "ok" } : { status: "database_unreachable", draining: false, db: "down" };
      }
      res.setHeader("Cache-Control", "no-store");
      if (body.status !== "ready") res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      res.status(body.status === "ready" ? 200 : 503).json(body);
    },
  });
  return router;
}
