import { z } from "zod";

export const HealthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  db: z.enum(["ok", "down"]),
  /**
   * Redis carries live events between nodes and holds the shared rate-limit counters. "down"
   * does not make the node unhealthy: it keeps serving, its live events reach its own clients
   * only, and its rate limits count in memory. "off": no REDIS_URL (a single node).
   */
  redis: z.enum(["ok", "down", "off"]),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;
