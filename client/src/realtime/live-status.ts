import type { LiveSocket } from "./live-socket";
import { isRetriedRefusal } from "./refused-connection";

/**
 * What the tab's live connection is doing, as the person needs to know it: up; up but hearing
 * only its own node's changes (Redis out of reach: the node says so, and has the page reconnect
 * once the nodes hear each other again); not up yet, or lost and coming back by itself (a node
 * lost, the network dropped, the database out of reach); or stopped for good (the sign-in ended
 * or the server closed it), when only a reload helps.
 */
export type LiveStatus = "connected" | "partial" | "reconnecting" | "stopped";

/** Calls `onChange` with the status now and at each change; answers how to stop. */
export function followLiveStatus(socket: LiveSocket, onChange: (status: LiveStatus) => void): () => void {
  const onConnect = () => onChange("connected");
  // socket.io-client reconnects by itself after anything but the server's own disconnect.
  const onDisconnect = (reason: string) => onChange(reason === "io server disconnect" ? "stopped" : "reconnecting");
  // While `active`, socket.io is still trying (a transport error); else the server refused it.
  const onRefused = (error: Error & { data?: unknown }) => onChange(socket.active || isRetriedRefusal(error) ? "reconnecting" : "stopped");
  const onPartial = () => onChange("partial");
  socket.on("connect", onConnect);
  socket.on("live:partial", onPartial);
  socket.on("disconnect", onDisconnect);
  socket.on("connect_error", onRefused);
  onChange(socket.connected ? "connected" : "reconnecting");
  return () => {
    socket.off("connect", onConnect);
    socket.off("live:partial", onPartial);
    socket.off("disconnect", onDisconnect);
    socket.off("connect_error", onRefused);
  };
}
