// bench:national's load balancer, in a process of its own as a real one is (forked.ts says why):
// the nodes' every byte, REST and live, passes through it. One address sends new connections
// round-robin to the nodes alive (REST, and every reconnection); one address per node sends
// them to that node while it is alive and round-robin after, so that the sockets of each node
// can be held by a client process of their own (national.ts).
import { startBalancer } from "../setup/tcp-proxy";
import { serveCalls, trackLateness } from "./forked";

export type BalancerCall = { op: "start"; ports: number[] } | { op: "down"; index: number } | { op: "lateness" } | { op: "stop" };

let ports: number[] = [];
const down = new Set<number>();
const stops: (() => Promise<void>)[] = [];
let turn = 0;
// Every event passes through this loop: its delays are the deliveries'.
const lateness = trackLateness();

function roundRobin() {
  const alive = ports.filter((_, i) => !down.has(i));
  return alive[turn++ % Math.max(1, alive.length)];
}

serveCalls<BalancerCall>(async (call) => {
  switch (call.op) {
    case "start": {
      ports = call.ports;
      const all = await startBalancer(roundRobin);
      const each = await Promise.all(ports.map((port, i) => startBalancer(() => (down.has(i) ? roundRobin() : port))));
      stops.push(...[all, ...each].map((b) => () => b.stop()));
      return { url: all.url, urls: each.map((b) => b.url) };
    }
    case "down":
      return down.add(call.index).size;
    case "lateness":
      return lateness.samples;
    case "stop":
      return Promise.all(stops.map((stop) => stop()));
  }
});
