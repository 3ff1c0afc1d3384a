import request from "supertest";
import { servedApiRoutes } from "../setup/served-routes";
import { createTestApp, type TestApp } from "../setup/test-app";
import { buildMatrixActors, type MatrixActor, WHO, type Who } from "./actors";
import { ACCESS_MATRIX } from "./all-routes";
import { expectationFor, type Scope } from "./matrix";

let t: TestApp;
let actors: Record<Who, MatrixActor>;
beforeAll(async () => {
  // Generous limits: this test makes hundreds of requests from one address on purpose.
  t = await createTestApp({ seed: false, rateLimits: { signInPerMinute: 10_000, tokensPerHour: 10_000 } });
  actors = await buildMatrixActors(t.database.handle.db);
});
afterAll(() => t.close());

describe("Access matrix", () => {
  it("should list every API route the server serves, and no route it does not", () => {
    const served = servedApiRoutes(t.database.handle)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`)
      .filter((r) => r.includes(" /api/"))
      .sort();
    expect(ACCESS_MATRIX.map((e) => e.route).sort()).toEqual(served);
  });

  const cases = ACCESS_MATRIX.flatMap((entry) =>
    WHO.flatMap((who) => {
      const expected = expectationFor(entry, who);
      const scopes: Scope[] = typeof expected === "number" ? ["own"] : ["own", "other"];
      return scopes.map((scope) => ({ entry, who, scope, status: typeof expected === "number" ? expected : expected[scope] }));
    }),
  );

  it.each(cases.map((c) => [`${c.entry.route} as ${c.who} (${c.scope})`, c] as const))("%s", async (_name, { entry, who, scope, status }) => {
    const actor = actors[who];
    const orgId = (scope === "own" ? actor.ownOrgId : actor.otherOrgId) ?? actors.commissioner_admin.ownOrgId ?? "";
    const role = actor.role ?? "commissioner";
    const req = await entry.request({ db: t.database.handle.db, actor, scope, orgId, role });
    const [method] = entry.route.split(" ") as [string];
    let call = request(t.app)[method.toLowerCase() as "get" | "post" | "patch" | "delete"](req.path).set(actor.headers);
    if (req.body !== undefined) call = call.send(req.body as object);
    const res = await call;
    if (res.status !== status) throw new Error(`${entry.route} as ${who} (${scope}): expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  });
});
