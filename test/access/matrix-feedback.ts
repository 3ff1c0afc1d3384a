import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { admitProvider, buildSetting } from "../factories/directory";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import type { MatrixActor } from "./actors";
import { byRole, type MatrixEntry, type Scope } from "./matrix";

export async function listedSettingIn(db: Db, regionId: string) {
  const provider = await buildOrganisation(db, { kind: "provider", regionId });
  await admitProvider(db, { organisationId: provider.id, regionId, lots: [1] });
  return (await buildSetting(db, { organisationId: provider.id })).id;
}

/** Pending feedback by the actor (own scope, panel members) or by a panel member of the region, or of another region. */
async function pendingFeedback(db: Db, actor: MatrixActor, scope: Scope) {
  const regionId = scope === "own" ? actor.regionId : actor.otherRegionId;
  const author =
    scope === "own" && actor.role === "parent_panel" && actor.person ? actor.person.user : (await buildUser(db, { role: "parent_panel", regionId })).user;
  const settingId = await listedSettingIn(db, regionId);
  const [row] = (
    (await db.execute(
      sql`INSERT INTO setting_feedback (setting_id, author_user_id, author_organisation_id, ratings, comment) VALUES (${settingId}, ${author.id}, ${author.organisationId}, '{"meeting_needs": 4}', 'Kind staff.') RETURNING id`,
    )) as unknown as { rows: { id: string }[] }
  ).rows;
  return row?.id ?? "";
}

const panel = { own: 201, other: 404 };

export const FEEDBACK_MATRIX: MatrixEntry[] = [
  {
    route: "POST /api/v1/settings/:id/feedback",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/settings/${await listedSettingIn(db, scope === "own" ? actor.regionId : actor.otherRegionId)}/feedback`,
      body: { ratings: { meeting_needs: 4 }, comment: "Good." },
    }),
    expect: byRole({ parent_panel: panel, parent_panel_admin: panel }, 403),
  },
  {
    route: "GET /api/v1/setting-feedback",
    request: async () => ({ path: "/api/v1/setting-feedback" }),
    expect: byRole({ regional_admin: 200, parent_panel: 200, parent_panel_admin: 200 }, 403),
  },
  {
    route: "PUT /api/v1/setting-feedback/:id",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/setting-feedback/${await pendingFeedback(db, actor, scope)}`, body: { decision: "approved" } }),
    expect: byRole(
      { regional_admin: { own: 200, other: 404 }, parent_panel: { own: 403, other: 404 }, parent_panel_admin: { own: 403, other: 404 } },
      { own: 404, other: 404 },
    ),
  },
  {
    route: "GET /api/v1/settings/:id/feedback-summary",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/settings/${await listedSettingIn(db, scope === "own" ? actor.regionId : actor.otherRegionId)}/feedback-summary`,
    }),
    expect: byRole(
      {
        regional_admin: { own: 200, other: 404 },
        commissioner: { own: 200, other: 404 },
        commissioner_admin: { own: 200, other: 404 },
        parent_panel: { own: 200, other: 404 },
        parent_panel_admin: { own: 200, other: 404 },
      },
      403,
    ),
  },
];
