import type { Namespace } from "socket.io";
import type { Db } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import type { Logger } from "../logger";
import type { PostgresSessionStore } from "../modules/auth/session-store";
import { stillActive } from "../modules/identity/actor";
import type { SocketData } from "./live-events";

// How often to re-check sessions of open connections: an idle timeout or a sign-out on a node
// without Redis still ends the connection within this time.
const SESSION_SWEEP_MS = 60_000;
// People checked per query: one query per connection was 5,000 queries a minute per nation.
const SWEEP_CHUNK = 1000;

type SweptNamespace = Pick<Namespace<never, never, never, SocketData>, "sockets">;

/**
 * Every so often, ends this node's connections whose session has gone or whose person is gone or
 * disabled (each node sweeps its own). A database that cannot answer says nothing about anyone's
 * session, so the round stops there and everyone stays connected until the next.
 */
export function startSessionSweep(deps: {
  live: SweptNamespace;
  db: Db;
  store: PostgresSessionStore;
  logger: Logger;
  everyMs?: number | undefined;
  after: () => void;
}) {
  const unavailable = Symbol("database unavailable");
  const sessionAlive = (sessionId: string) =>
    new Promise<boolean>((resolve, reject) =>
      deps.store.get(sessionId, (error, data) => (isDatabaseUnavailable(error) ? reject(unavailable) : resolve(!error && !!data?.passport?.user))),
    );
  const sweepOnce = async () => {
    const sockets = [...deps.live.sockets.values()];
    const sessions = new Map<string, boolean>();
    for (const sessionId of new Set(sockets.flatMap((s) => (s.data.sessionId ? [s.data.sessionId] : []))))
      sessions.set(sessionId, await sessionAlive(sessionId));
    const userIds = [...new Set(sockets.map((s) => s.data.actor.userId))];
    const active = new Set<string>();
    for (let i = 0; i < userIds.length; i += SWEEP_CHUNK) {
      const found = await stillActive(deps.db, userIds.slice(i, i + SWEEP_CHUNK)).catch((error: unknown) => {
        throw isDatabaseUnavailable(error) ? unavailable : error;
      });
      for (const id of found) active.add(id);
    }
    for (const socket of sockets) {
      const { sessionId, actor } = socket.data;
      if ((sessionId && !sessions.get(sessionId)) || !active.has(actor.userId)) socket.disconnect(true);
    }
  };
  const timer = setInterval(() => {
    void (async () => {
      try {
        await sweepOnce();
      } catch (error) {
        if (error !== unavailable) throw error;
        deps.logger.warn("live session sweep skipped: the database is unavailable");
      }
      deps.after();
    })().catch((error: unknown) => deps.logger.warn({ err: error }, "live session sweep failed"));
  }, deps.everyMs ?? SESSION_SWEEP_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
