import { type ChildProcess, spawn } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "../setup/free-port";

/**
 * A redis-server of the test's own on a free port, that the test may kill and start again
 * (the machine's Redis is shared with other tests and must never be stopped). Nothing is saved
 * to disk: a restart comes back empty, as a managed Redis that lost its node would.
 */
export interface PrivateRedis {
  url: string;
  /** SIGKILL: connections drop at once, as when Redis crashes. */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until it answers. */
  start(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing is answered, as when Redis hangs. */
  pause(): void;
  /** SIGCONT after pause(): it answers again, what it was sent meanwhile included. */
  resume(): void;
  stop(): Promise<void>;
}

async function answers(url: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, disconnectTimeout: 100 });
    probe.on("error", () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      probe.disconnect();
    }
  }
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await answers(url, 5000);
  };
  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  const signal = (name: NodeJS.Signals) => () => {
    if (!child || child.exitCode !== null) throw new Error("the private Redis is not running");
    child.kill(name);
  };
  // SIGKILL ends a paused one too.
  return { url, kill, start, pause: signal("SIGSTOP"), resume: signal("SIGCONT"), stop: kill };
}
