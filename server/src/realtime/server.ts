import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { type Namespace, Server } from "socket.io";
import type { ClientToServerEvents, LiveConnectError, LiveIdentity, ServerToClientEvents } from "@shared/events";
import type { Db } from "../db/client";
import type { Env } from "../env";
import { closeRedis, dropWhenHung, REDIS_OPTIONS, reportOutages } from "../lib/redis-link";
import type { Logger } from "../logger";
import type { PostgresSessionStore } from "../modules/auth/session-store";
import type { Actor } from "../modules/identity/actor";
import { startClockTicker } from "../modules/placement-requests/clock-ticker";
import { registerRequestEvents } from "../modules/placement-requests/realtime";
import { registerReviewRoundEvents } from "../modules/review-rounds/realtime";
import { failureRefusal, type LiveEventDeps, type LiveSocket, onLiveEvent, type SocketData } from "./live-events";
import { type LiveHub, rooms } from "./live-hub";
import { DEFAULT_LIVE_LIMITS, Gate, type LiveLimitOptions, PersonBuckets, TokenBucket } from "./live-limits";
import { startSessionSweep } from "./session-sweep";
import { identifySocket } from "./socket-auth";

/** Between nodes, through Redis: "resynchronise your clients" after an outage (see watchRedis). */
interface NodeToNodeEvents {
  "live:resync": () => void;
}

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, SocketData>;
type LiveNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, NodeToNodeEvents, SocketData>;

export interface RealtimeDeps {
  db: Db;
  env: Env;
  logger: Logger;
  store: PostgresSessionStore;
  live: LiveHub;
  /** How often `time` events go out (default every 5 s); tests shorten it. */
  clockTickMs?: number | undefined;
  /** How often open connections' sessions and people are checked again (default every 60 s); tests shorten it. */
  sessionSweepMs?: number | undefined;
  /** Rate limits and caps on live events (live-limits.ts); tests may tighten them. */
  limits?: Partial<LiveLimitOptions> | undefined;
}

const refusal = (data: LiveConnectError) => Object.assign(new Error(data.message), { data });

const identityOf = (actor: Actor): LiveIdentity => ({
  userId: actor.userId,
  role: actor.role,
  organisationId: actor.organisationId,
  organisationKind: actor.organisationKind,
});

/** socket.io on the same HTTP server: namespace /live, authenticated like the HTTP API. */
export async function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps): Promise<{ io: LiveServer; close(): Promise<void> }> {
  const ownOrigin = new URL(deps.env.publicUrl).origin;
  const io: LiveServer = new Server(httpServer, {
    serveClient: false,
    // Browsers always send Origin across sites; a foreign one is a cross-site WebSocket hijack.
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(origin === undefined || origin === ownOrigin ? null : "origin not allowed", origin === undefined || origin === ownOrigin);
    },
    // No connection-state recovery. socket.io restores a session from the `pid` and `offset` a
    // client presents, writes the missed events to it and joins the old rooms before any
    // middleware runs, so anyone holding another connection's pid (or a person removed from
    // their organisation since) would get that connection's rooms and sealed events. Every
    // connection is new, authenticated, and joins only what it asks for again; the client
    // re-watches on every connect and the ack's snapshot replaces what it shows.
    connectionStateRecovery: undefined,
  });
  const redis = deps.env.redisUrl ? connectRedisAdapter(io, deps.env.redisUrl, deps.logger) : undefined;

  const limits: LiveLimitOptions = { ...DEFAULT_LIVE_LIMITS, ...deps.limits };
  const handshakes = new Gate(limits.handshakesPerNode, Number.POSITIVE_INFINITY);
  const live = io.of("/live");
  live.use((socket: LiveSocket, next) => {
    handshakes
      .run(() => identifySocket(socket, deps))
      .then(
        (identity) => {
          if (!identity) return next(refusal({ code: "unauthorized", message: "Sign in first, or connect with auth: { token } carrying an API token." }));
          socket.data.actor = identity.actor;
          if (identity.sessionId) socket.data.sessionId = identity.sessionId;
          next();
        },
        // Not the error itself: socket.io sends its text to the client, and a failed query's text
        // holds the SQL and the token's hash. PostgreSQL out of reach (or the node too busy to
        // check in time) is said as for any event, and the page tries again (refused-connection.ts).
        (error: unknown) => {
          const { code, message } = failureRefusal(error, deps.logger, { event: "connection" });
          next(refusal({ code: code === "service_unavailable" ? code : "internal_error", message }));
        },
      );
  });
  const people = new PersonBuckets(limits);
  const eventDeps: LiveEventDeps = { logger: deps.logger, limits, gate: new Gate(limits.concurrentPerNode, limits.queuePerNode) };
  live.on("connection", (socket: LiveSocket) => {
    const { actor, sessionId } = socket.data;
    socket.data.budget = {
      socket: new TokenBucket(limits.socketBurst, limits.socketPerSecond),
      person: people.attach(actor.userId),
      refusals: new TokenBucket(limits.refusalBurst, limits.refusalsPerSecond),
      inFlight: 0,
    };
    socket.on("disconnect", () => people.detach(actor.userId));
    void socket.join([rooms.user(actor.userId), ...(actor.organisationId ? [rooms.organisation(actor.organisationId)] : [])]);
    if (sessionId) void socket.join(rooms.session(sessionId));
    if (actor.tokenId) void socket.join(rooms.token(actor.tokenId));
    onLiveEvent(socket, eventDeps, "live:whoami", {}, () => identityOf(socket.data.actor));
    registerReviewRoundEvents(socket, { ...eventDeps, db: deps.db });
    registerRequestEvents(socket, { ...eventDeps, db: deps.db });
    socket.emit("live:ready", identityOf(actor));
    const apartSince = deps.live.apartSince();
    if (apartSince) socket.emit("live:partial", { since: apartSince.toISOString() });
  });

  const sweep = startSessionSweep({ live, db: deps.db, store: deps.store, logger: deps.logger, everyMs: deps.sessionSweepMs, after: () => people.prune() });

  const ticker = startClockTicker({ live, db: deps.db, logger: deps.logger, intervalMs: deps.clockTickMs });
  const redisWatch = redis ? await watchRedis(live, redis, deps.logger, (up) => deps.live.setCrossNode(up)) : undefined;

  deps.live.attach(io);
  return {
    io,
    async close() {
      sweep.stop();
      ticker.stop();
      redisWatch?.stop();
      await new Promise<void>((resolve) => {
        // io.close also returns a promise; the callback is what says the server has closed.
        void io.close(() => resolve());
      });
      if (redis) {
        // The subscriber keeps an offline queue and retries for ever, so its QUIT while Redis is
        // down would wait for Redis for ever (and so would whoever awaits this close). It has
        // nothing to flush: disconnect, which also stops its reconnect loop. The publisher's QUIT
        // is bounded (no offline queue, a command timeout).
        redis.sub.disconnect();
        await closeRedis(redis.pub);
      }
    },
  };
}

interface RedisPair {
  pub: Redis;
  sub: Redis;
}

/**
 * The Redis adapter carries each event to the other nodes. With Redis gone the node must go on
 * serving: REST is unaffected and its own clients still get its events (the adapter delivers to
 * local sockets whatever the publish does). Two things the adapter does not do on its own:
 *
 * - It publishes without awaiting or catching. ioredis would queue the publish while
 *   disconnected and, after `maxRetriesPerRequest` reconnect attempts, reject it with nobody
 *   listening: an unhandled rejection per event, which the process guards count towards
 *   restarting the node. And a queue that did reach Redis on its return would deliver events
 *   seconds late, out of order with the snapshots clients fetch meanwhile. So the publisher has
 *   no offline queue (a publish while disconnected fails at once: never blocks, never replays
 *   stale) and its failures are caught here.
 * - Events missed during the outage are not replayed; clients resynchronise instead (watchRedis).
 *
 * The subscriber keeps its offline queue and retries its commands for ever: its (p)subscribe
 * must reach Redis whenever it is first reachable, or this node would never hear the others.
 */
function connectRedisAdapter(io: LiveServer, url: string, logger: Logger): RedisPair {
  const pub = new Redis(url, REDIS_OPTIONS);
  const sub = new Redis(url, { ...REDIS_OPTIONS, enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
  reportOutages(pub, logger, "live events: publish");
  reportOutages(sub, logger, "live events: subscribe");
  const quiet = new Proxy(pub, {
    get(target, property) {
      if (property === "publish") {
        return (channel: string, message: string) =>
          // Logged once per outage by reportOutages; the event reached this node's own clients.
          target.publish(channel, message).catch(() => 0);
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  io.adapter(createAdapter(quiet, sub));
  return { pub, sub };
}

// A node starting while Redis is down serves its own clients rather than waiting for it.
const REDIS_START_WAIT_MS = 3000;
// Several nodes (and both of a node's connections) come back within moments of each other: one
// resynchronisation for them all rather than one each.
const RESYNC_COALESCE_MS = 300;

/**
 * After a Redis outage every client on every node may have missed events from other nodes, and
 * nothing replays them. When both of this node's connections are back (and its subscriptions are
 * in place again), it:
 *
 * - resynchronises its own clients, and
 * - asks every other node, through Redis, to resynchronise theirs: they missed this node's
 *   events even if their own connections never dropped (or came back earlier, before this one's
 *   events could reach them again).
 *
 * To resynchronise, a node closes the transport of each of its live connections without a
 * disconnect packet: the client sees a lost connection (not a server's refusal), reconnects on
 * its own after its randomised back-off (spreading the load), watches its requests again and
 * replaces what it shows with the snapshot in the watch's answer, as after any reconnection.
 * Nothing is lost or doubled: the snapshot is read after the reconnection, and events are
 * applied by id.
 */
async function watchRedis(live: LiveNamespace, redis: RedisPair, logger: Logger, linked: (up: boolean) => void): Promise<{ stop(): void }> {
  const { pub, sub } = redis;
  let down = false;
  let timer: NodeJS.Timeout | undefined;
  const resyncOwnClients = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      logger.info({ sockets: live.sockets.size }, "live: resynchronising this node's clients after a Redis outage");
      for (const socket of live.sockets.values()) socket.conn.close();
      // Only now does health say Redis is "ok": a client that connected before this resync would
      // be disconnected by it, so the node counts as joined up once its clients have been told.
      if (!down) linked(true);
    }, RESYNC_COALESCE_MS);
  };
  live.on("live:resync", resyncOwnClients);

  const onDown = () => {
    down = true;
    linked(false);
  };
  const onReady = () => {
    if (!down || pub.status !== "ready" || sub.status !== "ready") return;
    // The subscriber re-subscribes as it becomes ready; a PING queued behind those commands
    // answers once they are in place, so the other nodes' events can reach this node again.
    sub.ping().then(
      () => {
        if (!down || pub.status !== "ready" || sub.status !== "ready") return;
        down = false;
        resyncOwnClients();
        live.serverSideEmit("live:resync");
      },
      () => undefined, // dropped again: the next "ready" tries again
    );
  };
  for (const client of [pub, sub]) {
    client.on("close", onDown);
    client.on("ready", onReady);
  }
  // A hung Redis is dropped and so counts as down like a closed one (and its pages are told).
  const hung = dropWhenHung(pub, [pub, sub], logger, "live events");

  const bothReady = Promise.all(
    [pub, sub].map((c) => (c.status === "ready" ? Promise.resolve() : new Promise<void>((resolve) => c.once("ready", () => resolve())))),
  );
  let waited: NodeJS.Timeout | undefined;
  const started = await Promise.race([
    bothReady.then(() => true),
    new Promise<false>((resolve) => {
      waited = setTimeout(() => resolve(false), REDIS_START_WAIT_MS);
    }),
  ]);
  clearTimeout(waited);
  if (!started) {
    logger.warn("live: Redis unreachable at start; serving this node's clients only until it returns");
    down = true;
  }
  linked(!down);
  return {
    stop() {
      hung.stop();
      clearTimeout(timer);
      live.off("live:resync", resyncOwnClients);
    },
  };
}
