import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from "express-rate-limit";
import { ErrorCode } from "@shared/errors";

export interface RateLimiters {
  /** /auth/login and /auth/callback, per client address: slows password-spraying at the IdP through us. */
  signIn: RateLimitRequestHandler;
  /** Making API tokens, per person. */
  tokens: RateLimitRequestHandler;
}

export interface RateLimitOptions {
  signInPerMinute?: number;
  tokensPerHour?: number;
}

function limiter(windowMs: number, limit: number, key: "ip" | "user", what: string): RateLimitRequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    keyGenerator: (req) => (key === "user" && req.actor ? `user:${req.actor.userId}` : ipKeyGenerator(req.ip ?? "unknown")),
    handler: (_req, res, _next, options) => {
      res.status(options.statusCode).json({
        code: ErrorCode.RateLimited,
        message: `Too many ${what}. Wait a few minutes, then try again.`,
      });
    },
  });
}

/**
 * Per-node, in-memory counters: with N nodes behind a load balancer the effective limit is up to
 * N times higher, which still stops a single client hammering one node.
 */
export function createRateLimiters(options: RateLimitOptions = {}): RateLimiters {
  return {
    signIn: limiter(60_000, options.signInPerMinute ?? 30, "ip", "sign-in attempts"),
    tokens: limiter(3_600_000, options.tokensPerHour ?? 20, "user", "new API tokens"),
  };
}
