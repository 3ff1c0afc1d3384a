// bench:national's watching sockets, in processes of their own (forked.ts says why): one per
// node, each connecting through the balancer's address for its node. The sockets of the node
// that is killed then reconnect in their own process, as its users' pages do on their own
// machines, and do not hold up the timing of the other sockets' arrivals. The process ends with
// the benchmark's (forked.ts), its sockets with it.
import { now, serveCalls, trackLateness } from "./forked";
import { watchAll, type Watcher, type WatchPlan } from "./nation-kit";

export type FleetCall = { op: "watch"; url: string; plan: WatchPlan[] } | { op: "collect" };

/** What each socket heard, in the order of the plan; times on this process's clock (`now`). */
export interface Heard {
  got: Watcher["got"];
  resyncs: Watcher["resyncs"];
  troubles: Watcher["troubles"];
  /** Connected when collected. */
  connected: boolean;
}

let watchers: Watcher[] = [];

// Arrivals are timed on this process's loop.
const lateness = trackLateness();

serveCalls<FleetCall>(async (call) => {
  switch (call.op) {
    case "watch":
      watchers = await watchAll(call.url, call.plan, 100, now);
      return watchers.length;
    case "collect":
      return {
        heard: watchers.map(({ got, resyncs, troubles, socket }): Heard => ({ got, resyncs, troubles, connected: socket.connected })),
        lateness: lateness.samples,
      };
  }
});
