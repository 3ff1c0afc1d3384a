import { eq, sql } from "drizzle-orm";
import { LOTS } from "@shared/codes/lots";
import type { RequestMode } from "@shared/codes/tenders";
import type { ChildProfileCreateInput } from "@shared/schemas/children";
import { OfferSubmitSchema, RequestCreateSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../server/src/db/client";
import { rowsOf } from "../../server/src/db/rows";
import { type ChildProfileRow, type PlacementRequestRow, placementRequests } from "../../server/src/db/schema";
import { type Actor, loadActor } from "../../server/src/modules/identity/actor";
import { askClarification } from "../../server/src/modules/placement-requests/commands/clarify";
import { createRequest } from "../../server/src/modules/placement-requests/commands/create-request";
import { completeEvaluation, startPriceRound } from "../../server/src/modules/placement-requests/commands/evaluate";
import { intendToAward } from "../../server/src/modules/placement-requests/commands/intention";
import { submitOffer } from "../../server/src/modules/placement-requests/commands/submit-offer";
import { buildChild } from "./children";
import { admitProvider, buildSetting, frameworkOf } from "./directory";
import { evaluateAlone } from "./evaluation";
import { buildOrganisation } from "./organisations";
import { closeNow, inSeconds, offerBody } from "./placement-requests";
import { buildUser } from "./users";

/**
 * How far a request has gone: "scored" is closed with every offer scored, ready to evaluate;
 * "standstill" an intention to award in its standstill period (8 days unless given); "awarded"
 * is awarded with a standstill of 0 days (a reason recorded), so the placement exists at once.
 */
export type RequestStage = "draft" | "open" | "closed" | "scored" | "evaluated" | "price_round" | "standstill" | "awarded";
const ORDER: RequestStage[] = ["draft", "open", "closed", "scored", "evaluated", "price_round", "standstill", "awarded"];

export interface StageOptions {
  regionId: string;
  /** The council running the request (a new one of the region if not given). */
  councilId?: string;
  /** The provider organisation whose new setting is invited (a new one if not given). */
  providerOrganisationId?: string;
  mode?: RequestMode;
  lotNumber?: number;
  /** Put an offer in while open (always, from "closed" on). */
  withOffer?: boolean;
  /** Have the provider ask a question while open. */
  withClarification?: boolean;
  /** Calendar days of standstill (8 by default; 0 for "awarded", with a reason). */
  standstillDays?: number;
  /** The council's commissioner who evaluates and moderates from "scored" on (the request's commissioner if not given). */
  evaluatorUserId?: string;
  /** Extra profile fields of the child (a reference or section F to look for). */
  child?: Partial<ChildProfileCreateInput>;
}

export interface StagedRequest {
  request: PlacementRequestRow;
  child: ChildProfileRow;
  commissioner: Actor;
  provider: Actor & { organisationId: string };
  settingId: string;
  offerId: string | null;
  clarificationId: string | null;
  placementId: string | null;
}

async function actorOf(db: Db, userId: string) {
  const actor = await loadActor(db, userId, "token");
  if (!actor?.organisationId) throw new Error(`no actor for ${userId}`);
  return { ...actor, organisationId: actor.organisationId };
}

/** Admits the organisation to the lot unless it already is (admission is once per lot). */
async function ensureAdmitted(db: Db, organisationId: string, regionId: string, lot: number) {
  const framework = await frameworkOf(db, regionId);
  const [admitted] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT id FROM lot_admissions WHERE organisation_id = ${organisationId} AND lot_id = ${framework.lots.get(lot)}`,
  );
  if (!admitted) await admitProvider(db, { organisationId, regionId, lots: [lot] });
}

/** Moves an intention to award's standstill end into the past, as if the days had gone by. */
export async function endStandstill(db: Db, requestId: string) {
  await db.execute(sql`UPDATE awards SET standstill_ends_at = clock_timestamp() - interval '1 second' WHERE request_id = ${requestId}`);
}

const reload = async (db: Db, id: string) => (await db.select().from(placementRequests).where(eq(placementRequests.id, id)))[0]!;

/**
 * A placement request of one council, inviting one setting of one provider, taken through the
 * real commands to `stage`: what a test needs to act on a request at that point of its life.
 */
export async function buildRequestAt(db: Db, stage: RequestStage, options: StageOptions): Promise<StagedRequest> {
  const reached = (s: RequestStage) => ORDER.indexOf(stage) >= ORDER.indexOf(s);
  const { regionId } = options;
  const lot = options.lotNumber ?? 1;
  const mode = options.mode ?? (stage === "price_round" ? "ranked" : "sealed");
  const councilId = options.councilId ?? (await buildOrganisation(db, { kind: "council", regionId })).id;
  const providerId = options.providerOrganisationId ?? (await buildOrganisation(db, { kind: "provider", regionId })).id;
  await ensureAdmitted(db, providerId, regionId, lot);
  const residential = LOTS.find((l) => l.number === lot)?.residential ?? "day";
  const setting = await buildSetting(db, {
    organisationId: providerId,
    lotNumbers: [lot],
    residentialTypes: [residential],
  });
  const commissioner = await actorOf(db, (await buildUser(db, { role: "commissioner", organisationId: councilId })).user.id);
  const provider = await actorOf(db, (await buildUser(db, { role: "provider", organisationId: providerId })).user.id);
  const child = await buildChild(db, { organisationId: councilId, lotNumber: lot, ...options.child });

  const standstillDays = options.standstillDays ?? (stage === "awarded" ? 0 : 8);
  const input = RequestCreateSchema.parse({
    childId: child.id,
    settingIds: [setting.id],
    deadline: inSeconds(3600),
    mode,
    open: stage !== "draft",
    standstillDays,
    ...(standstillDays === 0 ? { standstillReason: "Urgent placement: the child needs a place this week." } : {}),
  });
  const request = await createRequest({ db, actor: { ...commissioner, regionId }, child, input });
  const staged: StagedRequest = { request, child, commissioner, provider, settingId: setting.id, offerId: null, clarificationId: null, placementId: null };
  if (options.withClarification)
    staged.clarificationId = (await askClarification({ db, actor: provider, requestId: request.id, question: "Is transport included?" })).row.id;
  if (options.withOffer || reached("closed")) {
    const offered = await submitOffer({ db, actor: provider, requestId: request.id, input: OfferSubmitSchema.parse(offerBody(setting.id)) });
    staged.offerId = offered.body.data.offerId;
  }
  if (reached("closed")) {
    await closeNow(db, request.id);
  }
  // One evaluator (the given commissioner, or the request's) declares, scores, moderates; the same one completes.
  const evaluator = options.evaluatorUserId ? await actorOf(db, options.evaluatorUserId) : commissioner;
  if (reached("scored")) await evaluateAlone(db, evaluator, await reload(db, request.id), [staged.offerId!], () => 4);
  if (reached("evaluated")) await completeEvaluation({ db, actor: evaluator, request: await reload(db, request.id) });
  if (stage === "price_round") await startPriceRound({ db, actor: commissioner, request: await reload(db, request.id), closesAt: inSeconds(3600) });
  if (stage === "standstill" || stage === "awarded") {
    const awarded = await intendToAward({
      db,
      actor: commissioner,
      request: await reload(db, request.id),
      offerId: staged.offerId!,
      reasons: "Meets section F in full.",
    });
    staged.placementId = awarded.placement?.id ?? null;
  }
  return { ...staged, request: await reload(db, request.id) };
}
