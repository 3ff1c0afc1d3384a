import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { frameworkOf } from "../factories/directory";
import { buildOrganisation } from "../factories/organisations";
import { buildReviewRound } from "../factories/review-rounds";
import { buildUser } from "../factories/users";
import type { MatrixActor } from "./actors";
import { byRole, everyone, type MatrixEntry, type Scope } from "./matrix";

/** A round the actor's forum takes part in (own scope) or one of another region's. */
async function roundFor(db: Db, actor: MatrixActor, scope: Scope) {
  const regionId = scope === "own" ? actor.regionId : actor.otherRegionId;
  const forumId =
    scope === "own" && actor.role === "parent_panel" && actor.ownOrgId ? actor.ownOrgId : (await buildOrganisation(db, { kind: "parent_forum", regionId })).id;
  const { round } = await buildReviewRound(db, { regionId, forumIds: [forumId] });
  const ids = (
    (await db.execute(
      sql`SELECT (SELECT id FROM review_proposals WHERE round_id = ${round.id}) AS proposal, (SELECT id FROM review_criteria WHERE round_id = ${round.id}) AS criterion`,
    )) as unknown as { rows: { proposal: string; criterion: string }[] }
  ).rows[0];
  return { roundId: round.id, proposalId: ids?.proposal ?? "", criterionId: ids?.criterion ?? "" };
}

const seeRound = byRole(
  { regional_admin: { own: 200, other: 404 }, parent_panel: { own: 200, other: 404 }, parent_panel_admin: { own: 200, other: 404 } },
  { own: 404, other: 404 },
);
const takePart = byRole(
  { regional_admin: { own: 403, other: 404 }, parent_panel: { own: 200, other: 404 }, parent_panel_admin: { own: 200, other: 404 } },
  { own: 404, other: 404 },
);

async function commentIn(db: Db, actor: MatrixActor, scope: Scope) {
  const r = await roundFor(db, actor, scope);
  const author = (await buildUser(db, { role: "parent_panel" })).user;
  const section = ((await db.execute(sql`SELECT id FROM review_sections WHERE round_id = ${r.roundId}`)) as unknown as { rows: { id: string }[] }).rows[0];
  const row = (
    (await db.execute(
      sql`INSERT INTO review_comments (round_id, section_id, author_user_id, author_organisation_id, body) VALUES (${r.roundId}, ${section?.id}, ${author.id}, ${author.organisationId}, 'A comment') RETURNING id`,
    )) as unknown as { rows: { id: string }[] }
  ).rows[0];
  return { ...r, sectionId: section?.id ?? "", commentId: row?.id ?? "" };
}

const hubOnly = byRole(
  { regional_admin: { own: 200, other: 404 }, parent_panel: { own: 403, other: 404 }, parent_panel_admin: { own: 403, other: 404 } },
  { own: 404, other: 404 },
);

export const REVIEW_ROUND_MATRIX: MatrixEntry[] = [
  {
    route: "POST /api/v1/review-rounds/:id/comments",
    request: async ({ db, actor, scope }) => {
      const r = await commentIn(db, actor, scope);
      return { path: `/api/v1/review-rounds/${r.roundId}/comments`, body: { sectionId: r.sectionId, body: "More visits, please." } };
    },
    expect: byRole(
      { regional_admin: { own: 403, other: 404 }, parent_panel: { own: 201, other: 404 }, parent_panel_admin: { own: 201, other: 404 } },
      { own: 404, other: 404 },
    ),
  },
  {
    route: "PUT /api/v1/review-comments/:id/moderation",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/review-comments/${(await commentIn(db, actor, scope)).commentId}/moderation`,
      body: { hidden: true, reason: "Names a person" },
    }),
    expect: hubOnly,
  },
  {
    route: "POST /api/v1/review-rounds/:id/themes",
    request: async ({ db, actor, scope }) => ({
      path: `/api/v1/review-rounds/${(await roundFor(db, actor, scope)).roundId}/themes`,
      body: { title: "A theme" },
    }),
    expect: byRole(
      { regional_admin: { own: 201, other: 404 }, parent_panel: { own: 403, other: 404 }, parent_panel_admin: { own: 403, other: 404 } },
      { own: 404, other: 404 },
    ),
  },
  {
    route: "PUT /api/v1/review-rounds/:id/themes/:themeId",
    request: async ({ db, actor, scope }) => {
      const r = await roundFor(db, actor, scope);
      const theme = (
        (await db.execute(sql`INSERT INTO review_themes (round_id, title) VALUES (${r.roundId}, 'Theme') RETURNING id`)) as unknown as {
          rows: { id: string }[];
        }
      ).rows[0];
      return { path: `/api/v1/review-rounds/${r.roundId}/themes/${theme?.id}`, body: { title: "Renamed", answer: "We did it." } };
    },
    expect: hubOnly,
  },
  { route: "GET /api/v1/public/review-rounds", request: async () => ({ path: "/api/v1/public/review-rounds" }), expect: everyone(200) },
  {
    route: "GET /api/v1/public/review-rounds/:id/summary",
    request: async ({ db, actor }) => {
      const r = await roundFor(db, actor, "own");
      await db.execute(sql`UPDATE review_rounds SET opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' WHERE id = ${r.roundId}`);
      return { path: `/api/v1/public/review-rounds/${r.roundId}/summary` };
    },
    expect: everyone(200),
  },
  {
    route: "POST /api/v1/review-rounds",
    request: async ({ db, actor }) => {
      const framework = await frameworkOf(db, actor.regionId);
      const forum = await buildOrganisation(db, { kind: "parent_forum", regionId: actor.regionId });
      return {
        path: "/api/v1/review-rounds",
        body: {
          frameworkId: framework.id,
          title: "Matrix round",
          summary: "Summary",
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 86_400_000).toISOString(),
          forumIds: [forum.id],
          sections: [{ heading: "One", body: "Text" }],
        },
      };
    },
    expect: byRole({ regional_admin: 201 }, 403),
  },
  {
    route: "GET /api/v1/review-rounds",
    request: async () => ({ path: "/api/v1/review-rounds" }),
    expect: byRole({ regional_admin: 200, parent_panel: 200, parent_panel_admin: 200 }, 403),
  },
  {
    route: "GET /api/v1/review-rounds/:id",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/review-rounds/${(await roundFor(db, actor, scope)).roundId}` }),
    expect: seeRound,
  },
  {
    route: "GET /api/v1/review-rounds/changes",
    request: async () => ({ path: "/api/v1/review-rounds/changes" }),
    expect: byRole({ parent_panel: 200, parent_panel_admin: 200 }, 403),
  },
  {
    route: "POST /api/v1/review-rounds/:id/visit",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/review-rounds/${(await roundFor(db, actor, scope)).roundId}/visit` }),
    expect: takePart,
  },
  {
    route: "PUT /api/v1/review-rounds/:id/proposals/:proposalId/vote",
    request: async ({ db, actor, scope }) => {
      const r = await roundFor(db, actor, scope);
      return { path: `/api/v1/review-rounds/${r.roundId}/proposals/${r.proposalId}/vote`, body: { choice: "for" } };
    },
    expect: takePart,
  },
  {
    route: "PUT /api/v1/review-rounds/:id/criteria/:criterionId/rating",
    request: async ({ db, actor, scope }) => {
      const r = await roundFor(db, actor, scope);
      return { path: `/api/v1/review-rounds/${r.roundId}/criteria/${r.criterionId}/rating`, body: { rating: 4 } };
    },
    expect: takePart,
  },
];
