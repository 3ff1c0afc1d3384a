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
  // How long a disconnect waits for the socket's close before destroying it. A socket Redis
  // already closed never closes again, so each disconnect while Redis is down kept a timer for
  // this long (2 s by default), holding up a process's exit.
  disconnectTimeout: 200,
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

const PROBE_EVERY_MS = 1000;
const PROBES_MISSED = 2;

/**
 * A Redis that stops answering while its connections stay open (hung, or stalled in a failover)
 * raises no "close", so nothing else notices: each command just waits out its timeout, and the
 * live events published meanwhile would reach the other nodes late, whenever it woke. Every
 * `PROBE_EVERY_MS` this PINGs through `probe` (a connection with a command timeout); after
 * `PROBES_MISSED` misses in a row it drops `clients` and lets them reconnect, so the outage runs
 * the way a closed one does: fallbacks at once instead of a timeout per command, live pages told
 * and resynchronised when Redis answers again. Two misses, not one: a node whose own event loop
 * stalled past the timeout would otherwise drop a healthy Redis.
 */
export function dropWhenHung(probe: Redis, clients: Redis[], logger: Logger, what: string): { stop(): void } {
  let missed = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(check, PROBE_EVERY_MS);
    timer.unref();
  };
  const check = () => {
    if (probe.status !== "ready") {
      missed = 0;
      next();
      return;
    }
    probe
      .ping()
      .then(
        () => {
          missed = 0;
        },
        () => {
          missed += 1;
          if (missed < PROBES_MISSED || stopped) return;
          missed = 0;
          logger.warn({ what }, "redis stopped answering: dropping its connections until it answers again");
          for (const client of clients) client.disconnect(true);
        },
      )
      .finally(next);
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

export function openRedisLink(url: string, logger: Logger): RedisLink {
  const client = new Redis(url, REDIS_OPTIONS);
  reportOutages(client, logger, "commands");
  const hung = dropWhenHung(client, [client], logger, "commands");
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
      hung.stop();
      await closeRedis(client);
    },
  };
}

/**
 * QUIT while connected (what was sent is answered first), else disconnect, which also stops the
 * reconnect loop. (A QUIT sent while not connected is refused at once, but ioredis leaves its
 * command timer running, which held a test's process a second after it ended.)
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== "ready") return client.disconnect();
  await client.quit().catch(() => client.disconnect());
}
