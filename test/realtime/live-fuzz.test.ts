import fc from "fast-check";
import { z } from "zod";
import { LiveIdentitySchema, LiveRefusalSchema, RequestWatchAckSchema, ReviewWatchAckSchema } from "@shared/events";
import { buildMarket, type Market, openRequest } from "../factories/placement-requests";
import { buildUnaffiliatedUser, type BuiltUser } from "../factories/users";
import { startTestServer, type TestServer } from "../setup/test-server";
import { connected, type LiveClient, liveClient } from "./live-client";
import { pause } from "./live-recorder";

// Issue 11, "Fuzzing in the suite": every live event with malformed, hostile, oversized and
// flooding payloads, and frames that are not socket.io at all. The node must stay up, answer
// every event it answers with an ack of the documented shape (never an internal error), and
// serve everyone else afterwards.

const EVENTS = [
  "live:whoami",
  "request:watch",
  "request:unwatch",
  "review:watch",
  "review:unwatch",
  "unknown:event",
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
] as const;
const SEED = 20261202;

let t: TestServer;
let m: Market;
let requestId: string;
let people: BuiltUser[];
const sockets: LiveClient[] = [];
const db = () => t.testApp.database.handle.db;

beforeAll(async () => {
  // Generous limits here, so the payloads reach the handlers instead of the rate limiter; the
  // last test floods with the production limits on a node of its own.
  t = await startTestServer({
    requireClient: false,
    seed: false,
    liveLimits: { socketBurst: 100_000, personBurst: 100_000, socketPerSecond: 100_000, personPerSecond: 100_000, inFlightPerSocket: 1_000 },
  });
  m = await buildMarket(db(), { providers: 2 });
  requestId = (await openRequest(t.testApp.app, m)).request.id;
  people = [m.commissioner, m.providers[0]!.person, m.panel, m.hub, await buildUnaffiliatedUser(db())];
});
afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));
afterAll(() => t.close());

async function socketOf(url: string, who: BuiltUser) {
  const socket = liveClient(url, { token: who.token });
  sockets.push(socket);
  return connected(socket);
}

const deep = (depth: number): unknown => {
  let value: unknown = { requestId: "x" };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

const hostileText = fc.oneof(
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "\uDFFF x", "'; DROP TABLE placement_requests; --", "../../etc/passwd", "%00", "\u202Eevil", " ", ""),
  fc.string({ maxLength: 40 }),
  fc.constant("x".repeat(200_000)),
);
const idLike = fc.oneof(
  fc.uuid(),
  fc.constant("00000000-0000-0000-0000-000000000000"),
  fc.constant("REAL"),
  hostileText,
  fc.integer(),
  fc.double(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.boolean(),
);
const payload = fc.oneof(
  fc.record({ requestId: idLike }),
  fc.record({ roundId: idLike }),
  fc.record({ requestId: idLike, roundId: idLike, extra: fc.anything({ maxDepth: 2 }) }),
  fc.anything({ maxDepth: 3, withBigInt: false }),
  fc.constant(deep(2_000)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": "yes"}, "requestId": "REAL"}') as unknown),
  fc.constant({ constructor: { prototype: { polluted: "yes" } }, roundId: "x" }),
  fc.constant(new Uint8Array(64)),
  hostileText,
);
const message = fc.record({ event: fc.constantFrom(...EVENTS), args: fc.array(payload, { maxLength: 3 }), withAck: fc.boolean() });

const ANSWERS = z.union([LiveIdentitySchema, LiveRefusalSchema, RequestWatchAckSchema, ReviewWatchAckSchema]);

/** Frames that are not (valid) socket.io packets for /live. */
const RAW_FRAMES = [
  "4",
  "42",
  "42/live,",
  "42/live,[",
  "42/live,{}",
  "42/live,[1,2]",
  "42/live,[null]",
  '42/live,99999999999999999999["live:whoami"]',
  '42/live,-1["live:whoami"]',
  "43/live,1[]",
  '451-/live,["request:watch",{"_placeholder":true,"num":0}]',
  '451-/live,["request:watch",{"_placeholder":true,"num":99}]',
  "41/live,",
  '40/live,{"token":1}',
  "46/live,[]",
  '42/live,["disconnect"]',
  '42/live,["connect"]',
  `42/live,${"[".repeat(10_000)}`,
];

describe("Live events under fuzzing", () => {
  it("should answer generated hostile payloads on every event with documented acks, never an internal error", async () => {
    const samples = fc.sample(message, { seed: SEED, numRuns: 2_500 });
    const answers: unknown[] = [];
    const socketsByPerson = await Promise.all(people.map((who) => socketOf(t.url, who)));
    await Promise.all(
      socketsByPerson.map(async (socket, p) => {
        const mine = samples.filter((_, i) => i % people.length === p);
        const pending: Promise<void>[] = [];
        for (const [i, { event, args, withAck }] of mine.entries()) {
          const real = args.map((a) =>
            a && typeof a === "object" && (a as { requestId?: unknown }).requestId === "REAL" ? { ...(a as object), requestId } : a,
          );
          if (withAck) {
            pending.push(
              socket
                .timeout(10_000)
                .emitWithAck(event as "live:whoami", ...(real as []))
                .then(
                  (answer: unknown) => void answers.push(answer),
                  () => undefined, // unknown events are never answered: a timeout is expected
                ),
            );
          } else {
            socket.emit(event as "request:unwatch", ...(real as [{ requestId: string }]));
          }
          if (i % 50 === 49) await pause(5);
        }
        await Promise.all(pending);
      }),
    );
    expect(answers.length).toBeGreaterThan(500);
    for (const answer of answers) expect(ANSWERS.safeParse(answer).success).toBe(true);
    expect(answers.filter((a) => (a as { code?: string }).code === "internal_error")).toEqual([]);
    expect((Object.prototype as { polluted?: unknown }).polluted).toBeUndefined();
    expect(socketsByPerson.every((s) => s.connected)).toBe(true);
  }, 120_000);

  it("should drop a connection that sends malformed or oversized frames, and carry on serving everyone else", async () => {
    for (const frame of [...RAW_FRAMES, `42/live,["request:watch",{"requestId":"${"x".repeat(1_100_000)}"}]`]) {
      const socket = await socketOf(t.url, people[frame.length % people.length]!);
      socket.io.engine.send(frame);
      await pause(20);
      // Either the server dropped the connection (now, or while we ask), or it still answers it.
      const answer = socket.connected
        ? await socket
            .timeout(5_000)
            .emitWithAck("live:whoami")
            .catch(() => undefined)
        : undefined;
      if (answer === undefined) expect(socket.connected).toBe(false);
      else expect(answer).toMatchObject({ userId: expect.any(String) });
      socket.disconnect();
    }
    const council = await socketOf(t.url, m.commissioner);
    expect(await council.timeout(5_000).emitWithAck("request:watch", { requestId })).toMatchObject({ ok: true, view: { request: { id: requestId } } });
    expect((await fetch(`${t.url}/api/v1/health`)).status).toBe(200);
  }, 60_000);
});

describe("Live events flooding every event, with the production limits", () => {
  let node: TestServer;
  beforeAll(async () => {
    node = await startTestServer({ requireClient: false, database: t.testApp.database });
  });
  afterAll(() => node.close());

  it("should refuse, then cut off, a connection flooding any event, and keep serving others", async () => {
    for (const event of EVENTS.slice(0, 5)) {
      const flooder = await socketOf(node.url, m.providers[0]!.person);
      const cut = new Promise<string>((resolve) => flooder.once("disconnect", resolve));
      const refusals: unknown[] = [];
      for (let i = 0; i < 3_000; i++)
        flooder.emit(event as "request:watch", { requestId, roundId: requestId } as never, (answer: unknown) => void refusals.push(answer));
      expect(await cut).toBe("io server disconnect");
      expect(refusals.some((a) => LiveRefusalSchema.safeParse(a).data?.code === "rate_limited")).toBe(true);
    }
    const council = await socketOf(node.url, m.commissioner);
    expect(await council.timeout(5_000).emitWithAck("request:watch", { requestId })).toMatchObject({ ok: true });
    expect((await fetch(`${node.url}/api/v1/health`)).status).toBe(200);
  }, 60_000);
});
