import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT_DIR } from "../../server/src/paths";
import { freePort } from "./free-port";

/** Debian's nginx where apt-get puts it (/usr/sbin is not on every PATH), or undefined. */
export const nginxPath = (): string | undefined => ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => existsSync(p));

const NODE_LINE = /^(\s*server\s+)app(\d+):3000\b/gm;
const LIVE_LINE = /^(\s*server\s+)app(\d+):3001\b/gm;

/**
 * infra/nginx/nginx.conf as docker compose runs it, but for what only compose gives: the nodes'
 * addresses (app1 to app3 on ports 3000 and LIVE_PORT 3001 become ports on this machine; nodes
 * started without a LIVE_PORT take their live connections on their one port), the port it
 * listens on, and temporary files and logs of its own, so it needs no directory of the system's
 * nginx. Everything else (the sticky node key, the WebSocket upgrade, the retries) is the file's own.
 */
export function nginxConfigFor(ports: readonly number[], listen: number, dir: string, livePorts: readonly number[] = ports): string {
  let conf = readFileSync(join(ROOT_DIR, "infra/nginx/nginx.conf"), "utf8");
  for (const [line, given] of [
    [NODE_LINE, ports],
    [LIVE_LINE, livePorts],
  ] as const) {
    const named = [...conf.matchAll(line)].map((m) => Number(m[2]));
    if (named.length !== given.length) throw new Error(`infra/nginx/nginx.conf names ${named.length} nodes; ${given.length} were started`);
    conf = conf.replace(line, (_, lead: string, n: string) => `${lead}127.0.0.1:${given[Number(n) - 1]}`);
  }
  if (!/^\s*listen 80;/m.test(conf)) throw new Error("infra/nginx/nginx.conf no longer listens on 80: change nginxConfigFor with it");
  conf = conf.replace(/^(\s*)listen 80;/m, `$1listen 127.0.0.1:${listen};`);
  const own = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((k) => `  ${k}_temp_path ${join(dir, k)};`).join("\n");
  return conf.replace(/^http \{/m, `http {\n  access_log off;\n${own}`);
}

/**
 * One more address per node, for a load generator that must know which node holds which of its
 * sockets (bench:national's fleets): node i while it is up, the others (nginx's `backup`
 * servers) once it refuses. Each proxies as infra/nginx/nginx.conf's own `server` does, its
 * live connections to the node's live port.
 */
function nodeAddressesFor(conf: string, ports: readonly number[], livePorts: readonly number[], listens: readonly number[]): string {
  // Each node's failure handling as the file's own nodes have it.
  const parameters = /^\s*server\s+127\.0\.0\.1:\d+\s+([^;]*);/m.exec(conf)?.[1] ?? "";
  const server = /^ {2}server \{\n[\s\S]*?^ {2}\}\n/m.exec(conf)?.[0];
  if (!server?.includes("proxy_pass http://placement_exchange;") || !server.includes("proxy_pass http://placement_exchange_live;"))
    throw new Error("infra/nginx/nginx.conf's `server` has changed: change nodeAddressesFor with it");
  const blocks = ports.map((_, i) => {
    const upstream = (name: string, to: readonly number[]) =>
      `  upstream ${name} {\n${to.map((p, j) => `    server 127.0.0.1:${p} ${parameters}${j === i ? "" : " backup"};`).join("\n")}\n    keepalive 32;\n  }\n`;
    const own = server
      .replace(/^(\s*)listen [^;]*;/m, `$1listen 127.0.0.1:${listens[i]};`)
      .replace("proxy_pass http://placement_exchange_live;", `proxy_pass http://node_live_${i};`)
      .replace("proxy_pass http://placement_exchange;", `proxy_pass http://node_${i};`);
    return `${upstream(`node_${i}`, ports)}${upstream(`node_live_${i}`, livePorts)}${own}`;
  });
  const end = conf.lastIndexOf("}");
  return `${conf.slice(0, end)}${blocks.join("")}${conf.slice(end)}`;
}

export interface RunningNginx {
  url: string;
  /** With `nodeAddresses`: node i's own address (node i while it is up, the others after). */
  nodeUrls: string[];
  /** nginx's processes (its master and workers), whose CPU a benchmark counts. */
  pids(): number[];
  /** What `nginx -t` said of the configuration. */
  checked: { code: number | null; output: string };
  output: string[];
  stop(): Promise<void>;
}

/** nginx in the foreground with the repository's configuration in front of these node ports. */
export async function startNginx(ports: readonly number[], options: { nodeAddresses?: boolean; livePorts?: readonly number[] } = {}): Promise<RunningNginx> {
  const binary = nginxPath();
  if (!binary) throw new Error("nginx is not installed (apt-get install nginx)");
  const dir = mkdtempSync(join(tmpdir(), "px-nginx-"));
  // Run as root, nginx's workers drop to an unprivileged user that must still write its temp files.
  chmodSync(dir, 0o777);
  const listen = await freePort();
  const confPath = join(dir, "nginx.conf");
  const listens = options.nodeAddresses ? await Promise.all(ports.map(() => freePort())) : [];
  const livePorts = options.livePorts ?? ports;
  const conf = nginxConfigFor(ports, listen, dir, livePorts);
  writeFileSync(confPath, options.nodeAddresses ? nodeAddressesFor(conf, ports, livePorts, listens) : conf);
  const args = ["-p", dir, "-c", confPath, "-e", "stderr"];
  const test = spawnSync(binary, [...args, "-t", "-g", `pid ${join(dir, "nginx.pid")};`], { encoding: "utf8" });
  const checked = { code: test.status, output: `${test.stdout}${test.stderr}` };
  if (checked.code !== 0) throw new Error(`nginx -t refused the configuration:\n${checked.output}`);
  const child: ChildProcess = spawn(binary, [...args, "-g", `daemon off; pid ${join(dir, "nginx.pid")};`], { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (d: Buffer) => output.push(...d.toString().split("\n").filter(Boolean)));
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  for (let waited = 0; !(await accepts(listen)); waited += 50) {
    if (waited > 10_000 || child.exitCode !== null) throw new Error(`nginx did not start:\n${output.join("\n")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${listen}`,
    nodeUrls: listens.map((port) => `http://127.0.0.1:${port}`),
    pids: () => (child.pid ? [child.pid, ...childrenOf(child.pid)] : []),
    checked,
    output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A process's children (nginx's workers), from Linux's /proc; none elsewhere. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
