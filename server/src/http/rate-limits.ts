import { type ClientRateLimitInfo, ipKeyGenerator, MemoryStore, type Options, rateLimit, type RateLimitRequestHandler, type Store } from "express-rate-limit";
import { RedisStore } from "rate-limit-redis";
import { ErrorCode } from "@shared/errors";
import type { RedisLink } from "../lib/redis-link";
import type { Logger } from "../logger";

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

export interface RateLimitDeps {
  /** With Redis configured the counters live there, shared by every node. */
  redis?: RedisLink | undefined;
  /**
   * Names this deployment's counters in Redis (the database's name), so two deployments sharing
   * one Redis (a staging and a test service, or parallel test runs) do not count for each other.
   */
  scope?: string | undefined;
  logger?: Logger | undefined;
}

/**
 * Counters in Redis, falling back to this node's memory while Redis is unreachable.
 *
 * Why a fallback rather than failing open (letting every request through) or failing closed (an
 * error): a Redis outage must not turn sign-in into 5xx for everyone, and it must not switch off
 * the limit that slows password-spraying either, since an outage is exactly when nobody is
 * watching. During the outage each node counts on its own, as a single node always did: the
 * effective limit is up to N times higher with N nodes, and the node's counts start from zero.
 * When Redis answers again the shared counts are used again (the outage's counts are not copied
 * over: the window is a minute or an hour, so they age out of the memory store on their own).
 */
class RedisOrMemoryStore implements Store {
  readonly localKeys = false;
  readonly prefix: string;
  private readonly redis: RedisStore;
  private readonly memory = new MemoryStore();
  private warned = false;

  constructor(
    private readonly link: RedisLink,
    prefix: string,
    private readonly logger: Logger | undefined,
  ) {
    this.prefix = prefix;
    this.redis = new RedisStore({
      prefix,
      sendCommand: (command: string, ...args: string[]) => link.client.call(command, ...args) as Promise<string | number | string[]>,
    });
  }

  init(options: Options): void {
    this.memory.init(options);
    // The store loads its scripts here, which fails unless Redis is already connected; they are
    // loaded again each time the connection is (re)established.
    this.redis.init(options).catch(() => undefined);
    this.link.client.on("ready", () => this.reload());
  }

  /** rate-limit-redis keeps the promise of its scripts' first load: a failed one would fail every later call. */
  private reload(): void {
    this.redis.incrementScriptSha = this.redis.loadIncrementScript();
    this.redis.getScriptSha = this.redis.loadGetScript();
    // Nobody may be waiting on them yet; a failure shows again at the next call.
    this.redis.incrementScriptSha.catch(() => undefined);
    this.redis.getScriptSha.catch(() => undefined);
  }

  private async either<T>(viaRedis: () => Promise<T>, inMemory: () => T | Promise<T>): Promise<T> {
    if (this.link.client.status === "ready") {
      try {
        const result = await viaRedis();
        this.warned = false;
        return result;
      } catch (error) {
        if (!this.warned) this.logger?.warn({ err: error, store: this.prefix }, "rate limits: Redis failed, counting in this node's memory meanwhile");
        this.warned = true;
        this.reload();
      }
    }
    return inMemory();
  }

  get(key: string): Promise<ClientRateLimitInfo | undefined> {
    return this.either(
      () => this.redis.get(key),
      () => this.memory.get(key),
    );
  }

  increment(key: string) {
    return this.either(
      () => this.redis.increment(key),
      () => this.memory.increment(key),
    );
  }

  decrement(key: string): Promise<void> {
    return this.either(
      () => this.redis.decrement(key),
      () => this.memory.decrement(key),
    );
  }

  resetKey(key: string): Promise<void> {
    return this.either(
      () => this.redis.resetKey(key),
      () => this.memory.resetKey(key),
    );
  }

  shutdown(): void {
    this.memory.shutdown();
  }
}

function limiter(windowMs: number, limit: number, key: "ip" | "user", what: string, store: Store | undefined): RateLimitRequestHandler {
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: "draft-8",
    legacyHeaders: false,
    ...(store ? { store } : {}),
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
 * With Redis (REDIS_URL) the counters are shared by every node, so the limit is the same however
 * many nodes the load balancer spreads a client over. Without it they are per node, in memory:
 * with N nodes the effective limit is up to N times higher, which still stops a single client
 * hammering one node.
 */
export function createRateLimiters(options: RateLimitOptions = {}, deps: RateLimitDeps = {}): RateLimiters {
  const store = (name: string) => (deps.redis ? new RedisOrMemoryStore(deps.redis, `rl:${deps.scope ?? "px"}:${name}:`, deps.logger) : undefined);
  return {
    signIn: limiter(60_000, options.signInPerMinute ?? 30, "ip", "sign-in attempts", store("sign-in")),
    tokens: limiter(3_600_000, options.tokensPerHour ?? 20, "user", "new API tokens", store("tokens")),
  };
}
