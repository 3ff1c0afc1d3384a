import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "../logger";

/**
 * One node's command connection to Redis (rate-limit counters, the health check), built so that
 * Redis being away never holds or fails a request:
 *
 * - no offline queue: while the connection is down a command fails at once instead of waiting
 *   in memory, so a request falls back (rate limits) rather than hanging, and nothing queued
 *   during an outage is replayed late when Redis returns;
 * - a command that gets no answer (Redis hung, not closed) fails after `COMMAND_TIMEOUT_MS`;
 * - it reconnects for ever, backing off to every 2 s, and logs an outage once when it starts
 *   and once when it ends rather than at every failed attempt.
 */
export interface RedisLink {
  readonly client: Redis;
  /** Whether Redis answers a PING within `timeoutMs` (false at once while disconnected). */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const COMMAND_TIMEOUT_MS = 1000;

/** Options shared by every connection the app makes to Redis. */
export const REDIS_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: COMMAND_TIMEOUT_MS,
  // Never give up: Redis coming back must be noticed without restarting the node.
  retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
};

/** Logs the start and end of an outage once each (every reconnect attempt raises an error). */
export function reportOutages(client: Redis, logger: Logger, what: string): void {
  let down = false;
  client.on("error", (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error, what }, "redis unreachable: carrying on without it until it returns");
  });
  client.on("close", () => {
    down = true;
  });
  client.on("ready", () => {
    if (down) logger.info({ what }, "redis reachable again");
    down = false;
  });
}

export function openRedisLink(url: string, logger: Logger): RedisLink {
  const client = new Redis(url, REDIS_OPTIONS);
  reportOutages(client, logger, "commands");
  return {
    client,
    async ping(timeoutMs = 500) {
      if (client.status !== "ready") return false;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([client.ping().then(() => true as const), late]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      // quit() needs a live connection; disconnect() also stops the reconnect loop.
      await client.quit().catch(() => client.disconnect());
    },
  };
}
