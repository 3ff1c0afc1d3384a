import { and, eq, sql } from "drizzle-orm";
import { isBreakdown, type PlacementEndReason } from "@shared/codes/tenders";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../../db/client";
import { isoDate } from "../../../db/dates";
import { awards, offers, offerVersions, type PlacementRequestRow, type PlacementRow, placements } from "../../../db/schema";
import { conflict, notFound, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { tellOutcome } from "../../notifications/tenders";
import { canAward } from "../policy";
import { moveRequest } from "./move-request";

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Review points of an Individual Placement Agreement: six weeks in (settling), then six months
 * and a year (the EHC plan's annual review cycle).
 */
export const reviewDatesFrom = (start: string) => [addDays(start, 42), addDays(start, 182), addDays(start, 365)];

/**
 * Awards the request to one active offer with reasons every provider is told, and creates the
 * placement at the offer's fee and start date. Sealed and ranked requests are awarded after
 * evaluation; an urgent one may be awarded as soon as an offer is in.
 */
export async function awardRequest({
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
}): Promise<{ request: PlacementRequestRow; placement: PlacementRow }> {
  if (!canAward(request)) {
    throw conflict(`The request is ${request.state}: score the offers and complete the evaluation before awarding.`, DomainErrorCode.WrongState);
  }
  return db.transaction(async (tx) => {
    const [offer] = await tx
      .select()
      .from(offers)
      .where(and(eq(offers.id, offerId), eq(offers.requestId, request.id)));
    if (!offer) throw notFound("The offer");
    if (offer.status !== "active")
      throw validationFailed([{ path: "body.offerId", message: "That offer was withdrawn; choose another" }], DomainErrorCode.OfferWithdrawn);
    const [version] = await tx
      .select()
      .from(offerVersions)
      .where(and(eq(offerVersions.offerId, offer.id), eq(offerVersions.version, offer.currentVersion)));
    if (!version) throw new Error(`offer ${offer.id} has no current version`);
    const moved = await moveRequest({
      tx,
      request,
      to: "awarded",
      set: {
        awardedAt: sql`clock_timestamp()`,
        ...(request.state === "open" ? { closedAt: sql`clock_timestamp()`, offersOpenedAt: sql`clock_timestamp()` } : {}),
      },
      actor,
      ip,
      details: { offerId },
    });
    await tx.insert(awards).values({ requestId: request.id, offerId: offer.id, offerVersion: version.version, reasons, awardedBy: actor.userId });
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
      details: { requestId: request.id, offerId },
    });
    await tellOutcome(tx, moved, offer.organisationId);
    return { request: moved, placement };
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
