import { buildChild } from "../factories/children";
import { buildOrganisation } from "../factories/organisations";
import { buildReviewedPlacement, providerViewBody, reviewBody, type ReviewedPlacement, storeReview } from "../factories/outcome-reviews";
import { byRole, type Expected, type MatrixEntry } from "./matrix";

type Ctx = Parameters<MatrixEntry["request"]>[0];

/** A placement made by the commissioner's council or delivered by the provider ("own"), or by others of the region. */
const placementFor = ({ db, actor, orgId }: Ctx) =>
  buildReviewedPlacement(db, {
    regionId: actor.regionId,
    ...(actor.role === "commissioner" ? { councilId: orgId } : {}),
    ...(actor.role === "provider" ? { providerOrganisationId: orgId } : {}),
  });
const on = (call: (p: ReviewedPlacement, db: Ctx["db"]) => Promise<{ path: string; body?: unknown }>) => async (ctx: Ctx) =>
  call(await placementFor(ctx), ctx.db);
const P = (p: ReviewedPlacement, suffix = "") => `/api/v1/placements/${p.placementId}${suffix}`;
const ids = (p: ReviewedPlacement) => p.outcomes.map((o) => o.id);

const ownOnly = (ok: number) => ({ own: ok, other: 404 });
/** The council that made the placement and the provider delivering it; everyone else is told it does not exist. */
const takingPart = (ok: number) =>
  byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok), provider: ownOnly(ok), provider_admin: ownOnly(ok) }, 404);
const forbiddenOwn: Expected = { own: 403, other: 404 };
/** The council's steps: the provider sees the placement, so it is refused (403). */
const councilOnly = (ok: number) =>
  byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok), provider: forbiddenOwn, provider_admin: forbiddenOwn }, 404);
const providerOnly = (ok: number) =>
  byRole({ provider: ownOnly(ok), provider_admin: ownOnly(ok), commissioner: forbiddenOwn, commissioner_admin: forbiddenOwn }, 404);

/** A child of the commissioner's own council (or another's); for anyone else, a child of some council of the region. */
async function childPath({ db, actor, orgId }: Ctx) {
  const council = actor.role === "commissioner" ? orgId : (await buildOrganisation(db, { kind: "council", regionId: actor.regionId })).id;
  return `/api/v1/children/${(await buildChild(db, { organisationId: council })).id}/outcomes`;
}
const owningCouncil = (ok: number) => byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok) }, 404);

export const OUTCOME_REVIEW_MATRIX: MatrixEntry[] = [
  { route: "GET /api/v1/children/:id/outcomes", request: async (ctx) => ({ path: await childPath(ctx) }), expect: owningCouncil(200) },
  {
    route: "PUT /api/v1/children/:id/outcomes",
    request: async (ctx) => ({ path: await childPath(ctx), body: { outcomes: [{ statement: "To travel to school with an adult" }] } }),
    expect: owningCouncil(200),
  },
  {
    route: "GET /api/v1/placements",
    request: async () => ({ path: "/api/v1/placements" }),
    expect: byRole({ commissioner: 200, commissioner_admin: 200, provider: 200, provider_admin: 200 }, 403),
  },
  { route: "GET /api/v1/placements/:id/reviews", request: on(async (p) => ({ path: P(p, "/reviews") })), expect: takingPart(200) },
  {
    route: "POST /api/v1/placements/:id/reviews",
    request: on(async (p) => ({ path: P(p, "/reviews"), body: reviewBody(ids(p), { kind: "baseline", reviewDate: p.startDate }) })),
    expect: councilOnly(201),
  },
  {
    route: "PUT /api/v1/placements/:id/reviews/:reviewId",
    request: on(async (p, db) => ({ path: P(p, `/reviews/${await storeReview(db, p)}`), body: reviewBody(ids(p), { reviewDate: p.startDate }) })),
    expect: councilOnly(200),
  },
  {
    route: "POST /api/v1/placements/:id/reviews/:reviewId/submit",
    request: on(async (p, db) => ({ path: P(p, `/reviews/${await storeReview(db, p)}/submit`) })),
    expect: councilOnly(200),
  },
  {
    route: "PUT /api/v1/placements/:id/reviews/:reviewId/provider-view",
    request: on(async (p, db) => ({
      path: P(p, `/reviews/${await storeReview(db, p, { status: "submitted" })}/provider-view`),
      body: providerViewBody(ids(p)),
    })),
    expect: providerOnly(200),
  },
  {
    route: "POST /api/v1/placements/:id/reviews/:reviewId/provider-view/decision",
    request: on(async (p, db) => ({
      path: P(p, `/reviews/${await storeReview(db, p, { withView: true })}/provider-view/decision`),
      body: { decision: "accepted" },
    })),
    expect: councilOnly(200),
  },
  { route: "GET /api/v1/placements/:id/distance-travelled", request: on(async (p) => ({ path: P(p, "/distance-travelled") })), expect: takingPart(200) },
];
