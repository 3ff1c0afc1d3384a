import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { buildChild } from "../factories/children";
import { buildOrganisation } from "../factories/organisations";
import { pdsReferral } from "../factories/placements-standard";
import type { MatrixActor } from "./actors";
import { byRole, type Expectations, type MatrixEntry, type Scope } from "./matrix";
import { listedSettingIn } from "./matrix-feedback";

/**
 * A child of the commissioner's own council or of another council of the region; for anyone
 * else, a child of some council of the region (they may see none).
 */
async function childFor(db: Db, actor: MatrixActor, scope: Scope, orgId: string) {
  const council = actor.role === "commissioner" ? orgId : (await buildOrganisation(db, { kind: "council", regionId: actor.regionId })).id;
  void scope;
  return (await buildChild(db, { organisationId: council })).id;
}

/** The owning council's commissioners only; everyone else is told the child does not exist. */
const owningCouncil = (ok: number): Expectations => byRole({ commissioner: { own: ok, other: 404 }, commissioner_admin: { own: ok, other: 404 } }, 404);
const commissioners = (ok: number) => byRole({ commissioner: ok, commissioner_admin: ok }, 403);
const childPath =
  (suffix = "") =>
  async ({ db, actor, scope, orgId }: { db: Db; actor: MatrixActor; scope: Scope; orgId: string }) => ({
    path: `/api/v1/children/${await childFor(db, actor, scope, orgId)}${suffix}`,
  });

export const CHILDREN_MATRIX: MatrixEntry[] = [
  { route: "GET /api/v1/children", request: async () => ({ path: "/api/v1/children" }), expect: commissioners(200) },
  {
    route: "POST /api/v1/children",
    request: async () => ({
      path: "/api/v1/children",
      body: {
        reference: `MX-${randomBytes(4).toString("hex").toUpperCase()}-1`,
        birthMonth: "2014-03",
        sex: "female",
        homeOutcode: "M14",
        schoolYear: 7,
        primaryNeed: "SEMH",
        lotNumber: 1,
        neededBy: "2027-01-10",
      },
    }),
    expect: commissioners(201),
  },
  {
    route: "POST /api/v1/children/import/placements-standard",
    request: async () => ({ path: "/api/v1/children/import/placements-standard", body: pdsReferral() }),
    expect: commissioners(201),
  },
  {
    route: "POST /api/v1/children/drafts",
    request: async () => ({ path: "/api/v1/children/drafts", body: { reference: `MX-${randomBytes(4).toString("hex").toUpperCase()}-2` } }),
    expect: commissioners(201),
  },
  { route: "POST /api/v1/children/:id/complete", request: childPath("/complete"), expect: owningCouncil(200) },
  { route: "GET /api/v1/children/:id", request: childPath(), expect: owningCouncil(200) },
  { route: "PATCH /api/v1/children/:id", request: async (ctx) => ({ ...(await childPath()(ctx)), body: { schoolYear: 8 } }), expect: owningCouncil(200) },
  { route: "GET /api/v1/children/:id/placements-standard", request: childPath("/placements-standard"), expect: owningCouncil(200) },
  { route: "GET /api/v1/children/:id/matches", request: childPath("/matches"), expect: owningCouncil(200) },
  { route: "GET /api/v1/children/:id/shortlist", request: childPath("/shortlist"), expect: owningCouncil(200) },
  {
    route: "PUT /api/v1/children/:id/shortlist/:settingId",
    request: async (ctx) => ({ path: `${(await childPath()(ctx)).path}/shortlist/${await listedSettingIn(ctx.db, ctx.actor.regionId)}` }),
    expect: owningCouncil(200),
  },
  {
    route: "DELETE /api/v1/children/:id/shortlist/:settingId",
    request: async (ctx) => {
      const { path } = await childPath()(ctx);
      const settingId = await listedSettingIn(ctx.db, ctx.actor.regionId);
      await ctx.db.execute(sql`INSERT INTO child_shortlists (child_id, setting_id) VALUES (${path.split("/")[4]}, ${settingId})`);
      return { path: `${path}/shortlist/${settingId}` };
    },
    expect: owningCouncil(200),
  },
];
