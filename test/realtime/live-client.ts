import { io, type Socket } from "socket.io-client";
import { type ClientToServerEvents, LIVE_RECONNECTION, type ServerToClientEvents } from "@shared/events";
import { REFUSED_RETRY, retryRefusedConnections } from "../../client/src/realtime/refused-connection";

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket.io client on /live, not yet connected (call connected()). `reconnect`: true reconnects
 * within 50 to 100 ms (tests wait for it), and connects again 100 to 500 ms after a refusal worth
 * retrying; "as pages" does both as the app's pages do (LIVE_RECONNECTION, REFUSED_RETRY), for
 * benchmarks that measure what users would see.
 */
export function liveClient(url: string, options: { cookie?: string; token?: string; origin?: string; reconnect?: boolean | "as pages" } = {}): LiveClient {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const socket: LiveClient = io(`${url}/live`, {
    autoConnect: false,
    ...(options.reconnect === "as pages" ? LIVE_RECONNECTION : { reconnection: options.reconnect ?? false, reconnectionDelay: 50, reconnectionDelayMax: 100 }),
    transports: ["websocket"],
    extraHeaders: headers,
    ...(options.token ? { auth: { token: options.token } } : {}),
  });
  if (options.reconnect) retryRefusedConnections(socket, options.reconnect === "as pages" ? REFUSED_RETRY : { firstMs: 200, maxMs: 500 });
  return socket;
}

/** Resolves when connected; rejects with the connect_error (its `data` says why). */
export function connected(socket: LiveClient): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => reject(error));
    socket.connect();
  });
}

export function disconnectedBy(socket: LiveClient, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("still connected")), timeoutMs);
    socket.once("disconnect", (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}
