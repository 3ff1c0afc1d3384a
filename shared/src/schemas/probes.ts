import { z } from "zod";

/** GET /api/v1/health/live: the process answers (its event loop runs); nothing else is checked. */
export const LivenessSchema = z.object({ status: z.literal("ok") });
export type Liveness = z.infer<typeof LivenessSchema>;

/**
 * GET /api/v1/health/ready: whether a load balancer should send this node traffic. `status`
 * names why not: the node is draining (shutting down) or its database does not answer.
 */
export const ReadinessSchema = z.object({
  status: z.enum(["ready", "draining", "database_unreachable"]),
  draining: z.boolean(),
  /** not_checked while draining: the answer is no whatever the database says. */
  db: z.enum(["ok", "down", "not_checked"]),
});
export type Readiness = z.infer<typeof ReadinessSchema>;
