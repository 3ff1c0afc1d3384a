import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@shared/events";

export type LiveClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A socket.io client on /live, not yet connected (call connected()). */
export function liveClient(url: string, options: { cookie?: string; token?: string; origin?: string; reconnect?: boolean } = {}): LiveClient {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  return io(`${url}/live`, {
    autoConnect: false,
    reconnection: options.reconnect ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
    transports: ["websocket"],
    extraHeaders: headers,
    ...(options.token ? { auth: { token: options.token } } : {}),
  });
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
