import type { Server as HttpServer } from "node:http";
import { createServer, type Server } from "node:net";

/**
 * A second listening socket for live connections, feeding the same HTTP server (ADR 0027).
 *
 * Node.js accepts one new connection per turn of its event loop (libuv since 1.45), and a turn of
 * a busy node takes tens of milliseconds. When a lost node's pages reconnect here, hundreds within
 * a second, they wait in the listening socket's queue for seconds, and so does every API request
 * the load balancer sends on a new connection behind them: in bench:national, after a node was
 * killed, offers waited 1.3 to 4.8 s upstream in nginx's log (up to 11.5 s as the benchmark saw
 * them), each handled by the node in under 0.7 s once accepted. A socket of its own is a queue of
 * its own: each turn accepts one connection from each socket, so an API request waits behind
 * other API requests only.
 *
 * Several sockets sharing this port (Node.js 22.12's `reusePort`) would accept the pages faster,
 * but did not bring them back sooner nor make deliveries faster (docs/benchmarks.md, 2026-12-07).
 *
 * Either port serves everything; the load balancer sends `/socket.io/` here (infra/nginx,
 * infra/k8s). Sockets accepted here are the HTTP server's connections like any other: its
 * timeouts, `closeAllConnections()` and the socket.io server attached to it all see them.
 */
export async function listenForLive(server: HttpServer, options: { port: number; host: string | undefined; backlog: number }): Promise<Server> {
  // noDelay as http.createServer sets it on the connections it accepts itself.
  const listener = createServer({ noDelay: true }, (socket) => server.emit("connection", socket));
  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.listen({ port: options.port, host: options.host, backlog: options.backlog }, () => {
      listener.off("error", reject);
      resolve();
    });
  });
  return listener;
}
