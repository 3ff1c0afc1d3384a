import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { type Fee, type OfferReceipt, weeklyFee } from "@shared/schemas/placement-requests";
import { justificationIssues } from "@shared/tenders/offer-rules";
import type { Db } from "../../../db/client";
import { once } from "../../../db/idempotency";
import { offers, offerVersions } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { lockOpenRequest } from "./lock-open-request";
import { ownOffer } from "./own-response";

/** Ranked mode's price round: a new version of the offer with a lower weekly fee, the rest unchanged. */
export async function revisePrice(props: {
  db: Db;
  actor: Actor & { organisationId: string };
  requestId: string;
  offerId: string;
  fee: Fee;
  justification?: string | undefined;
  idempotencyKey?: string | undefined;
  ip?: string | undefined;
}) {
  const { db, actor, requestId, offerId, fee, idempotencyKey, ip } = props;
  return once<{ data: OfferReceipt }>({
    db,
    userId: actor.userId,
    key: idempotencyKey,
    scope: `price:${offerId}`,
    work: async (tx) => {
      await ownOffer(tx, actor, requestId, offerId);
      const { request } = await lockOpenRequest(tx, actor, requestId, ["price_round"]);
      const [offer] = await tx
        .select()
        .from(offers)
        .where(and(eq(offers.id, offerId), eq(offers.organisationId, actor.organisationId), eq(offers.status, "active")))
        .for("update");
      if (!offer) throw conflict("Your offer was withdrawn, so its price cannot change.", DomainErrorCode.OfferWithdrawn);
      const [current] = await tx
        .select()
        .from(offerVersions)
        .where(and(eq(offerVersions.offerId, offerId), eq(offerVersions.version, offer.currentVersion)));
      if (!current) throw new Error(`offer ${offerId} has no current version`);
      const before = current.weeklyFeePence ?? 0;
      if (weeklyFee(fee) >= before)
        throw validationFailed(
          [{ path: "body.fee", message: `In the price round a revision must lower the weekly fee below £${(before / 100).toFixed(2)}` }],
          DomainErrorCode.PriceNotLower,
        );
      const unjustified = justificationIssues(weeklyFee(fee), request.bandCeilingPence, props.justification ?? current.justification);
      if (unjustified.length > 0)
        throw validationFailed(
          unjustified.map((i) => ({ path: `body.${i.field}`, message: i.message })),
          DomainErrorCode.JustificationRequired,
        );
      const version = offer.currentVersion + 1;
      const [stored] = await tx
        .insert(offerVersions)
        .values({
          offerId,
          startDate: current.startDate,
          criteriaResponses: current.criteriaResponses,
          notes: current.notes,
          ...fee,
          version,
          justification: props.justification ?? current.justification,
          submittedBy: actor.userId,
          submittedAt: sql`clock_timestamp()`,
        })
        .returning();
      if (!stored) throw new Error("price revision returned nothing");
      await tx
        .update(offers)
        .set({ currentVersion: version, updatedAt: sql`clock_timestamp()` })
        .where(eq(offers.id, offerId));
      await recordAudit(tx, {
        action: "offer.price_revise",
        recordType: "offer",
        recordId: offerId,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { requestId, version },
      });
      const receipt = { offerId, requestId, settingId: offer.settingId, version, weeklyFeePence: weeklyFee(fee), serverTime: stored.submittedAt.toISOString() };
      await queueLive(tx, "request:receipt", { organisationId: actor.organisationId, receipt });
      await queueLive(tx, "request:ranks", { requestId });
      return { status: 200, body: { data: receipt } };
    },
  });
}
