// A benchmark's helper processes (client fleets, a load balancer), started with fork() and
// called over IPC. Why processes: real clients and a real load balancer run on other machines.
// In the benchmark's own thread, their work (thousands of sockets reconnecting, every byte
// proxied) held up the event loop that times each arrival, by more than the targets measured.
import { fork } from "node:child_process";

/** Milliseconds since the epoch, sub-millisecond; compare another process's after `clockOffsetMs`. */
export const now = () => performance.timeOrigin + performance.now();

type Call = { op: string };
type Message<C> = { id: number; call: C | { op: "clock" } };

export interface Helper<C extends Call> {
  pid: number;
  call<T>(c: C): Promise<T>;
  /** The helper's clock minus this one's: subtract it from the helper's times. */
  clockOffsetMs: number;
  stop(): void;
}

/** Starts `script` (which calls serveCalls) and measures its clock's offset from this one's. */
export async function forkHelper<C extends Call>(script: URL, name: string): Promise<Helper<C>> {
  const child = fork(script, [], { execArgv: ["--import", "tsx"], serialization: "advanced" });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  child.on("message", (m: { id: number; result?: unknown; error?: string }) => {
    const waiting = pending.get(m.id);
    pending.delete(m.id);
    if (m.error !== undefined) waiting?.reject(new Error(`${name}: ${m.error}`));
    else waiting?.resolve(m.result);
  });
  child.on("exit", (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`${name} exited (${code})`));
    pending.clear();
  });
  const call = <T>(c: C | { op: "clock" }) =>
    new Promise<T>((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      // With a callback, a helper already gone rejects this call instead of crashing the process.
      child.send({ id, call: c } satisfies Message<C>, (error) => {
        if (!error) return;
        pending.delete(id);
        reject(error);
      });
    });
  // The offset from the quickest of 20 round trips: the helper's reading is taken about half way.
  let best = { rtt: Infinity, offset: 0 };
  for (let i = 0; i < 20; i++) {
    const sent = now();
    const theirs = await call<number>({ op: "clock" });
    const back = now();
    if (back - sent < best.rtt) best = { rtt: back - sent, offset: theirs - (sent + back) / 2 };
  }
  return { pid: child.pid ?? 0, call, clockOffsetMs: best.offset, stop: () => child.kill() };
}

/** The helper's side: answers each call with `handle`'s result (and "clock" with its clock). */
export function serveCalls<C extends Call>(handle: (call: C) => unknown) {
  process.on("message", (message: Message<C>) => {
    const { id, call } = message;
    Promise.resolve()
      .then(() => (call.op === "clock" ? now() : handle(call as C)))
      .then(
        (result) => process.send?.({ id, result }),
        (error: unknown) => process.send?.({ id, error: String(error) }),
      );
  });
  // The benchmark's process gone (finished or crashed): nothing left to do.
  process.on("disconnect", () => process.exit(0));
}

/**
 * How late this process's event loop runs: [when, ms late] every 50 ms, until stopped. A helper
 * that times arrivals, or passes them on, delays them by as much; so does the bench itself.
 */
export function trackLateness(tickMs = 50): { samples: [at: number, ms: number][]; stop(): void } {
  const samples: [number, number][] = [];
  let due = now() + tickMs;
  const ticks = setInterval(() => {
    const at = now();
    samples.push([at, Math.max(0, at - due)]);
    due = at + tickMs;
  }, tickMs).unref();
  return { samples, stop: () => clearInterval(ticks) };
}
