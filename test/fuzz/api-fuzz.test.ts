import { once } from "node:events";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { ErrorCode } from "@shared/errors";
import { buildMatrixActors, type MatrixActor, WHO, type Who } from "../access/actors";
import { ACCESS_MATRIX } from "../access/all-routes";
import { expectationFor, isSuccess, type MatrixEntry, type MatrixRequest, type Scope } from "../access/matrix";
import { buildSession, type BuiltSession } from "../factories/sessions";
import { createTestApp } from "../setup/test-app";
import { HOSTILE_IDS, HOSTILE_NUMBERS, HOSTILE_STRINGS, hostileValue, percentEncode, valueFor } from "./arbitraries";
import { type Operation, operationsOf, type Parameter } from "./openapi-schemas";

/*
 * The API fuzzed from its own OpenAPI document: for every operation and every kind of person,
 * requests made of real records' ids and bodies (the access matrix's), values generated from the
 * operation's schemas, and hostile ones (control characters, lone surrogates, huge strings, deep
 * JSON, __proto__ keys, repeated query parameters, bad ids, dates and numbers out of range, wrong
 * types, bodies that are not JSON or are over 1 MB). Whatever is sent, the answer is below 500,
 * and every 4xx is JSON with a code from shared/src/errors.ts. The seed is fixed, so a run
 * sends the same requests (only the records' ids differ); FUZZ_SEED tries another.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);
const REQUESTS_PER_ROLE = 7;
/** More for the people a route serves: only their requests get past access checks to the commands. */
const REQUESTS_PER_SERVED_ROLE = 12;
const CODES = new Set<string>(Object.values(ErrorCode));

const t = await createTestApp({ seed: false, rateLimits: { signInPerMinute: 1_000_000, tokensPerHour: 1_000_000 } });
const server = t.app.listen(0, "127.0.0.1");
await once(server, "listening");
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});
const operations = operationsOf(await (await fetch(`${origin}/api/v1/openapi.json`)).json());

type Auth = "none" | "bogus-bearer" | "bogus-cookie" | "token" | "session" | "session-no-csrf" | "session-foreign-origin";
interface FuzzBody {
  raw: string | Uint8Array<ArrayBuffer>;
  type?: string;
}
interface FuzzRequest {
  path: string;
  auth: Auth;
  body?: FuzzBody;
  headers: Record<string, string>;
}

let actors: Record<Who, MatrixActor>;
const sessions = new Map<Who, BuiltSession>();
/** Per route, real requests the access matrix makes: real records' paths and bodies. */
const realRequests = new Map<string, MatrixRequest[]>();
/** Every record id those requests name, to put into any operation's path. */
let realIds: string[] = [];

/** Who builds the real requests: someone the route serves, and someone with records of another organisation. */
function buildersOf(entry: MatrixEntry): [Who, Scope][] {
  // The builder of "own" tokens names the builder's own token: revoking it would sign that actor out of the fuzz.
  if (entry.route === "DELETE /api/v1/me/tokens/:id") return [["commissioner_admin", "other"]];
  const served = WHO.find((w) => isSuccess(expectationFor(entry, w)));
  const scoped = WHO.find((w) => typeof expectationFor(entry, w) === "object" && w !== served);
  const builders: [Who, Scope][] = [...(served ? [[served, "own"] as [Who, Scope]] : []), ...(scoped ? [[scoped, "other"] as [Who, Scope]] : [])];
  return builders.length > 0 ? builders : [["commissioner_admin", "own"]];
}

beforeAll(async () => {
  const db = t.database.handle.db;
  actors = await buildMatrixActors(db);
  for (const who of WHO) {
    const person = actors[who].person;
    if (person) sessions.set(who, await buildSession(db, t.env, person.user.id));
  }
  for (const op of operations) {
    const entry = ACCESS_MATRIX.find((e) => e.route === op.route);
    if (!entry) throw new Error(`${op.route} is not in the access matrix`);
    const built: MatrixRequest[] = [];
    for (const [who, scope] of buildersOf(entry)) {
      const actor = actors[who];
      const orgId = (scope === "own" ? actor.ownOrgId : actor.otherOrgId) ?? actors.commissioner_admin.ownOrgId ?? "";
      built.push(await entry.request({ db, actor, scope, orgId, role: actor.role ?? "commissioner" }));
    }
    realRequests.set(op.route, built);
  }
  const uuids = JSON.stringify([...realRequests.values()]).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
  realIds = [...new Set(uuids)].sort();
});

/** Hostile values small enough for an address (a URL over 16 KB is refused by Node before Express sees it). */
const hostileSmall = hostileValue.filter((v) => JSON.stringify(v ?? null).length <= 2000);
const asText = (v: unknown) =>
  typeof v === "string" ? v : Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : JSON.stringify(x))).join(",") : JSON.stringify(v ?? null);

function pathArb(op: Operation, real: MatrixRequest[]): fc.Arbitrary<string> {
  if (op.params.length === 0) return fc.constant(op.path);
  const param = (p: Parameter) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...realIds) },
      { weight: 3, arbitrary: valueFor(p.schema, 0).map((v) => percentEncode(asText(v))) },
      { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_IDS) },
      { weight: 1, arbitrary: hostileSmall.map((v) => percentEncode(asText(v))) },
    );
  const templated = fc.tuple(...op.params.map(param)).map((values) => op.params.reduce((path, p, i) => path.replace(`{${p.name}}`, values[i] ?? ""), op.path));
  const paths = real.map((r) => r.path.split("?")[0] ?? r.path);
  return paths.length > 0 ? fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...paths) }, { weight: 4, arbitrary: templated }) : templated;
}

const UNKNOWN_QUERY_KEYS = ["__proto__", "constructor", "prototype", "x", "need[]", "page[$gt]", "a.b", ""];

function queryArb(op: Operation, real: MatrixRequest[]): fc.Arbitrary<string> {
  const pair = fc.oneof(
    ...(op.query.length > 0
      ? [
          {
            weight: 8,
            arbitrary: fc
              .constantFrom(...op.query)
              .chain((p) => fc.tuple(fc.constant(p.name), fc.oneof({ weight: 6, arbitrary: valueFor(p.schema, 0) }, { weight: 3, arbitrary: hostileSmall }))),
          },
        ]
      : []),
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...UNKNOWN_QUERY_KEYS), hostileSmall) },
  );
  const encoded = fc
    .array(pair, { maxLength: op.query.length > 0 ? 6 : 2 })
    .map((pairs) => pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(asText(v))}`));
  const raw = fc.constantFrom("%zz", "a=%ED%A0%80", "&&==&", "page=1&page=2", "need=ASD&need=SEMH&need=%00", "sort=distance&sort=name", "lot=1e400");
  const realQueries = real.map((r) => r.path.split("?")[1]).filter((q): q is string => Boolean(q));
  return fc
    .tuple(encoded, fc.option(raw, { freq: 5 }), realQueries.length > 0 ? fc.option(fc.constantFrom(...realQueries), { freq: 2 }) : fc.constant(null))
    .map(([pairs, extra, realQuery]) => [...(realQuery ? [realQuery] : []), ...pairs, ...(extra ? [extra] : [])].join("&"));
}

/** Every place in a JSON value (as keys and indexes), the root first. */
function placesIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => placesIn(item, [...at, i]))];
  if (value && typeof value === "object") return [at, ...Object.entries(value).flatMap(([key, item]) => placesIn(item, [...at, key]))];
  return [at];
}

/** A copy with `make(old)` at `place`: undefined deletes it. Own "__proto__" keys stay own keys, as JSON.parse makes them. */
function changedAt(value: unknown, place: (string | number)[], make: (old: unknown) => unknown): unknown {
  if (place.length === 0) return make(value);
  const [key, ...rest] = place as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) }) as Record<string | number, unknown>;
  const next = changedAt(copy[key], rest, make);
  if (next === undefined) delete copy[key];
  else Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

const POISON_KEYS = ["__proto__", "constructor", "prototype", "toString", "x", "\u0000", "\ud800"];

/** Hostile for a value of this kind mostly (a string's control characters, a number's range), any kind sometimes. */
const hostileFor = (old: unknown) =>
  fc.oneof(
    { weight: 2, arbitrary: typeof old === "number" ? fc.constantFrom<unknown>(...HOSTILE_NUMBERS) : fc.constantFrom<unknown>(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: hostileValue },
  );

/** A real body with one thing changed: a value made hostile, a field dropped, or a key added (prototype pollution, unknown fields). */
const mutated = (body: unknown) => {
  const places = placesIn(body);
  const leaves = places.filter((place) => {
    const value = place.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], body);
    return value === null || typeof value !== "object";
  });
  const place =
    leaves.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...leaves) }, { weight: 1, arbitrary: fc.constantFrom(...places) })
      : fc.constantFrom(...places);
  const valueAt = (at: (string | number)[]) => at.reduce<unknown>((v, key) => (v as Record<string | number, unknown>)[key], body);
  return fc
    .tuple(place, fc.nat(9), fc.constantFrom(...POISON_KEYS))
    .chain(([at, action, key]) => hostileFor(valueAt(at)).map((hostile) => [at, action, key, hostile] as const))
    .map(([place, action, key, hostile]) => {
      if (action < 6) return changedAt(body, place, () => hostile);
      if (action < 8) return changedAt(body, place, () => undefined) ?? {};
      return changedAt(body, place, (old) =>
        old && typeof old === "object" && !Array.isArray(old)
          ? changedAt(old, [key], () => ({ role: "regional_admin", orgAdmin: true, polluted: true }))
          : hostile,
      );
    });
};

const json = (value: unknown): FuzzBody => ({ raw: JSON.stringify(value) ?? "null" });
const deep = (n: number) => fc.constantFrom(`${"[".repeat(n)}${"]".repeat(n)}`, `${'{"a":'.repeat(n)}1${"}".repeat(n)}`);
const RAW_BODIES = [
  "{",
  "{'a':1}",
  "[1,]",
  "\u0000",
  "nul",
  '{"a":1}{"b":2}',
  "",
  "   ",
  "null",
  "0",
  '"text"',
  "[]",
  "true",
  '{"a":1e400}',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
];
const NOT_JSON_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "application/xml",
];

function bodyArb(op: Operation, real: MatrixRequest[]): fc.Arbitrary<FuzzBody | undefined> {
  // A body where none is expected, now and then (fetch sends none with a GET).
  if (!op.body)
    return op.method === "get"
      ? fc.constant(undefined)
      : fc.oneof({ weight: 7, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) });
  const bodies = real.map((r) => r.body).filter((b) => b !== undefined);
  const schema = op.body;
  return fc.oneof(
    ...(bodies.length > 0
      ? [
          { weight: 8, arbitrary: fc.constantFrom(...bodies).map(json) },
          {
            weight: 24,
            arbitrary: fc
              .constantFrom(...bodies)
              .chain(mutated)
              .map(json),
          },
        ]
      : []),
    { weight: 12, arbitrary: valueFor(schema, 0).map(json) },
    { weight: 12, arbitrary: valueFor(schema, 15).map(json) },
    { weight: 6, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
    { weight: 3, arbitrary: fc.oneof(deep(1_000), deep(50_000)).map((raw) => ({ raw })) },
    // {"a":"<the three UTF-8-shaped bytes of a lone surrogate>"}: not UTF-8.
    { weight: 2, arbitrary: fc.constant({ raw: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]) }) },
    {
      weight: 4,
      arbitrary: fc.tuple(valueFor(schema, 0), fc.constantFrom(...NOT_JSON_TYPES)).map(([value, type]) => ({ raw: JSON.stringify(value) ?? "", type })),
    },
    { weight: 1, arbitrary: fc.constantFrom(1_100_000, 3_000_000).map((n) => ({ raw: `{"a":"${"x".repeat(n)}"}` })) },
  );
}

const AUTH_SIGNED_IN = fc.oneof(
  { weight: 16, arbitrary: fc.constant<Auth>("token") },
  { weight: 3, arbitrary: fc.constant<Auth>("session") },
  { weight: 1, arbitrary: fc.constant<Auth>("session-no-csrf") },
  { weight: 1, arbitrary: fc.constant<Auth>("session-foreign-origin") },
);
const AUTH_ANONYMOUS = fc.constantFrom<Auth>("none", "none", "none", "bogus-bearer", "bogus-cookie");
const headerText = fc.stringMatching(/^[!-~]{0,80}$/);
const extraHeaders = fc.record(
  {
    "X-Request-Id": fc.oneof(fc.uuid(), headerText),
    "Idempotency-Key": headerText,
    "X-Forwarded-For": fc.oneof(fc.ipV4(), fc.ipV6(), headerText),
    Accept: fc.constantFrom("text/html", "*/*", "application/xml"),
  },
  { requiredKeys: [] },
);

function requestArb(op: Operation, who: Who): fc.Arbitrary<FuzzRequest> {
  const real = realRequests.get(op.route) ?? [];
  return fc
    .record({
      path: pathArb(op, real),
      query: queryArb(op, real),
      body: bodyArb(op, real),
      auth: who === "anonymous" ? AUTH_ANONYMOUS : AUTH_SIGNED_IN,
      headers: extraHeaders,
    })
    .map(({ path, query, body, auth, headers }) => ({ path: query ? `${path}?${query}` : path, auth, headers, ...(body ? { body } : {}) }));
}

function requestsFor(op: Operation, who: Who): number {
  const entry = ACCESS_MATRIX.find((e) => e.route === op.route);
  return entry && isSuccess(expectationFor(entry, who)) ? REQUESTS_PER_SERVED_ROLE : REQUESTS_PER_ROLE;
}

function authHeaders(who: Who, auth: Auth): Record<string, string> {
  const session = sessions.get(who)?.headers;
  switch (auth) {
    case "none":
      return {};
    case "bogus-bearer":
      return { Authorization: "Bearer pxt_notarealtokennotarealtokennotarealtoken0" };
    case "bogus-cookie":
      return { cookie: "px.sid=s%3Anot-a-session.c2lnbmF0dXJl" };
    case "token":
      return actors[who].headers;
    case "session":
      return session ?? {};
    case "session-no-csrf":
      return session ? { cookie: session.cookie } : {};
    case "session-foreign-origin":
      return session ? { cookie: session.cookie, Origin: "https://attacker.example" } : {};
  }
}

interface Outcome {
  status: number;
  problem?: string;
}

async function send(op: Operation, who: Who, r: FuzzRequest): Promise<Outcome> {
  const headers: Record<string, string> = { ...r.headers, ...authHeaders(who, r.auth) };
  if (r.body) headers["Content-Type"] = r.body.type ?? "application/json";
  let res: Response;
  try {
    res = await fetch(`${origin}${r.path}`, { method: op.method.toUpperCase(), headers, ...(r.body ? { body: r.body.raw } : {}) });
  } catch (error) {
    return { status: 0, problem: `no answer: ${String((error as Error).cause ?? error)}` };
  }
  const text = await res.text();
  if (res.status >= 500) return { status: res.status, problem: `answered ${res.status}: ${text.slice(0, 300)}` };
  if (res.status < 400) return { status: res.status };
  if (!(res.headers.get("content-type") ?? "").startsWith("application/json"))
    return { status: res.status, problem: `${res.status} is not JSON: ${text.slice(0, 200)}` };
  const code = (JSON.parse(text) as { code?: unknown }).code;
  if (typeof code !== "string" || !CODES.has(code)) return { status: res.status, problem: `${res.status} has no known code: ${text.slice(0, 200)}` };
  return { status: res.status };
}

const statuses = new Map<number, number>();
let sent = 0;
const show = (r: FuzzRequest) => {
  const body = r.body === undefined ? "" : typeof r.body.raw === "string" ? r.body.raw : `bytes ${Buffer.from(r.body.raw).toString("hex")}`;
  return `${r.path.slice(0, 200)} as ${r.auth}${r.body?.type ? ` (${r.body.type})` : ""}${body ? ` body ${body.slice(0, 300)}${body.length > 300 ? `… (${body.length} characters)` : ""}` : ""}`;
};

describe("The API, fuzzed from its OpenAPI document", () => {
  it("should cover every operation the access matrix lists", () => {
    expect(operations.length).toBeGreaterThan(80);
    const routes = new Set(operations.map((op) => op.route));
    expect(ACCESS_MATRIX.map((e) => e.route).filter((route) => route.includes(" /api/v1/") && !routes.has(route))).toEqual([]);
  });

  it.each(operations.map((op, i) => [op.route, op, i] as const))(
    "%s should answer every role below 500, every 4xx as JSON with a code",
    async (_route, op, i) => {
      const problems: string[] = [];
      for (const [w, who] of WHO.entries()) {
        const requests = fc.sample(requestArb(op, who), { seed: SEED + i * WHO.length + w, numRuns: requestsFor(op, who) });
        for (const r of requests) {
          const outcome = await send(op, who, r);
          sent += 1;
          statuses.set(outcome.status, (statuses.get(outcome.status) ?? 0) + 1);
          if (outcome.problem) problems.push(`${op.method.toUpperCase()} ${show(r)} (${who}): ${outcome.problem}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it("should have sent at least 5,000 requests, reaching the handlers as well as validation", () => {
    const count = (test: (status: number) => boolean) => [...statuses].filter(([s]) => test(s)).reduce((n, [, c]) => n + c, 0);
    expect(sent).toBeGreaterThanOrEqual(5_000);
    expect(sent).toBe(operations.reduce((n, op) => n + WHO.reduce((m, who) => m + requestsFor(op, who), 0), 0));
    if (process.env.FUZZ_STATS) console.log(`${sent} requests; by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    // Not everything bounced off sign-in or validation: real records were read and changed.
    expect(count((s) => s >= 200 && s < 300)).toBeGreaterThan(300);
    expect(count((s) => s === 400)).toBeGreaterThan(1_000);
    expect(count((s) => s === 404)).toBeGreaterThan(100);
  });
});
