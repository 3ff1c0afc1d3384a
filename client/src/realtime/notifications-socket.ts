import { liveSocket } from "./live-socket";

// Only ever imported dynamically (use-notifications-live.ts): the header is on the first page,
// which must not carry socket.io-client.

/** Listens for the person's notification:new and for every (re)connection; answers how to stop. */
export function listenForNotifications(handlers: { onConnect(): void; onNew(payload: unknown): void }): () => void {
  const socket = liveSocket();
  socket.on("connect", handlers.onConnect);
  socket.on("notification:new", handlers.onNew);
  return () => {
    socket.off("connect", handlers.onConnect);
    socket.off("notification:new", handlers.onNew);
  };
}
