import { createServer, type Server } from "node:http";
import type { AddressInfo, Server as NetServer, Socket } from "node:net";
import { connect } from "node:net";
import { listenForLive } from "../../server/src/http/live-listener";

// Node.js accepts one new connection per turn of its event loop, and a loaded node's turn takes
// tens of milliseconds. When a lost node's pages reconnect, hundreds of connections wait in the
// listening socket's queue; an API request arriving on a new connection behind them waited
// seconds (bench:national, docs/benchmarks.md). LIVE_PORT gives live connections a queue of
// their own (server/src/http/live-listener.ts). Here the rush is 400 connections and each turn
// of this process's loop is made to take 5 ms.

const RUSH = 400;
const TURN_MS = 5;

let server: Server;
let live: NetServer;
let apiPort: number;
let livePort: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  server = createServer((req, res) => res.writeHead(200, { "content-type": "text/plain" }).end(`served ${req.url}`));
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1", backlog: 4096 }, resolve));
  apiPort = (server.address() as AddressInfo).port;
  live = await listenForLive(server, { port: 0, host: "127.0.0.1", backlog: 4096 });
  livePort = (live.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  live.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Each turn of the loop does `ms` of work until stopped, as a busy node's turns do. */
function busyTurns(ms: number): () => void {
  let busy = true;
  const turn = () => {
    const until = performance.now() + ms;
    while (performance.now() < until);
    if (busy) setImmediate(turn);
  };
  setImmediate(turn);
  return () => void (busy = false);
}

/** `count` connections made at once to `port`, resolved once the kernel has them all (accepted or queued). */
async function rush(port: number, count: number): Promise<Socket[]> {
  const made = Array.from({ length: count }, () => connect(port, "127.0.0.1"));
  sockets.push(...made);
  await Promise.all(made.map((s) => new Promise((resolve, reject) => s.once("connect", resolve).once("error", reject))));
  return made;
}

/** How long an API request on a new connection takes to be answered, in ms. */
async function apiAnswerMs(): Promise<number> {
  const started = performance.now();
  const res = await fetch(`http://127.0.0.1:${apiPort}/api/v1/health/live`, { headers: { connection: "close" } });
  expect(await res.text()).toBe("served /api/v1/health/live");
  return performance.now() - started;
}

/** Sends a request on each socket and resolves with the status lines answered. */
function statusLines(made: Socket[]): Promise<string[]> {
  return Promise.all(
    made.map(
      (socket) =>
        new Promise<string>((resolve) => {
          socket.once("data", (d: Buffer) => resolve(d.toString().split("\r\n")[0]!));
          socket.write("GET /socket.io/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        }),
    ),
  );
}

describe("Live connections on a listening socket of their own (LIVE_PORT)", () => {
  it("should answer an API request at once while a rush of live connections waits to be accepted, and then serve them all", async () => {
    const stop = busyTurns(TURN_MS);
    try {
      // Without LIVE_PORT the rush and the API share one queue: the request waits behind it.
      const shared = await rush(apiPort, RUSH);
      const behindTheRush = await apiAnswerMs();
      stop();
      expect(await statusLines(shared)).toEqual(Array(RUSH).fill("HTTP/1.1 200 OK"));

      const again = busyTurns(TURN_MS);
      try {
        const own = await rush(livePort, RUSH);
        const besideTheRush = await apiAnswerMs();
        again();
        // One turn accepts one connection from each queue: 400 turns of 5 ms against a few.
        expect(behindTheRush).toBeGreaterThan((RUSH * TURN_MS) / 2);
        expect(besideTheRush).toBeLessThan(behindTheRush / 4);
        // The same HTTP server serves what arrives on the live port.
        expect(await statusLines(own)).toEqual(Array(RUSH).fill("HTTP/1.1 200 OK"));
      } finally {
        again();
      }
    } finally {
      stop();
    }
  }, 60_000);

  it("should refuse to listen on a port already taken, saying so", async () => {
    await expect(listenForLive(server, { port: apiPort, host: "127.0.0.1", backlog: 16 })).rejects.toThrow(/EADDRINUSE/);
  });
});
