import type { Server } from "socket.io";
import type { ServerToClientEvents } from "@shared/events";

/**
 * What commands may ask of the live connections, without depending on socket.io being attached
 * (HTTP-only tests have no socket server). With the Redis adapter these reach every node.
 */
export interface LiveHub {
  /** Ends every live connection in a room, e.g. `session:<sid>` after sign-out. */
  disconnect(room: string): void;
  /**
   * Sends an event to a room, or to several at once (the payload is encoded once, and a socket in
   * more than one of them gets it once); call only after the transaction behind it has committed.
   */
  emit<E extends keyof ServerToClientEvents>(room: string | string[], event: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  attach(io: Server): void;
  /**
   * Whether this node's live events reach the other nodes and theirs reach it: false while its
   * Redis connections are down and until its clients have been resynchronised after their
   * return; undefined where live events do not go through Redis (one node, or no socket server).
   */
  crossNode(): boolean | undefined;
  /** Since when crossNode() has been false, or undefined while it is not. */
  apartSince(): Date | undefined;
  /** Set by the realtime server's watch on its Redis connections; going false tells this node's pages (`live:partial`). */
  setCrossNode(up: boolean): void;
}

export function createLiveHub(): LiveHub {
  let server: Server | undefined;
  let crossNode: boolean | undefined;
  let apartSince: Date | undefined;
  return {
    attach(io) {
      server = io;
    },
    crossNode: () => crossNode,
    apartSince: () => (crossNode === false ? apartSince : undefined),
    setCrossNode(up) {
      if (!up && crossNode !== false) {
        // Told once per outage (each failed reconnection to Redis says "down" again); a page
        // connecting meanwhile is told on connection (realtime/server.ts).
        apartSince = new Date();
        server?.of("/live").local.emit("live:partial", { since: apartSince.toISOString() });
      }
      if (up) apartSince = undefined;
      crossNode = up;
    },
    disconnect(room) {
      server?.of("/live").in(room).disconnectSockets(true);
    },
    emit(room, event, ...payload) {
      server
        ?.of("/live")
        .to(room)
        .emit(event, ...payload);
    },
  };
}

export const rooms = {
  user: (id: string) => `user:${id}`,
  session: (sid: string) => `session:${sid}`,
  token: (id: string) => `token:${id}`,
  organisation: (id: string) => `org:${id}`,
  reviewRound: (id: string) => `review:${id}`,
};
