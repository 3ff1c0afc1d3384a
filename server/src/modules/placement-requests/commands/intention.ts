import { and, eq, sql } from "drizzle-orm";
import { REQUEST_STATE_LABELS } from "@shared/codes/tenders";
import { DomainErrorCode } from "@shared/errors";
import type { Db, DbOrTx } from "../../../db/client";
import { rowsOf } from "../../../db/rows";
import { awards, offers, organisations, type PlacementRequestRow, type PlacementRow } from "../../../db/schema";
import { conflict, notFound, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import type { OwnScores } from "../../notifications/messages/tenders";
import { tellIntention, tellIntentionWithdrawn } from "../../notifications/tenders";
import { canAward } from "../policy";
import { buildRequestView } from "../view";
import { confirmInTransaction } from "./award";
import { moveRequest } from "./move-request";

/**
 * When a standstill of `days` calendar days ends: midnight at the end of the day `days` days after
 * today, in London (so 8 days from a Thursday ends as the second Friday becomes Saturday). With 0
 * days it has already ended.
 */
async function standstillEndOf(tx: DbOrTx, days: number): Promise<Date> {
  const [row] = await rowsOf<{ ends: Date }>(
    tx,
    days === 0
      ? sql`SELECT clock_timestamp() AS ends`
      : sql`SELECT (((clock_timestamp() AT TIME ZONE 'Europe/London')::date + ${days}::int + 1)::timestamp AT TIME ZONE 'Europe/London') AS ends`,
  );
  if (!row) throw new Error("no clock");
  return new Date(row.ends);
}

/**
 * Each provider's own rows of the evaluation, never a rival's, from one reading of it (the
 * council's view): read once before the change takes the audit chain's lock, not once per
 * provider while every other audited write in the country waits on it.
 */
async function scoresByOrganisation(tx: DbOrTx, request: PlacementRequestRow): Promise<(organisationId: string) => OwnScores[]> {
  if (request.evaluatedAt === null) return () => [];
  const { invitations, offers: offered, evaluation } = await buildRequestView(tx, request, { kind: "commissioner" });
  const organisationOfSetting = new Map(invitations.map((i) => [i.settingId, i.organisationId]));
  const organisationOfOffer = new Map(offered.map((o) => [o.id, organisationOfSetting.get(o.settingId)]));
  const of = offered.filter((o) => o.status === "active").length;
  return (organisationId) =>
    evaluation
      .filter((e) => organisationOfOffer.get(e.offerId) === organisationId)
      .map((e) => ({ rank: e.rank, of, qualityScore: e.qualityScore, qualityWeight: request.qualityWeight }));
}

/**
 * The intention to award: one active offer with reasons. Every provider that offered is told its
 * own outcome and scores, and the award waits for the request's standstill period; with a
 * standstill of 0 days (recorded with its reason when the request was made) the award is
 * confirmed in the same transaction, so the placement exists at once. Sealed and ranked requests
 * are awarded after evaluation; an urgent one as soon as an offer is in.
 */
export async function intendToAward({
  db,
  actor,
  request,
  offerId,
  reasons,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  offerId: string;
  reasons: string;
  ip?: string | undefined;
}): Promise<{ request: PlacementRequestRow; placement: PlacementRow | null }> {
  if (!canAward(request)) {
    throw conflict(
      `The request is ${REQUEST_STATE_LABELS[request.state].toLowerCase()}: score the offers and complete the evaluation before awarding.`,
      DomainErrorCode.WrongState,
    );
  }
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.id, offerId), eq(offers.requestId, request.id)));
    if (!offer) throw notFound("The offer");
    if (offer.status !== "active")
      throw validationFailed([{ path: "body.offerId", message: "That offer was withdrawn; choose another" }], DomainErrorCode.OfferWithdrawn);
    const endsAt = await standstillEndOf(tx, request.standstillDays);
    const scoresOf = request.standstillDays === 0 ? () => [] : await scoresByOrganisation(tx, request);
    const moved = await moveRequest({
      tx,
      request,
      to: "standstill",
      set: request.state === "open" ? { closedAt: sql`clock_timestamp()`, offersOpenedAt: sql`clock_timestamp()` } : {},
      actor,
      ip,
      details: { offerId, standstillDays: request.standstillDays, standstillEndsAt: endsAt.toISOString() },
      // With no standstill the confirmation below tells, once.
      tell: request.standstillDays === 0 ? [] : ["request:awarded"],
    });
    const [award] = await tx
      .insert(awards)
      .values({ requestId: request.id, offerId: offer.id, offerVersion: offer.currentVersion, reasons, awardedBy: actor.userId, standstillEndsAt: endsAt })
      .returning();
    if (!award) throw new Error("award insert returned nothing");
    if (request.standstillDays === 0) return confirmInTransaction(tx, { request: moved, award, actor, ip, offer });
    const [winner] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, offer.organisationId));
    await tellIntention(
      tx,
      moved,
      {
        awardedOrganisationId: offer.organisationId,
        successfulProviderName: winner?.name ?? "another provider",
        standstillEndsAt: endsAt,
        madeAt: award.awardedAt,
      },
      async (organisationId) => scoresOf(organisationId),
    );
    return { request: moved, placement: null };
  });
}

/**
 * The council withdraws its intention to award, with a reason every provider that offered reads:
 * the request goes back to evaluated (closed, for an urgent request never evaluated), to be
 * awarded again. The intention's row is removed; the audit keeps what it was.
 */
export async function withdrawIntention({
  db,
  actor,
  request,
  reason,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  reason: string;
  ip?: string | undefined;
}): Promise<PlacementRequestRow> {
  if (request.state !== "standstill") {
    throw conflict(
      `The request is ${REQUEST_STATE_LABELS[request.state].toLowerCase()}: there is no intention to award to withdraw.`,
      DomainErrorCode.WrongState,
    );
  }
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(awards).where(eq(awards.requestId, request.id)).returning();
    if (!removed) throw conflict("The request changed while you were working on it. Reload it to see its current state.", DomainErrorCode.ChangedMeanwhile);
    const moved = await moveRequest({
      tx,
      request,
      to: request.evaluatedAt === null ? "closed" : "evaluated",
      set: { intentionWithdrawnAt: sql`clock_timestamp()`, intentionWithdrawnReason: reason, intentionWithdrawnBy: actor.userId },
      actor,
      ip,
      details: { withdrawnIntention: true, offerId: removed.offerId },
    });
    await recordAudit(tx, {
      action: "award.intention_withdrawn",
      recordType: "placement_request",
      recordId: request.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { offerId: removed.offerId, reasons: removed.reasons, intendedAt: removed.awardedAt.toISOString(), reason },
    });
    const [offer] = await tx.select({ organisationId: offers.organisationId }).from(offers).where(eq(offers.id, removed.offerId));
    if (offer) await tellIntentionWithdrawn(tx, moved, offer.organisationId, moved.intentionWithdrawnAt ?? new Date());
    return moved;
  });
}
