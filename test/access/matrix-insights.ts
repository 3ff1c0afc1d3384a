import { insightsPublications } from "../../server/src/db/schema";
import { buildOrganisation } from "../factories/organisations";
import { byRole, type Expected, type MatrixEntry } from "./matrix";

type Ctx = Parameters<MatrixEntry["request"]>[0];

/**
 * The council of the filter: a commissioner's own council (own) or another of the region
 * (other); the hub sees the region (own) or any council of it (other); anyone else is refused
 * before the filter matters.
 */
async function councilFor({ db, actor, scope, orgId, role }: Ctx): Promise<string | null> {
  if (role === "commissioner" && scope === "own") return orgId;
  if ((role === "commissioner" || role === "regional_admin") && scope === "other")
    return (await buildOrganisation(db, { kind: "council", regionId: actor.regionId })).id;
  return null;
}

const seeInsights = (ok: number) => {
  const council: Expected = { own: ok, other: 403 };
  return byRole({ regional_admin: ok, commissioner: council, commissioner_admin: council }, 403);
};
const withCouncil = (path: string, key: string) => async (ctx: Ctx) => {
  const council = await councilFor(ctx);
  return { path: council ? `${path}?${key}=${council}` : path };
};
const P = "/api/v1/insights";
const published: Expected = { own: 200, other: 404 };

export const INSIGHTS_MATRIX: MatrixEntry[] = [
  { route: `GET ${P}/placements`, request: withCouncil(`${P}/placements`, "council"), expect: seeInsights(200) },
  { route: `GET ${P}/placements.csv`, request: withCouncil(`${P}/placements.csv`, "council"), expect: seeInsights(200) },
  { route: `GET ${P}/compare`, request: withCouncil(`${P}/compare`, "aCouncil"), expect: seeInsights(200) },
  { route: `GET ${P}/publication`, request: async () => ({ path: `${P}/publication` }), expect: byRole({ regional_admin: 200 }, 403) },
  {
    route: `PUT ${P}/publication`,
    request: async () => ({ path: `${P}/publication`, body: { from: "2026-01", to: "2026-03" } }),
    expect: byRole({ regional_admin: 200, regional_staff: 403 }, 403),
  },
  {
    // Published for the actor's own region; another region has published nothing (404).
    route: `GET /api/v1/public/insights/:regionId`,
    request: async ({ db, actor, scope }) => {
      const regionId = scope === "own" ? actor.regionId : actor.otherRegionId;
      if (scope === "own") {
        await db.insert(insightsPublications).values({ regionId, periodFrom: "2026-01-01", periodTo: "2026-03-01" }).onConflictDoNothing();
      }
      return { path: `/api/v1/public/insights/${regionId}` };
    },
    expect: { ...byRole({}, published), anonymous: published, unaffiliated: published },
  },
];
