import type { Socket } from "socket.io-client";
import { type LiveConnectError, LiveConnectErrorSchema } from "@shared/events";

/** After a refusal worth retrying: the first wait, and the longest as it doubles. */
export interface RefusedRetryDelays {
  firstMs: number;
  maxMs: number;
}

export const REFUSED_RETRY: RefusedRetryDelays = { firstMs: 2000, maxMs: 30_000 };

const WORTH_RETRYING: ReadonlySet<LiveConnectError["code"]> = new Set(["service_unavailable", "internal_error"]);

/** A refusal by the server that this module answers by connecting again later. */
export function isRetriedRefusal(error: Error & { data?: unknown }): boolean {
  const refusal = LiveConnectErrorSchema.safeParse(error.data);
  return refusal.success && WORTH_RETRYING.has(refusal.data.code);
}

/**
 * socket.io-client gives up on a connection that the server's middleware refused: it reads every
 * refusal as final, as a sign-in that has ended is. A refusal because the credentials could not be
 * checked just now (PostgreSQL restarting, a node too busy to reach it in time) is not final, and
 * without this the page would stay without live updates until reloaded. So the socket connects
 * again after 2 s, then 4, 8, up to 30 s, each wait between half and one and a half times that,
 * so that the pages refused together do not come back together. Transport errors are left to
 * socket.io's own reconnection (the socket is still `active` then). Answers how to stop.
 */
export function retryRefusedConnections(socket: Socket, delays: RefusedRetryDelays = REFUSED_RETRY): () => void {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onRefused = (error: Error & { data?: unknown }) => {
    if (socket.active || !isRetriedRefusal(error)) return;
    const wait = Math.min(delays.maxMs, delays.firstMs * 2 ** attempt);
    attempt += 1;
    clearTimeout(timer);
    timer = setTimeout(() => socket.connect(), wait * (0.5 + Math.random()));
  };
  const onConnect = () => {
    attempt = 0;
  };
  socket.on("connect_error", onRefused);
  socket.on("connect", onConnect);
  return () => {
    clearTimeout(timer);
    socket.off("connect_error", onRefused);
    socket.off("connect", onConnect);
  };
}
