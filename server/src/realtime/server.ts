import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import type { ClientToServerEvents, LiveConnectError, LiveIdentity, ServerToClientEvents } from "@shared/events";
import type { Db } from "../db/client";
import type { Env } from "../env";
import type { Logger } from "../logger";
import type { PostgresSessionStore } from "../modules/auth/session-store";
import { type Actor, loadActor } from "../modules/identity/actor";
import { startClockTicker } from "../modules/placement-requests/clock-ticker";
import { registerRequestEvents } from "../modules/placement-requests/realtime";
import { registerReviewRoundEvents } from "../modules/review-rounds/realtime";
import { type LiveEventDeps, type LiveSocket, onLiveEvent, type SocketData } from "./live-events";
import { type LiveHub, rooms } from "./live-hub";
import { DEFAULT_LIVE_LIMITS, Gate, type LiveLimitOptions, PersonBuckets, TokenBucket } from "./live-limits";
import { identifySocket } from "./socket-auth";

export type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeDeps {
  db: Db;
  env: Env;
  logger: Logger;
  store: PostgresSessionStore;
  live: LiveHub;
  /** How often `time` events go out (default every 5 s); tests shorten it. */
  clockTickMs?: number | undefined;
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

// How often to re-check sessions of open connections: an idle timeout or a sign-out on a node
// without Redis still ends the connection within this time.
const SESSION_SWEEP_MS = 60_000;

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
  const redisClients: Redis[] = [];
  if (deps.env.redisUrl) {
    const pub = new Redis(deps.env.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on("error", (error: Error) => deps.logger.warn({ err: error }, "redis connection problem"));
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    io.adapter(createAdapter(pub, sub));
  }

  const live = io.of("/live");
  live.use((socket: LiveSocket, next) => {
    identifySocket(socket, deps).then(
      (identity) => {
        if (!identity) return next(refusal({ code: "unauthorized", message: "Sign in first, or connect with auth: { token } carrying an API token." }));
        socket.data.actor = identity.actor;
        if (identity.sessionId) socket.data.sessionId = identity.sessionId;
        next();
      },
      (error: unknown) => next(error instanceof Error ? error : new Error(String(error))),
    );
  });
  const limits: LiveLimitOptions = { ...DEFAULT_LIVE_LIMITS, ...deps.limits };
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
    registerRequestEvents(socket, { ...eventDeps, db: deps.db, live: deps.live });
    socket.emit("live:ready", identityOf(actor));
  });

  // Only this node's sockets: each node sweeps its own.
  const sweep = setInterval(() => {
    void (async () => {
      for (const socket of live.sockets.values()) {
        const { sessionId, actor } = socket.data;
        const sessionAlive = sessionId
          ? await new Promise<boolean>((resolve) => deps.store.get(sessionId, (error, data) => resolve(!error && !!data?.passport?.user)))
          : true;
        const personAlive = sessionAlive && (await loadActor(deps.db, actor.userId, actor.via, actor.tokenId).catch(() => undefined)) !== undefined;
        if (!personAlive) socket.disconnect(true);
      }
      people.prune();
    })().catch((error: unknown) => deps.logger.warn({ err: error }, "live session sweep failed"));
  }, SESSION_SWEEP_MS);
  sweep.unref();

  const ticker = startClockTicker({ live, db: deps.db, logger: deps.logger, intervalMs: deps.clockTickMs });

  deps.live.attach(io);
  return {
    io,
    async close() {
      clearInterval(sweep);
      ticker.stop();
      await new Promise<void>((resolve) => {
        // io.close also returns a promise; the callback is what says the server has closed.
        void io.close(() => resolve());
      });
      await Promise.all(redisClients.map((c) => c.quit().catch(() => undefined)));
    },
  };
}
