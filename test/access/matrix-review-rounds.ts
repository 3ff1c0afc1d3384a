import { sql } from "drizzle-orm";
import type { Db } from "../../server/src/db/client";
import { frameworkOf } from "../factories/directory";
import { buildOrganisation } from "../factories/organisations";
import { buildReviewRound } from "../factories/review-rounds";
import type { MatrixActor } from "./actors";
import { byRole, type MatrixEntry, type Scope } from "./matrix";

/** A round the actor's forum takes part in (own scope) or one of another region's. */
async function roundFor(db: Db, actor: MatrixActor, scope: Scope) {
  const regionId = scope === "own" ? actor.regionId : actor.otherRegionId;
  const forumId = scope === "own" && actor.role === "parent_panel" && actor.ownOrgId ? actor.ownOrgId : (await buildOrganisation(db, { kind: "parent_forum", regionId })).id;
  const { round } = await buildReviewRound(db, { regionId, forumIds: [forumId] });
  const ids = ((await db.execute(
    sql`SELECT (SELECT id FROM review_proposals WHERE round_id = ${round.id}) AS proposal, (SELECT id FROM review_criteria WHERE round_id = ${round.id}) AS criterion`,
  )) as unknown as { rows: { proposal: string; criterion: string }[] }).rows[0];
  return { roundId: round.id, proposalId: ids?.proposal ?? "", criterionId: ids?.criterion ?? "" };
}

const seeRound = byRole({ regional_admin: { own: 200, other: 404 }, parent_panel: { own: 200, other: 404 }, parent_panel_admin: { own: 200, other: 404 } }, { own: 404, other: 404 });
const takePart = byRole({ regional_admin: { own: 403, other: 404 }, parent_panel: { own: 200, other: 404 }, parent_panel_admin: { own: 200, other: 404 } }, { own: 404, other: 404 });

export const REVIEW_ROUND_MATRIX: MatrixEntry[] = [
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
  { route: "GET /api/v1/review-rounds", request: async () => ({ path: "/api/v1/review-rounds" }), expect: byRole({ regional_admin: 200, parent_panel: 200, parent_panel_admin: 200 }, 403) },
  {
    route: "GET /api/v1/review-rounds/:id",
    request: async ({ db, actor, scope }) => ({ path: `/api/v1/review-rounds/${(await roundFor(db, actor, scope)).roundId}` }),
    expect: seeRound,
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
