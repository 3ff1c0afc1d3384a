import { loadActor } from "../../server/src/modules/identity/actor";
import { declareConflict, saveScores } from "../../server/src/modules/placement-requests/commands/evaluate";
import { buildChild } from "../factories/children";
import { scoreGrid } from "../factories/evaluation";
import { buildOrganisation } from "../factories/organisations";
import { inSeconds, offerBody } from "../factories/placement-requests";
import { buildRequestAt, endStandstill, type RequestStage, type StagedRequest, type StageOptions } from "../factories/request-stages";
import { byRole, everyone, type Expected, type MatrixEntry } from "./matrix";
import { listedSettingIn } from "./matrix-feedback";

type Ctx = Parameters<MatrixEntry["request"]>[0];

/**
 * Who takes part in the request: for "own" a commissioner's own council runs it and a
 * provider's own setting is invited; for "other" another council or provider of the region.
 * Anyone else is shown a request of strangers.
 */
function partiesFor({ actor, orgId, scope }: Ctx): Partial<StageOptions> {
  // A commissioner of the council running the request is also its evaluator (and moderator).
  if (actor.role === "commissioner") return { councilId: orgId, ...(scope === "own" && actor.person ? { evaluatorUserId: actor.person.user.id } : {}) };
  if (actor.role === "provider") return { providerOrganisationId: orgId };
  return {};
}
const R = "/api/v1/placement-requests";

/** A request built for the actor at `stage`, then the path (and body) of the call made on it. */
const at =
  (stage: RequestStage, call: (s: StagedRequest) => { path: string; body?: unknown }, options: Partial<StageOptions> = {}) =>
  async (ctx: Ctx) =>
    call(await buildRequestAt(ctx.db, stage, { regionId: ctx.actor.regionId, ...partiesFor(ctx), ...options }));
const on = (s: StagedRequest, suffix = "") => `${R}/${s.request.id}${suffix}`;

/** A closed request the actor, if one of its council's commissioners, has declared no conflict on (and, if `scored`, scored in full). */
const asEvaluator =
  (call: (s: StagedRequest) => { path: string; body?: unknown }, scored = false) =>
  async (ctx: Ctx) => {
    const staged = await buildRequestAt(ctx.db, "closed", { regionId: ctx.actor.regionId, ...partiesFor(ctx) });
    const evaluator =
      ctx.actor.person && ctx.scope === "own" && ctx.actor.role === "commissioner" ? await loadActor(ctx.db, ctx.actor.person.user.id, "token") : undefined;
    if (evaluator) {
      await declareConflict({ db: ctx.db, actor: evaluator, request: staged.request, input: { conflict: "none" } });
      if (scored) await saveScores({ db: ctx.db, actor: evaluator, request: staged.request, scores: scoreGrid(staged.request, [staged.offerId!], () => 3) });
    }
    return call(staged);
  };

const ownOnly = (ok: number) => ({ own: ok, other: 404 });
/** Requests, offers and prices are the council's and the invited providers' alone: panels and the hub are told nothing exists. */
const takingPart = (ok: number) =>
  byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok), provider: ownOnly(ok), provider_admin: ownOnly(ok) }, 404);
/** The council's actions: an invited provider can see the request, so it is refused (403), not told it is absent. */
const councilOnly = (ok: number, provider: Expected = { own: 403, other: 404 }) =>
  byRole({ commissioner: ownOnly(ok), commissioner_admin: ownOnly(ok), provider, provider_admin: provider }, 404);
/** The invited provider's actions: the council running the request is refused (403). */
const providerOnly = (ok: number) =>
  byRole({ provider: ownOnly(ok), provider_admin: ownOnly(ok), commissioner: { own: 403, other: 404 }, commissioner_admin: { own: 403, other: 404 } }, 404);

export const PLACEMENT_REQUEST_MATRIX: MatrixEntry[] = [
  {
    route: `GET ${R}`,
    request: async () => ({ path: R }),
    expect: byRole({ commissioner: 200, commissioner_admin: 200, provider: 200, provider_admin: 200 }, 403),
  },
  {
    route: `POST ${R}`,
    request: async ({ db, actor, orgId }) => {
      const council = actor.role === "commissioner" ? orgId : (await buildOrganisation(db, { kind: "council", regionId: actor.regionId })).id;
      const child = await buildChild(db, { organisationId: council });
      return { path: R, body: { childId: child.id, settingIds: [await listedSettingIn(db, actor.regionId)], deadline: inSeconds(3600) } };
    },
    expect: byRole({ commissioner: 201, commissioner_admin: 201 }, 403),
  },
  { route: `GET ${R}/:id`, request: at("open", (s) => ({ path: on(s) })), expect: takingPart(200) },
  // A draft is the council's working paper: invited providers do not see it yet (404).
  { route: `POST ${R}/:id/open`, request: at("draft", (s) => ({ path: on(s, "/open") })), expect: councilOnly(200, 404) },
  {
    route: `POST ${R}/:id/cancel`,
    request: at("open", (s) => ({ path: on(s, "/cancel"), body: { reason: "The child's needs changed." } })),
    expect: councilOnly(200),
  },
  {
    route: `POST ${R}/:id/amendments`,
    request: at("open", (s) => ({ path: on(s, "/amendments"), body: { note: "The child enjoys swimming.", reason: "More about the child." } })),
    expect: councilOnly(200),
  },
  { route: `POST ${R}/:id/offers`, request: at("open", (s) => ({ path: on(s, "/offers"), body: offerBody(s.settingId) })), expect: providerOnly(201) },
  {
    route: `POST ${R}/:id/offers/:offerId/withdraw`,
    request: at("open", (s) => ({ path: on(s, `/offers/${s.offerId}/withdraw`) }), { withOffer: true }),
    expect: providerOnly(200),
  },
  {
    route: `PUT ${R}/:id/offers/:offerId/price`,
    request: at("price_round", (s) => ({
      path: on(s, `/offers/${s.offerId}/price`),
      body: { fee: { corePence: 100000, staffingPence: 0, therapiesPence: 0, otherPence: 0 } },
    })),
    expect: providerOnly(200),
  },
  {
    route: `POST ${R}/:id/declines`,
    request: at("open", (s) => ({ path: on(s, "/declines"), body: { settingId: s.settingId, reason: "no_vacancy" } })),
    expect: providerOnly(200),
  },
  {
    route: `POST ${R}/:id/clarifications`,
    request: at("open", (s) => ({ path: on(s, "/clarifications"), body: { question: "Is transport included?" } })),
    expect: providerOnly(201),
  },
  {
    route: `PUT ${R}/:id/clarifications/:clarificationId/answer`,
    request: at(
      "open",
      (s) => ({ path: on(s, `/clarifications/${s.clarificationId}/answer`), body: { answer: "No: the council arranges it.", visibility: "all" } }),
      { withClarification: true },
    ),
    expect: councilOnly(200),
  },
  {
    route: `PUT ${R}/:id/scores`,
    request: asEvaluator((s) => ({ path: on(s, "/scores"), body: { scores: scoreGrid(s.request, [s.offerId!], () => 3) } })),
    expect: councilOnly(200),
  },
  { route: `GET ${R}/:id/evaluation`, request: at("closed", (s) => ({ path: on(s, "/evaluation") })), expect: councilOnly(200) },
  {
    route: `PUT ${R}/:id/evaluation/declaration`,
    request: at("closed", (s) => ({ path: on(s, "/evaluation/declaration"), body: { conflict: "none" } })),
    expect: councilOnly(200),
  },
  { route: `POST ${R}/:id/evaluation/moderation`, request: asEvaluator((s) => ({ path: on(s, "/evaluation/moderation") }), true), expect: councilOnly(200) },
  {
    route: `PUT ${R}/:id/evaluation/moderation`,
    request: at("scored", (s) => ({
      path: on(s, "/evaluation/moderation"),
      body: { scores: scoreGrid(s.request, [s.offerId!], () => 5), note: "Agreed at the panel." },
    })),
    expect: councilOnly(200),
  },
  { route: `POST ${R}/:id/evaluate`, request: at("scored", (s) => ({ path: on(s, "/evaluate") })), expect: councilOnly(200) },
  { route: `GET ${R}/:id/evaluation-report.csv`, request: at("evaluated", (s) => ({ path: on(s, "/evaluation-report.csv") })), expect: councilOnly(200) },
  {
    route: `POST ${R}/:id/price-round`,
    request: at("evaluated", (s) => ({ path: on(s, "/price-round"), body: { closesAt: inSeconds(3600) } }), { mode: "ranked" }),
    expect: councilOnly(200),
  },
  {
    route: `POST ${R}/:id/award`,
    request: at("evaluated", (s) => ({ path: on(s, "/award"), body: { offerId: s.offerId, reasons: "Meets section F in full." } })),
    expect: councilOnly(200),
  },
  {
    route: `POST ${R}/:id/award/confirm`,
    request: async (ctx: Ctx) => {
      const staged = await buildRequestAt(ctx.db, "standstill", { regionId: ctx.actor.regionId, ...partiesFor(ctx) });
      await endStandstill(ctx.db, staged.request.id);
      return { path: on(staged, "/award/confirm") };
    },
    expect: councilOnly(200),
  },
  {
    route: `POST ${R}/:id/award/withdraw`,
    request: at("standstill", (s) => ({ path: on(s, "/award/withdraw"), body: { reason: "The start date no longer works." } })),
    expect: councilOnly(200),
  },
  { route: "GET /api/v1/placements/:id", request: at("awarded", (s) => ({ path: `/api/v1/placements/${s.placementId}` })), expect: takingPart(200) },
  {
    route: "POST /api/v1/placements/:id/end",
    request: at("awarded", (s) => ({ path: `/api/v1/placements/${s.placementId}/end`, body: { endDate: "2099-07-31", reason: "planned_end" } })),
    expect: councilOnly(200),
  },
  { route: "GET /api/v1/open-data/ocds", request: async () => ({ path: "/api/v1/open-data/ocds" }), expect: everyone(200) },
];
