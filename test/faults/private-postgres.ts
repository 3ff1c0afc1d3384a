import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type DbHandle, openDatabase } from "../../server/src/db/client";
import { migrate } from "../../server/src/db/migrate";
import { loadReferenceData } from "../../server/src/db/reference-data";
import { buildMarket, type Market } from "../factories/placement-requests";
import { freePort } from "../setup/free-port";

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the test's own (initdb in a temporary folder, its own port), that the
 * test may stop, start, pause and resume: the machine's server is shared with every other test.
 * Run as the postgres user when we are root (PostgreSQL refuses to run as root).
 */
export class PrivatePostgres {
  readonly dir = mkdtempSync(join(tmpdir(), "px-pg-"));
  readonly data = join(this.dir, "data");
  port = 0;
  private readonly bin: string;

  constructor() {
    const root = "/usr/lib/postgresql";
    const version = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a))[0] : undefined;
    this.bin = version ? join(root, version, "bin") : "";
    if (!this.bin || !existsSync(join(this.bin, "pg_ctl"))) throw new Error(`no PostgreSQL binaries under ${root}/*/bin (install postgresql)`);
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private async cmd(tool: string, args: string[]): Promise<void> {
    const asRoot = process.getuid?.() === 0;
    const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", join(this.bin, tool), ...args]] : [join(this.bin, tool), args];
    await run(file, argv, { timeout: 60_000 });
  }

  async init(): Promise<void> {
    if (process.getuid?.() === 0) {
      const { stdout } = await run("id", ["-u", "postgres"]);
      const { stdout: gid } = await run("id", ["-g", "postgres"]);
      chownSync(this.dir, Number(stdout.trim()), Number(gid.trim()));
    }
    await this.cmd("initdb", ["-D", this.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
    this.port = await freePort();
  }

  async start(): Promise<void> {
    // Sockets in our folder, not /var/run/postgresql where the machine's server keeps its own.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
    await this.cmd("pg_ctl", ["-D", this.data, "-o", options, "-l", join(this.dir, "log"), "-w", "-t", "30", "start"]);
  }

  /** A fast shutdown: every session is ended (57P01), new ones are refused until start(). */
  async stop(): Promise<void> {
    await this.cmd("pg_ctl", ["-D", this.data, "-m", "fast", "-w", "-t", "30", "stop"]);
  }

  /**
   * SIGSTOP to the server and every process it started: connections stay open and nothing is
   * answered, new connections are not taken (the kernel queues them), as when PostgreSQL hangs
   * or the network to it drops packets.
   */
  async pause(): Promise<void> {
    // The server first, so it starts no process after its children are listed.
    process.kill(this.serverPid(), "SIGSTOP");
    for (const pid of await this.children()) process.kill(pid, "SIGSTOP");
  }

  /** SIGCONT after pause(): it answers again, what it was sent meanwhile included. */
  async resume(): Promise<void> {
    for (const pid of await this.children()) process.kill(pid, "SIGCONT");
    process.kill(this.serverPid(), "SIGCONT");
  }

  /** The first line of postmaster.pid. */
  private serverPid(): number {
    return Number(readFileSync(join(this.data, "postmaster.pid"), "utf8").split("\n")[0]);
  }

  private async children(): Promise<number[]> {
    const { stdout } = await run("ps", ["-o", "pid=", "--ppid", String(this.serverPid())]);
    return stdout.split(/\s+/).filter(Boolean).map(Number);
  }

  async destroy(): Promise<void> {
    await this.cmd("pg_ctl", ["-D", this.data, "-m", "immediate", "-w", "stop"]).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * A private PostgreSQL started, migrated and given reference data, as the run's template is
 * (test/setup/global-setup.ts), with a market of `providers` built through `handle` (a pool of 2,
 * without the served query limit: the test's own view of the database).
 */
export async function startPrivateMarket(providers: number): Promise<{ pgServer: PrivatePostgres; handle: DbHandle; market: Market }> {
  const pgServer = new PrivatePostgres();
  await pgServer.init();
  await pgServer.start();
  const handle = await openDatabase({ databaseUrl: pgServer.url, poolSize: 2 });
  await migrate(handle);
  await loadReferenceData(handle.db);
  return { pgServer, handle, market: await buildMarket(handle.db, { providers }) };
}
