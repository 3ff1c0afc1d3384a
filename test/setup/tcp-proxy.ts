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
 * does while its database is unreachable and after it returns, or freeze and thaw, as a network
 * that drops packets.
 */
export class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** While frozen: the bytes and closes not yet carried, in order. */
  private held: (() => void)[] | undefined;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    const server = createServer((client) => this.join(client));
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Carries nothing either way, bytes or closes, with every connection left open; new ones are taken and held too. */
  freeze(): void {
    this.held ??= [];
  }

  /** Carries what was held, in order, then carries on. */
  thaw(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const carry of held) carry();
  }

  private carry(what: () => void): void {
    if (this.held) this.held.push(what);
    else what();
  }

  private join(client: Socket): void {
    const upstream = connect(this.targetPort, this.targetHost);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.on("data", (chunk) => this.carry(() => to.write(chunk)));
      from.on("error", () => from.destroy());
      from.on("close", () => (this.sockets.delete(from), this.carry(() => to.destroy())));
    }
  }

  /** Drops every connection and stops listening: the database looks down. */
  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}
