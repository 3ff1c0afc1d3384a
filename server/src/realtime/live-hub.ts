import type { Server } from "socket.io";

/**
 * What commands may ask of the live connections, without depending on socket.io being attached
 * (HTTP-only tests have no socket server). With the Redis adapter these reach every node.
 */
export interface LiveHub {
  /** Ends every live connection in a room, e.g. `session:<sid>` after sign-out. */
  disconnect(room: string): void;
  attach(io: Server): void;
}

export function createLiveHub(): LiveHub {
  let server: Server | undefined;
  return {
    attach(io) {
      server = io;
    },
    disconnect(room) {
      server?.of("/live").in(room).disconnectSockets(true);
    },
  };
}

export const rooms = {
  user: (id: string) => `user:${id}`,
  session: (sid: string) => `session:${sid}`,
  token: (id: string) => `token:${id}`,
  organisation: (id: string) => `org:${id}`,
};
