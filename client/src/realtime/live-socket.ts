import { io, type Socket } from "socket.io-client";
import { type ClientToServerEvents, LIVE_RECONNECTION, type ServerToClientEvents } from "@shared/events";
import { retryRefusedConnections } from "./refused-connection";

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | undefined;

/** One connection to /live per tab, made on first use; the session cookie goes with it (same origin). */
export function liveSocket(): LiveSocket {
  if (socket) return socket;
  socket = io("/live", {
    transports: ["websocket"],
    withCredentials: true,
    // A node that stops (a deploy, scaling in) first leaves the load balancer, then closes its
    // live connections: the client sees the transport close and reconnects through the load
    // balancer, so to another node; each page re-watches what it shows on "connect" and the
    // snapshot in the answer replaces it, so nothing sent meanwhile is missed.
    ...LIVE_RECONNECTION,
  });
  retryRefusedConnections(socket);
  return socket;
}
