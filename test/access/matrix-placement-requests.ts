import { buildChild } from "../factories/children";
import { buildOrganisation } from "../factories/organisations";
import { inSeconds, offerBody } from "../factories/placement-requests";
import { buildRequestAt, type RequestStage, type StageOptions } from "../factories/request-stages";
import { byRole, everyone, type Expected, type MatrixEntry } from "./matrix";
import { listedSettingIn } from "./matrix-feedback";

type Ctx = Parameters<MatrixEntry["request"]>[0];

/**
 * Who takes part in the request: for "own" a commissioner's own council runs it and a
 * provider's own setting is invited; for "other" another council or provider of the region.
 * Anyone else is shown a request of strangers.
 */
function partiesFor({ actor, orgId }: Ctx): Partial<StageOptions> {
  if (actor.role === "commissioner") return { councilId: orgId };
  if (actor.role === "provider") return { providerOrganisationId: orgId };
  return {};
}
const staged = (ctx: Ctx, stage: RequestStage, options: Partial<StageOptions> = {}) => buildRequestAt(ctx.db, stage, { regionId: ctx.actor.regionId, ...partiesFor(ctx), ...options });
const R = "/api/v1/placement-requests";

const ownOnly = (ok: number) => ({ own: ok, other: 404 });
/** Requests, offers and prices are the council's and the invited providers' alone: panels and the hub are told nothing exists. */
const takingPart = (ok: number) => byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok), provider: ownOnly(ok), provider_admin: ownOnly(ok) }, 404);
/** The council's actions: an invited provider can see the request, so it is refused (403), not told it is absent. */
const councilOnly = (ok: number, provider: Expected = { own: 403, other: 404 }) =>
  byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok), provider, provider_admin: provider }, 404);
/** The invited provider's actions: the council running the request is refused (403). */
const providerOnly = (ok: number) => byRole({ provider: ownOnly(ok), provider_admin: ownOnly(ok), commissioner: { own: 403, other: 404 }, commissioner_admin: { own: 403, other: 404 } }, 404);

export const PLACEMENT_REQUEST_MATRIX: MatrixEntry[] = [
  { route: `GET ${R}`, request: async () => ({ path: R }), expect: byRole({ commissioner: 200, commissioner_admin: 200, provider: 200, provider_admin: 200 }, 403) },
  {
    route: `POST ${R}`,
    request: async ({ db, actor, orgId }) => {
      const council = actor.role === "commissioner" ? orgId : (await buildOrganisation(db, { kind: "council", regionId: actor.regionId })).id;
      const child = await buildChild(db, { organisationId: council });
      return { path: R, body: { childId: child.id, settingIds: [await listedSettingIn(db, actor.regionId)], deadline: inSeconds(3600) } };
    },
    expect: byRole({ commissioner: 201, commissioner_admin: 201 }, 403),
  },
  { route: `GET ${R}/:id`, request: async (ctx) => ({ path: `${R}/${(await staged(ctx, "open")).request.id}` }), expect: takingPart(200) },
  // A draft is the council's working paper: invited providers do not see it yet (404).
  { route: `POST ${R}/:id/open`, request: async (ctx) => ({ path: `${R}/${(await staged(ctx, "draft")).request.id}/open` }), expect: councilOnly(200, 404) },
  {
    route: `POST ${R}/:id/cancel`,
    request: async (ctx) => ({ path: `${R}/${(await staged(ctx, "open")).request.id}/cancel`, body: { reason: "The child's needs changed." } }),
    expect: councilOnly(200),
  },
  {
    route: `POST ${R}/:id/offers`,
    request: async (ctx) => {
      const s = await staged(ctx, "open");
      return { path: `${R}/${s.request.id}/offers`, body: offerBody(s.settingId) };
    },
    expect: providerOnly(201),
  },
  {
    route: `POST ${R}/:id/offers/:offerId/withdraw`,
    request: async (ctx) => {
      const s = await staged(ctx, "open", { withOffer: true });
      return { path: `${R}/${s.request.id}/offers/${s.offerId}/withdraw` };
    },
    expect: providerOnly(200),
  },
  {
    route: `PUT ${R}/:id/offers/:offerId/price`,
    request: async (ctx) => {
      const s = await staged(ctx, "price_round");
      return { path: `${R}/${s.request.id}/offers/${s.offerId}/price`, body: { fee: { corePence: 100000, staffingPence: 0, therapiesPence: 0, otherPence: 0 } } };
    },
    expect: providerOnly(200),
  },
  {
    route: `POST ${R}/:id/declines`,
    request: async (ctx) => {
      const s = await staged(ctx, "open");
      return { path: `${R}/${s.request.id}/declines`, body: { settingId: s.settingId, reason: "no_vacancy" } };
    },
    expect: providerOnly(200),
  },
  {
    route: `POST ${R}/:id/clarifications`,
    request: async (ctx) => ({ path: `${R}/${(await staged(ctx, "open")).request.id}/clarifications`, body: { question: "Is transport included?" } }),
    expect: providerOnly(201),
  },
  {
    route: `PUT ${R}/:id/clarifications/:clarificationId/answer`,
    request: async (ctx) => {
      const s = await staged(ctx, "open", { withClarification: true });
      return { path: `${R}/${s.request.id}/clarifications/${s.clarificationId}/answer`, body: { answer: "No: the council arranges it.", visibility: "all" } };
    },
    expect: councilOnly(200),
  },
  {
    route: `PUT ${R}/:id/scores`,
    request: async (ctx) => {
      const s = await staged(ctx, "closed");
      return { path: `${R}/${s.request.id}/scores`, body: { scores: s.request.criteria.map((c) => ({ offerId: s.offerId, criterionId: c.id, score: 3 })) } };
    },
    expect: councilOnly(200),
  },
  { route: `POST ${R}/:id/evaluate`, request: async (ctx) => ({ path: `${R}/${(await staged(ctx, "scored")).request.id}/evaluate` }), expect: councilOnly(200) },
  {
    route: `POST ${R}/:id/price-round`,
    request: async (ctx) => ({ path: `${R}/${(await staged(ctx, "evaluated", { mode: "ranked" })).request.id}/price-round`, body: { closesAt: inSeconds(3600) } }),
    expect: councilOnly(200),
  },
  {
    route: `POST ${R}/:id/award`,
    request: async (ctx) => {
      const s = await staged(ctx, "evaluated");
      return { path: `${R}/${s.request.id}/award`, body: { offerId: s.offerId, reasons: "Meets section F in full." } };
    },
    expect: councilOnly(200),
  },
  { route: "GET /api/v1/placements/:id", request: async (ctx) => ({ path: `/api/v1/placements/${(await staged(ctx, "awarded")).placementId}` }), expect: takingPart(200) },
  {
    route: "POST /api/v1/placements/:id/end",
    request: async (ctx) => {
      const s = await staged(ctx, "awarded");
      return { path: `/api/v1/placements/${s.placementId}/end`, body: { endDate: "2099-07-31", reason: "planned_end" } };
    },
    expect: councilOnly(200),
  },
  { route: "GET /api/v1/open-data/ocds", request: async () => ({ path: "/api/v1/open-data/ocds" }), expect: everyone(200) },
];
