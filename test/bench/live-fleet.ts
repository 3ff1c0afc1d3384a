// The client sockets of `bench:live` in a process of their own, started by live.ts with fork().
// Why: real watchers are browsers on other machines. Sharing the server's thread, the 1,000
// sockets' reading of an event queued behind the app's work after its emit (the HTTP answer,
// the council's re-read of its view), which no real client waits for and the bare server does
// not have; so the ratio measured that thread's queue more than the app. Both the app's
// sockets and the bare floor's live here, so each is measured the same way.
// Times are `performance.timeOrigin + performance.now()` (ms since the epoch, sub-millisecond),
// corrected by the offset live.ts measures with `clock`, so they compare with the bench's own.
import { io as connectBare, type Socket as BareSocket } from "socket.io-client";
import { connected, type LiveClient, liveClient } from "../realtime/live-client";
import { now, serveCalls } from "./forked";

export type FleetCall =
  | { op: "watch"; url: string; requestId: string; people: { token: string; org: number | null }[] }
  | { op: "record" }
  | { op: "heard"; event: string }
  | { op: "collect" }
  | { op: "bare"; url: string; sockets: number; council: number; providers: number }
  | { op: "collectBare" }
  | { op: "lastBytes"; events: string[] };

export interface Arrival {
  event: string;
  payload: unknown;
  /** performance.timeOrigin + performance.now() in this process. */
  at: number;
  wall: number;
}

const watchers: { socket: LiveClient; org: number | null; got: Arrival[] }[] = [];
const bare: { socket: BareSocket; group: number; got: { event: string; id: string; at: number }[] }[] = [];

/** Connects and watches in batches: a thousand handshakes at once would only measure the queue. */
async function watch(call: Extract<FleetCall, { op: "watch" }>) {
  for (let start = 0; start < call.people.length; start += 50) {
    const batch = await Promise.all(
      call.people.slice(start, start + 50).map(async ({ token, org }) => {
        const socket = await connected(liveClient(call.url, { token }));
        const ack = (await socket.timeout(60_000).emitWithAck("request:watch", { requestId: call.requestId })) as { ok: boolean };
        if (!ack.ok) throw new Error(`watch refused: ${JSON.stringify(ack)}`);
        return { socket, org, got: [] as Arrival[] };
      }),
    );
    watchers.push(...batch);
  }
  return watchers.length;
}

async function connectAllBare(call: Extract<FleetCall, { op: "bare" }>) {
  for (let start = 0; start < call.sockets; start += 50) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(50, call.sockets - start) }, (_, j) => {
        const n = start + j;
        const group = n < call.council ? -1 : (n - call.council) % call.providers;
        const socket = connectBare(call.url, { transports: ["websocket"], reconnection: false, auth: { group } });
        return new Promise<(typeof bare)[number]>((resolve, reject) => {
          socket.once("connect", () => resolve({ socket, group, got: [] }));
          socket.once("connect_error", reject);
        });
      }),
    );
    bare.push(...batch);
  }
  for (const c of bare) c.socket.onAny((event: string, payload: { id: string }) => c.got.push({ event, id: payload.id, at: now() }));
  return bare.length;
}

function handle(call: FleetCall): unknown {
  switch (call.op) {
    case "watch":
      return watch(call);
    case "record":
      // Arrival time first, analysis in live.ts after.
      for (const w of watchers)
        w.socket.onAny((event: string, payload: unknown) => event !== "time" && w.got.push({ event, payload, at: now(), wall: Date.now() }));
      return true;
    case "heard":
      return watchers[0]?.got.some((g) => g.event === call.event) ?? false;
    case "collect":
      return watchers.map(({ org, got }) => ({ org, got }));
    case "bare":
      return connectAllBare(call);
    case "lastBytes": {
      // The mean size of the latest of these events each socket heard: the floor's payload is as big.
      const sizes = watchers.flatMap((w) => {
        const last = w.got.findLast((g) => call.events.includes(g.event));
        return last ? [JSON.stringify(last.payload).length] : [];
      });
      return Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length));
    }
    case "collectBare":
      return bare.map(({ group, got }) => ({ group, got }));
  }
}

serveCalls(handle);
