import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { admitProvider, buildSetting, freeUrn } from "../factories/directory";
import { buildOrganisation } from "../factories/organisations";
import type { MatrixActor } from "./actors";
import { byRole, everyone, type MatrixEntry, type Scope } from "./matrix";

/** A listed setting: the actor's own if they are a provider (own scope), else another provider's in the region. */
async function listedSetting(db: Db, actor: MatrixActor, scope: Scope): Promise<string> {
  const regionId = scope === "own" ? actor.regionId : actor.otherRegionId;
  const ownProvider = scope === "own" && actor.role === "provider" ? actor.ownOrgId : undefined;
  const organisationId = ownProvider ?? (await buildOrganisation(db, { kind: "provider", regionId })).id;
  await admitProvider(db, { organisationId, regionId, lots: [1] }).catch(() => undefined);
  return (await buildSetting(db, { organisationId })).id;
}

async function unclaimedSetting(db: Db, regionId: string) {
  const holder = await buildOrganisation(db, { kind: "provider", regionId });
  await db.execute(sql`UPDATE organisations SET holds_unclaimed_settings = false WHERE region_id = ${regionId}`);
  await db.execute(sql`UPDATE organisations SET holds_unclaimed_settings = true WHERE id = ${holder.id}`);
  return buildSetting(db, { organisationId: holder.id, status: "draft", source: "gias" });
}

/** A pending claim: the actor's own (own scope, providers) or another provider's in the region, or in another region. */
async function pendingClaim(db: Db, actor: MatrixActor, scope: Scope): Promise<string> {
  const regionId = scope === "own" ? actor.regionId : actor.otherRegionId;
  const setting = await unclaimedSetting(db, regionId);
  const claimant =
    scope === "own" && actor.role === "provider" && actor.ownOrgId ? actor.ownOrgId : (await buildOrganisation(db, { kind: "provider", regionId })).id;
  const [row] = (
    (await db.execute(sql`INSERT INTO setting_claims (setting_id, organisation_id) VALUES (${setting.id}, ${claimant}) RETURNING id`)) as unknown as {
      rows: { id: string }[];
    }
  ).rows;
  return row?.id ?? "";
}

const searchers = byRole({ regional_admin: 200, commissioner: 200, commissioner_admin: 200 }, 403);
const hidden = { own: 404, other: 404 };

export const DIRECTORY_MATRIX: MatrixEntry[] = [
  { route: "GET /api/v1/settings", request: async () => ({ path: "/api/v1/settings?need=ASD" }), expect: searchers },
  { route: "GET /api/v1/settings/export", request: async () => ({ path: "/api/v1/settings/export?need=ASD" }), expect: searchers },
  {
    route: "GET /api/v1/settings/:id",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/settings/${await listedSetting(db, actor, scope)}` }),
    expect: byRole({ parent_panel: hidden, parent_panel_admin: hidden }, { own: 200, other: 404 }),
  },
  {
    route: "GET /api/v1/organisations/:id/settings",
    request: async ({ orgId }) => ({ path: `/api/v1/organisations/${orgId}/settings` }),
    expect: byRole({ provider: { own: 200, other: 404 }, provider_admin: { own: 200, other: 404 } }, { own: 403, other: 404 }),
  },
  {
    route: "POST /api/v1/settings",
    request: async ({ db }) => ({
      path: "/api/v1/settings",
      body: {
        urn: await freeUrn(db),
        name: "Matrix School",
        ageLow: 5,
        ageHigh: 16,
        sexAdmitted: "mixed",
        registeredCapacity: 5,
        address: { line1: "1 Road", town: "Bolton", postcode: "BL1 1AA" },
      },
    }),
    expect: byRole({ provider_admin: 201 }, 403),
  },
  {
    route: "PATCH /api/v1/settings/:id",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/settings/${await listedSetting(db, actor, scope)}`, body: { description: "Changed." } }),
    expect: byRole({ provider_admin: { own: 200, other: 404 }, parent_panel: hidden, parent_panel_admin: hidden }, { own: 403, other: 404 }),
  },
  {
    route: "PUT /api/v1/settings/:id/vacancies",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/settings/${await listedSetting(db, actor, scope)}/vacancies`, body: { vacancies: 1 } }),
    expect: byRole(
      { provider: { own: 200, other: 404 }, provider_admin: { own: 200, other: 404 }, parent_panel: hidden, parent_panel_admin: hidden },
      { own: 403, other: 404 },
    ),
  },
  {
    route: "PUT /api/v1/settings/:id/status",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/settings/${await listedSetting(db, actor, scope)}/status`, body: { status: "published" } }),
    expect: byRole(
      { provider_admin: { own: 200, other: 404 }, regional_admin: { own: 200, other: 404 }, parent_panel: hidden, parent_panel_admin: hidden },
      { own: 403, other: 404 },
    ),
  },
  {
    route: "POST /api/v1/setting-claims",
    request: async ({ db, actor }) => ({ path: "/api/v1/setting-claims", body: { urn: (await unclaimedSetting(db, actor.regionId)).urn } }),
    expect: byRole({ provider_admin: 201 }, 403),
  },
  {
    route: "GET /api/v1/setting-claims",
    request: async () => ({ path: "/api/v1/setting-claims" }),
    expect: byRole({ regional_admin: 200, provider: 200, provider_admin: 200 }, 403),
  },
  {
    route: "PUT /api/v1/setting-claims/:id",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/setting-claims/${await pendingClaim(db, actor, scope)}`,
      body: { decision: "approved", reason: "Checked" },
    }),
    expect: byRole({ regional_admin: { own: 200, other: 404 }, provider: { own: 403, other: 404 }, provider_admin: { own: 403, other: 404 } }, hidden),
  },
  { route: "GET /api/v1/open-data/services", request: async () => ({ path: "/api/v1/open-data/services" }), expect: everyone(200) },
];
