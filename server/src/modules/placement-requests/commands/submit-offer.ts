import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import { type OfferReceipt, type OfferSubmitInput, weeklyFee } from "@shared/schemas/placement-requests";
import { offerRuleIssues } from "@shared/tenders/offer-rules";
import type { Db, Tx } from "../../../db/client";
import { once } from "../../../db/idempotency";
import { offers, offerVersions, type PlacementRequestRow, requestInvitations } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { lockRequestAsProvider, refuseClosed } from "./lock-open-request";
import { ownInvitationNow } from "./own-response";

function checkOffer(request: PlacementRequestRow, input: OfferSubmitInput, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = offerRuleIssues({
    criteria: request.criteria,
    answers: input.criteria,
    weeklyFeePence: weeklyFee(input.fee),
    ceilingPence: request.bandCeilingPence,
    justification: input.justification,
  }).map((i) => ({ path: `body.${i.field}`, message: i.message }));
  if (input.startDate < today) issues.push({ path: "body.startDate", message: `The start date cannot be in the past (today is ${today})` });
  return issues;
}

export interface SubmitOfferProps {
  db: Db;
  actor: Actor & { organisationId: string };
  requestId: string;
  input: OfferSubmitInput;
  idempotencyKey?: string | undefined;
  ip?: string | undefined;
}

/**
 * Stores an offer, or a new version of the provider's offer, if the request is still open by
 * the database's clock. Acknowledged only after commit; a retry with the same Idempotency-Key
 * gets the first receipt back, never a second version.
 */
export async function submitOffer({ db, actor, requestId, input, idempotencyKey, ip }: SubmitOfferProps) {
  // The request as locked, for the route to publish from (an offer does not change it): no read after the commit.
  let request: PlacementRequestRow | undefined;
  const result = await once<{ data: OfferReceipt }>({
    db,
    userId: actor.userId,
    key: idempotencyKey,
    scope: `offer:${requestId}:${input.settingId}`,
    work: async (tx: Tx) => {
      // Provider (403), then its own invitation (404) whatever state the request is in, then open (409).
      const locked = await lockRequestAsProvider(tx, actor, requestId);
      const invitation = await ownInvitationNow(tx, actor, requestId, input.settingId);
      refuseClosed(locked, ["open"], invitation.now);
      if (invitation.status === "declined")
        throw conflict("You declined this request for that setting, so it cannot take an offer from it.", DomainErrorCode.InvitationDeclined);
      const issues = checkOffer(locked, input, invitation.today);
      // Only a missing justification has a rule of its own to name; other problems are per field.
      if (issues.length > 0)
        throw validationFailed(issues, issues.every((i) => i.path === "body.justification") ? DomainErrorCode.JustificationRequired : undefined);

      // The offer, or its next version, in one statement (one offer per setting: offers' unique key).
      const [offer] = await tx
        .insert(offers)
        .values({ requestId, settingId: input.settingId, organisationId: actor.organisationId })
        .onConflictDoUpdate({
          target: [offers.requestId, offers.settingId],
          set: { currentVersion: sql`${offers.currentVersion} + 1`, status: "active", updatedAt: sql`clock_timestamp()` },
        })
        .returning();
      if (!offer) throw new Error("offer write returned nothing");
      const version = offer.currentVersion;
      const [stored] = await tx
        .insert(offerVersions)
        .values({
          offerId: offer.id,
          version,
          ...input.fee,
          startDate: input.startDate,
          criteriaResponses: input.criteria,
          notes: input.notes,
          justification: input.justification?.trim() || null,
          submittedBy: actor.userId,
          submittedAt: sql`clock_timestamp()`,
        })
        .returning();
      if (!stored) throw new Error("offer version insert returned nothing");
      await tx
        .update(requestInvitations)
        .set({ status: "offered" })
        .where(and(eq(requestInvitations.requestId, requestId), eq(requestInvitations.settingId, input.settingId)));
      await recordAudit(tx, {
        action: version === 1 ? "offer.submit" : "offer.revise",
        recordType: "offer",
        recordId: offer.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { requestId, version },
      });
      const receipt: OfferReceipt = {
        offerId: offer.id,
        requestId,
        settingId: input.settingId,
        version,
        weeklyFeePence: weeklyFee(input.fee),
        serverTime: stored.submittedAt.toISOString(),
      };
      request = locked;
      return { status: version === 1 ? 201 : 200, body: { data: receipt } };
    },
  });
  return { ...result, request };
}
