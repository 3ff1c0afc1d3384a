import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { DeclineInput } from "@shared/schemas/placement-requests";
import type { Db } from "../../../db/client";
import { offers, requestInvitations } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { lockOpenRequest } from "./lock-open-request";
import { ownInvitation, ownOffer } from "./own-response";

type Provider = Actor & { organisationId: string };

/** A provider declines for one of its invited settings, with a reason code the council sees. */
export async function declineInvitation({
  db,
  actor,
  requestId,
  input,
  ip,
}: {
  db: Db;
  actor: Provider;
  requestId: string;
  input: DeclineInput;
  ip?: string | undefined;
}) {
  return db.transaction(async (tx) => {
    await ownInvitation(tx, actor, requestId, input.settingId);
    await lockOpenRequest(tx, actor, requestId, ["open"]);
    const [offer] = await tx
      .select()
      .from(offers)
      .where(
        and(
          eq(offers.requestId, requestId),
          eq(offers.settingId, input.settingId),
          eq(offers.organisationId, actor.organisationId),
          eq(offers.status, "active"),
        ),
      );
    if (offer) throw conflict("You have an offer in for that setting. Withdraw it first if you no longer want to offer.", DomainErrorCode.OfferActive);
    const [row] = await tx
      .update(requestInvitations)
      .set({ status: "declined", declinedAt: sql`clock_timestamp()`, declineReason: input.reason, declineNote: input.note ?? null })
      .where(
        and(
          eq(requestInvitations.requestId, requestId),
          eq(requestInvitations.settingId, input.settingId),
          eq(requestInvitations.organisationId, actor.organisationId),
        ),
      )
      .returning();
    if (!row) throw notFound("Your invitation for that setting");
    await recordAudit(tx, {
      action: "invitation.decline",
      recordType: "placement_request",
      recordId: requestId,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { settingId: input.settingId, reason: input.reason },
    });
    await queueLive(tx, "request:response", { requestId, settingId: input.settingId, providerId: actor.organisationId });
    return row;
  });
}

/** Withdraws an offer until the deadline; its versions stay on record. */
export async function withdrawOffer({
  db,
  actor,
  requestId,
  offerId,
  ip,
}: {
  db: Db;
  actor: Provider;
  requestId: string;
  offerId: string;
  ip?: string | undefined;
}) {
  return db.transaction(async (tx) => {
    await ownOffer(tx, actor, requestId, offerId);
    await lockOpenRequest(tx, actor, requestId, ["open"]);
    const [offer] = await tx
      .update(offers)
      .set({ status: "withdrawn", updatedAt: sql`clock_timestamp()` })
      .where(and(eq(offers.id, offerId), eq(offers.organisationId, actor.organisationId), eq(offers.status, "active")))
      .returning();
    if (!offer) throw conflict("Your offer is already withdrawn. Make a new offer if you want to offer again.", DomainErrorCode.OfferWithdrawn);
    await tx
      .update(requestInvitations)
      .set({ status: "withdrawn" })
      .where(and(eq(requestInvitations.requestId, requestId), eq(requestInvitations.settingId, offer.settingId)));
    await recordAudit(tx, {
      action: "offer.withdraw",
      recordType: "offer",
      recordId: offer.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { requestId },
    });
    await queueLive(tx, "request:response", { requestId, settingId: offer.settingId, providerId: actor.organisationId });
    return offer;
  });
}

/**
 * The first look by an invited provider: the council sees "viewed" and when, and the audit log
 * records that the child's anonymised summary was disclosed to that organisation, by whom.
 */
export async function markViewed(db: Db, requestId: string, actor: { userId: string; organisationId: string }, ip?: string | undefined): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(requestInvitations)
      .set({ status: "viewed", viewedAt: sql`clock_timestamp()` })
      .where(
        and(eq(requestInvitations.requestId, requestId), eq(requestInvitations.organisationId, actor.organisationId), eq(requestInvitations.status, "invited")),
      )
      .returning({ settingId: requestInvitations.settingId });
    if (rows.length > 0) {
      await recordAudit(tx, {
        action: "placement_request.summary_disclosed",
        recordType: "placement_request",
        recordId: requestId,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        reason: "An invited provider read the anonymised summary to decide whether to offer",
        details: { settingIds: rows.map((r) => r.settingId) },
      });
    }
    for (const { settingId } of rows) await queueLive(tx, "request:response", { requestId, settingId, providerId: actor.organisationId });
  });
}
