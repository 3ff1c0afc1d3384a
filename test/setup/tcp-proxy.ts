import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";

/** Joins a client's connection to a local port; both ends are kept in `open` until they close, so a cut can drop them. */
function joinTo(client: Socket, port: number, open: Set<Socket>, host = "127.0.0.1"): void {
  const upstream = connect(port, host);
  for (const s of [client, upstream]) {
    open.add(s);
    s.on("close", () => open.delete(s));
    s.on("error", () => s.destroy());
  }
  client.pipe(upstream).pipe(client);
  client.on("close", () => upstream.destroy());
  upstream.on("close", () => client.destroy());
}

/**
 * A TCP balancer on a free local port, as a load balancer stands in front of app nodes: each new
 * connection goes to the port `choose` names at that moment (none: it is refused). stop() drops
 * every connection and stops listening.
 */
export async function startBalancer(choose: () => number | undefined): Promise<{ url: string; stop(): Promise<void> }> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    const port = choose();
    if (port === undefined) return void client.destroy();
    joinTo(client, port, open);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async stop() {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A TCP proxy in front of the database that a test can cut and restore, to show what the app
 * does while its database is unreachable and after it returns.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => joinTo(client, this.targetPort, this.sockets, this.targetHost));
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Drops every connection and stops listening: the database looks down. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
