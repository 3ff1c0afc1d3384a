import { and, eq, inArray, sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import type { Db } from "../../../db/client";
import { offers, offerScores, type PlacementRequestRow } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { canScore } from "../policy";
import { databaseNow } from "../queries";
import { moveRequest } from "./move-request";

/** Quality scores 0-5 per criterion per offer, after the request closed (and before an award). */
export async function saveScores({
  db,
  actor,
  request,
  scores,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  scores: { offerId: string; criterionId: string; score: number }[];
  ip?: string | undefined;
}) {
  if (!canScore(request)) {
    throw conflict(`Offers are scored once the request has closed; it is ${request.state}.`, DomainErrorCode.WrongState);
  }
  const active = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.requestId, request.id), eq(offers.status, "active")));
  const offerIds = new Set(active.map((o) => o.id));
  const criteria = new Set(request.criteria.map((c) => c.id));
  const issues: ValidationIssue[] = [];
  scores.forEach((s, i) => {
    if (!offerIds.has(s.offerId)) issues.push({ path: `body.scores.${i}.offerId`, message: "No active offer on this request has that id" });
    if (!criteria.has(s.criterionId)) issues.push({ path: `body.scores.${i}.criterionId`, message: "This request has no such criterion" });
  });
  if (issues.length > 0) throw validationFailed(issues);
  await db.transaction(async (tx) => {
    for (const s of scores) {
      await tx
        .insert(offerScores)
        .values({ ...s, scoredBy: actor.userId })
        .onConflictDoUpdate({
          target: [offerScores.offerId, offerScores.criterionId],
          set: { score: s.score, scoredBy: actor.userId, scoredAt: sql`clock_timestamp()` },
        });
    }
    await recordAudit(tx, {
      action: "offer.score",
      recordType: "placement_request",
      recordId: request.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { scores: scores.length },
    });
  });
}

/** Marks the request evaluated once every active offer has a score for every criterion. */
export async function completeEvaluation({ db, actor, request, ip }: { db: Db; actor: Actor; request: PlacementRequestRow; ip?: string | undefined }) {
  const active = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.requestId, request.id), eq(offers.status, "active")));
  const scored = active.length
    ? await db
        .select()
        .from(offerScores)
        .where(
          inArray(
            offerScores.offerId,
            active.map((o) => o.id),
          ),
        )
    : [];
  const missing = active.length * request.criteria.length - scored.filter((s) => request.criteria.some((c) => c.id === s.criterionId)).length;
  if (missing > 0)
    throw conflict(
      `${missing} score${missing === 1 ? " is" : "s are"} still missing: score every offer against every criterion first.`,
      DomainErrorCode.ScoresMissing,
    );
  return db.transaction((tx) => moveRequest({ tx, request, to: "evaluated", set: { evaluatedAt: sql`clock_timestamp()` }, actor, ip }));
}

/** Ranked mode: a price-only round after quality scoring; providers see their own rank live. */
export async function startPriceRound({
  db,
  actor,
  request,
  closesAt,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  closesAt: string;
  ip?: string | undefined;
}) {
  if (request.mode !== "ranked") throw conflict("Only ranked requests have a price round.", DomainErrorCode.WrongMode);
  const now = await databaseNow(db);
  if (Date.parse(closesAt) <= now.getTime())
    throw validationFailed([{ path: "body.closesAt", message: `The price round must close after the server's time now, ${now.toISOString()}` }]);
  return db.transaction((tx) => moveRequest({ tx, request, to: "price_round", set: { priceRoundClosesAt: new Date(closesAt) }, actor, ip }));
}
