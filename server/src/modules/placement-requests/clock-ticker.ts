import { inArray, sql } from "drizzle-orm";
import type { Namespace } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents } from "@shared/events";
import type { Db } from "../../db/client";
import { placementRequests } from "../../db/schema";
import type { Logger } from "../../logger";
import { requestIdOfRoom } from "./realtime";

// Clients count down on their own clock, set against the server's by the page's snapshot; a tick
// only corrects their drift against the database's clock (which decides deadlines), so every
// half minute is plenty. Every 5 s, 5,000 pages watching took 1,000 messages a second of the
// nodes' CPU for nothing new (docs/benchmarks.md, "The clock's tick").
export const CLOCK_TICK_MS = 30_000;

type LiveNamespace = Pick<Namespace<ClientToServerEvents, ServerToClientEvents>, "adapter" | "local">;

/** The request rooms this node's own sockets are in, by request (the adapter's map is local). */
function watchedHere(live: LiveNamespace): Map<string, string[]> {
  const watched = new Map<string, string[]>();
  for (const room of live.adapter.rooms.keys()) {
    const requestId = requestIdOfRoom(room);
    if (requestId) watched.set(requestId, [...(watched.get(requestId) ?? []), room]);
  }
  return watched;
}

/**
 * `time` { requestId, serverTime, deadline } to everyone watching a request that is still
 * counting down (open: its deadline; price round: when the round closes). Each node ticks for
 * its own sockets only and emits locally: through the Redis adapter every node's tick would
 * reach every socket, N times the traffic for the same information. One query per tick.
 */
export function startClockTicker(deps: { live: LiveNamespace; db: Db; logger: Logger; intervalMs?: number | undefined }): { stop(): void } {
  let busy = false;
  const tick = async () => {
    const watched = watchedHere(deps.live);
    if (watched.size === 0) return;
    const rows = await deps.db
      .select({
        id: placementRequests.id,
        state: placementRequests.state,
        deadline: placementRequests.deadline,
        priceRoundClosesAt: placementRequests.priceRoundClosesAt,
        now: sql<Date | string>`clock_timestamp()`,
      })
      .from(placementRequests)
      .where(inArray(placementRequests.id, [...watched.keys()]));
    for (const row of rows) {
      const closesAt = row.state === "open" ? row.deadline : row.state === "price_round" ? row.priceRoundClosesAt : null;
      const rooms = watched.get(row.id);
      if (!closesAt || !rooms) continue;
      // One emit to all of the request's rooms: a socket in several of them gets it once. Volatile:
      // a stale time is worthless, so it is neither queued nor replayed on connection recovery.
      deps.live.local.volatile.to(rooms).emit("time", { requestId: row.id, serverTime: new Date(row.now).toISOString(), deadline: closesAt.toISOString() });
    }
  };
  const timer = setInterval(() => {
    // A slow database must not stack ticks up; the next one corrects the clock anyway.
    if (busy) return;
    busy = true;
    tick()
      .catch((error: unknown) => deps.logger.warn({ err: error }, "clock tick failed"))
      .finally(() => (busy = false));
  }, deps.intervalMs ?? CLOCK_TICK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
