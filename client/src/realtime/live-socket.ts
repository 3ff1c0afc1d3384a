import { io, type Socket } from "socket.io-client";
import type { ClientToServerEvents, ServerToClientEvents } from "@shared/events";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | undefined;

/** One connection to /live per tab, made on first use; the session cookie goes with it (same origin). */
export function liveSocket(): LiveSocket {
  socket ??= io("/live", { transports: ["websocket"], withCredentials: true });
  return socket;
}
