import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";
import { freePort } from "./free-port";
import { type RunningServer, spawnServer } from "./spawn-server";

/**
 * Several app nodes as production runs them: each its own process (`npm start`'s main.ts) on one
 * PostgreSQL database and one Redis, behind a round-robin TCP load balancer. A client that
 * connects "to the service" (`cluster.url`) lands on the next live node; a node that was killed
 * is skipped, so a client reconnecting after a crash lands on one of the others, as it would
 * behind a real load balancer whose health checks have noticed. The live client uses the
 * websocket transport only, so no sticky sessions are needed.
 */
export interface Cluster {
  /** The load balancer: what a browser would call the service. */
  url: string;
  /** Node i's own address (bypassing the balancer), or undefined while it is down. */
  nodeUrl(i: number): string | undefined;
  /** With `livePorts`: node i's LIVE_PORT, for a load balancer that sends live connections there. */
  livePort(i: number): number | undefined;
  /** Node i's process while it runs (its output, its exit). */
  node(i: number): RunningServer | undefined;
  /** Nodes that exited without kill() or stop(), with their last lines of output: a crash to explain. */
  crashes(): { node: number; code: number | null; lastLines: string[] }[];
  /** Indexes of the nodes running now. */
  live(): number[];
  /** Open balancer connections per node, to check that clients are spread. */
  connectionsPerNode(): number[];
  /** SIGKILLs node i (no graceful shutdown, as a crash or an OOM kill) and waits for it to exit. */
  kill(i: number): Promise<void>;
  /** Starts node i again (a new process on a new port) and waits until it is ready. */
  restart(i: number): Promise<RunningServer>;
  /** Stops every node (SIGKILL: tests need no graceful stop) and the balancer. */
  stop(): Promise<void>;
}

export interface ClusterOptions {
  size: number;
  databaseUrl: string;
  /** Without it the nodes do not share live events (each serves its own sockets only). */
  redisUrl?: string | undefined;
  /** More environment for every node (intervals, say). LOG_LEVEL must stay info or lower: spawnServer waits for the ready line. */
  env?: Record<string, string>;
  /** How long each node may take to start (a busy CI machine is slow to compile TypeScript). */
  readyTimeoutMs?: number;
  /** Each node also listens on a LIVE_PORT of its own (server/src/http/live-listener.ts). */
  livePorts?: boolean;
}

interface Slot {
  server: RunningServer | undefined;
  /** Set by kill(): its exit is expected. */
  killing?: RunningServer;
  port: number;
  livePort?: number;
  sockets: Set<Socket>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const env: Record<string, string> = {
    DATABASE_URL: options.databaseUrl,
    SEED_DEMO: "false",
    ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
    ...options.env,
  };
  const slots: Slot[] = [];
  const crashes: ReturnType<Cluster["crashes"]> = [];
  const spawnInto = async (slot: Slot) => {
    const livePort = options.livePorts ? await freePort() : undefined;
    const server = await spawnServer({ ...env, ...(livePort ? { LIVE_PORT: String(livePort) } : {}) }, options.readyTimeoutMs ?? 90_000);
    slot.livePort = livePort;
    slot.server = server;
    slot.port = Number(new URL(server.url).port);
    // A crash closes every connection to the node; the balancer stops sending it new ones.
    void server.exited.then((code) => {
      if (slot.server === server) slot.server = undefined;
      if (slot.killing !== server) crashes.push({ node: slots.indexOf(slot), code, lastLines: server.output.slice(-40) });
    });
    return server;
  };
  // Together: a migration, if one is due, runs once under its lock while the others wait.
  for (let i = 0; i < options.size; i++) slots.push({ server: undefined, port: 0, sockets: new Set() });
  const started = await Promise.allSettled(slots.map(spawnInto));
  const failed = started.find((r) => r.status === "rejected");
  if (failed) {
    // Leave no process behind for the test runner to wait on.
    for (const r of started) if (r.status === "fulfilled") r.value.child.kill("SIGKILL");
    throw failed.reason;
  }

  let next = 0;
  const balancer: Server = createServer((client) => {
    client.pause();
    let upstream: Socket | undefined;
    client.on("error", () => client.destroy());
    client.on("close", () => upstream?.destroy());
    // Try each live node once, starting with the next in turn; a node that refuses (it died a
    // moment ago) is skipped, as a real balancer retries a connection that failed to open.
    const order = slots.map((_, k) => (next + k) % slots.length);
    next = (next + 1) % slots.length;
    const attempt = (k: number) => {
      const i = order.slice(k).find((n) => slots[n]!.server);
      if (i === undefined || client.destroyed) return client.destroy();
      const target = slots[i]!;
      const socket = connect(target.port, "127.0.0.1");
      upstream = socket;
      let opened = false;
      socket.on("error", () => {
        socket.destroy();
        if (!opened) attempt(order.indexOf(i) + 1);
      });
      socket.once("connect", () => {
        opened = true;
        if (client.destroyed) return socket.destroy();
        target.sockets.add(socket);
        socket.on("close", () => {
          target.sockets.delete(socket);
          client.destroy();
        });
        client.pipe(socket).pipe(client);
        client.resume();
      });
    };
    attempt(0);
  });
  await new Promise<void>((resolve) => balancer.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(balancer.address() as AddressInfo).port}`;

  const slot = (i: number) => {
    const s = slots[i];
    if (!s) throw new Error(`no node ${i} in a cluster of ${slots.length}`);
    return s;
  };
  const kill = async (i: number) => {
    const server = slot(i).server;
    if (!server) return;
    slot(i).killing = server;
    server.child.kill("SIGKILL");
    await server.exited;
  };
  return {
    url,
    nodeUrl: (i) => slot(i).server?.url,
    livePort: (i) => (slot(i).server ? slot(i).livePort : undefined),
    node: (i) => slot(i).server,
    crashes: () => crashes,
    live: () => slots.flatMap((s, i) => (s.server ? [i] : [])),
    connectionsPerNode: () => slots.map((s) => s.sockets.size),
    kill,
    async restart(i) {
      await kill(i);
      return spawnInto(slot(i));
    },
    async stop() {
      await Promise.all(slots.map((_, i) => kill(i)));
      for (const s of slots) for (const socket of s.sockets) socket.destroy();
      await new Promise<void>((resolve) => balancer.close(() => resolve()));
    },
  };
}
