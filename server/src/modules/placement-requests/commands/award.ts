import { and, eq, sql } from "drizzle-orm";
import { isBreakdown, type PlacementEndReason, REQUEST_STATE_LABELS } from "@shared/codes/tenders";
import { DomainErrorCode } from "@shared/errors";
import { standstillEndInWords } from "@shared/tenders/standstill";
import type { Db, Tx } from "../../../db/client";
import { isoDate } from "../../../db/dates";
import { rowsOf } from "../../../db/rows";
import { type AwardRow, awards, type OfferRow, offers, offerVersions, type PlacementRequestRow, type PlacementRow, placements } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { tellOutcome } from "../../notifications/tenders";
import { moveRequest } from "./move-request";

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Review points of an Individual Placement Agreement: six weeks in (settling), then six months
 * and a year (the EHC plan's annual review cycle).
 */
export const reviewDatesFrom = (start: string) => [addDays(start, 42), addDays(start, 182), addDays(start, 365)];

/**
 * Confirms an intention to award inside the caller's transaction: the request becomes awarded,
 * the award confirmed, and the placement (an Individual Placement Agreement) is created at the
 * intended offer's fee and start date. Only from here does the award reach open data (OCDS reads
 * awarded requests with a placement). Every provider that offered is told the outcome.
 */
export async function confirmInTransaction(
  tx: Tx,
  {
    request,
    award,
    actor,
    ip,
    offer: intended,
  }: {
    request: PlacementRequestRow;
    award: AwardRow;
    actor: Actor;
    ip?: string | undefined;
    /** The awarded offer, where the caller has just read it (an award with no standstill). */
    offer?: OfferRow | undefined;
  },
): Promise<{ request: PlacementRequestRow; placement: PlacementRow }> {
  const [offer] = intended ? [intended] : await tx.select().from(offers).where(eq(offers.id, award.offerId));
  const [version] = await tx
    .select()
    .from(offerVersions)
    .where(and(eq(offerVersions.offerId, award.offerId), eq(offerVersions.version, award.offerVersion)));
  if (!offer || !version) throw new Error(`award of ${request.id} has no offer version`);
  const moved = await moveRequest({
    tx,
    request,
    to: "awarded",
    set: { awardedAt: sql`clock_timestamp()` },
    actor,
    ip,
    details: { offerId: offer.id },
    tell: ["request:awarded"],
  });
  await tx
    .update(awards)
    .set({ confirmedAt: sql`clock_timestamp()`, confirmedBy: actor.userId })
    .where(eq(awards.requestId, request.id));
  const start = isoDate(version.startDate);
  const [placement] = await tx
    .insert(placements)
    .values({
      requestId: request.id,
      childId: request.childId,
      councilId: request.organisationId,
      settingId: offer.settingId,
      providerId: offer.organisationId,
      weeklyFeePence: version.weeklyFeePence ?? 0,
      startDate: start,
      reviewDates: reviewDatesFrom(start),
    })
    .returning();
  if (!placement) throw new Error("placement insert returned nothing");
  await recordAudit(tx, {
    action: "placement.create",
    recordType: "placement",
    recordId: placement.id,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    ip,
    details: { requestId: request.id, offerId: offer.id },
  });
  await tellOutcome(tx, moved, offer.organisationId);
  return { request: moved, placement };
}

/**
 * Confirms the intention to award once its standstill has ended (the database's clock decides):
 * before then a 409 says when it ends, in words.
 */
export async function confirmAward({
  db,
  actor,
  request,
  ip,
}: {
  db: Db;
  actor: Actor;
  request: PlacementRequestRow;
  ip?: string | undefined;
}): Promise<{ request: PlacementRequestRow; placement: PlacementRow }> {
  if (request.state !== "standstill") {
    throw conflict(
      `The request is ${REQUEST_STATE_LABELS[request.state].toLowerCase()}: only an intention to award can be confirmed.`,
      DomainErrorCode.WrongState,
    );
  }
  return db.transaction(async (tx) => {
    const [row] = await rowsOf<{ ended: boolean }>(
      tx,
      sql`SELECT clock_timestamp() >= standstill_ends_at AS ended FROM awards WHERE request_id = ${request.id} FOR UPDATE`,
    );
    const [award] = await tx.select().from(awards).where(eq(awards.requestId, request.id));
    if (!row || !award) throw conflict("The intention to award was withdrawn meanwhile. Reload the request.", DomainErrorCode.ChangedMeanwhile);
    if (!row.ended) {
      throw conflict(
        `The standstill period ends at ${standstillEndInWords(award.standstillEndsAt)}. You can confirm the award after that.`,
        DomainErrorCode.StandstillRunning,
      );
    }
    return confirmInTransaction(tx, { request, award, actor, ip });
  });
}

/** Ends a placement, planned or a breakdown (breakdowns feed the high-risk insights). */
export async function endPlacement({
  db,
  actor,
  placement,
  endDate,
  reason,
  ip,
}: {
  db: Db;
  actor: Actor;
  placement: PlacementRow;
  endDate: string;
  reason: PlacementEndReason;
  ip?: string | undefined;
}) {
  if (placement.endDate) throw conflict(`This placement already ended on ${isoDate(placement.endDate)}.`, DomainErrorCode.AlreadyDecided);
  if (endDate < isoDate(placement.startDate)) throw validationFailed([{ path: "body.endDate", message: "The end date cannot be before the start date" }]);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(placements)
      .set({ endDate, endReason: reason, breakdown: isBreakdown(reason), updatedAt: sql`clock_timestamp()` })
      .where(eq(placements.id, placement.id))
      .returning();
    await recordAudit(tx, {
      action: "placement.end",
      recordType: "placement",
      recordId: placement.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { reason, breakdown: isBreakdown(reason) },
    });
    return row;
  });
}
