import { and, eq, sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import { type OfferReceipt, type OfferSubmitInput, weeklyFee } from "@shared/schemas/placement-requests";
import { offerRuleIssues } from "@shared/tenders/offer-rules";
import type { Db, Tx } from "../../../db/client";
import { once } from "../../../db/idempotency";
import { offers, offerVersions, type PlacementRequestRow, requestInvitations } from "../../../db/schema";
import { conflict, notFound, validationFailed } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { lockOpenRequest } from "./lock-open-request";
import { ownInvitation } from "./own-response";

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
  return once<{ data: OfferReceipt }>({
    db,
    userId: actor.userId,
    key: idempotencyKey,
    scope: `offer:${requestId}:${input.settingId}`,
    work: async (tx: Tx) => {
      await ownInvitation(tx, actor, requestId, input.settingId);
      const { request, today } = await lockOpenRequest(tx, actor, requestId, ["open"]);
      const [invitation] = await tx
        .select()
        .from(requestInvitations)
        .where(
          and(
            eq(requestInvitations.requestId, requestId),
            eq(requestInvitations.settingId, input.settingId),
            eq(requestInvitations.organisationId, actor.organisationId),
          ),
        );
      if (!invitation) throw notFound("Your invitation for that setting");
      if (invitation.status === "declined")
        throw conflict("You declined this request for that setting, so it cannot take an offer from it.", DomainErrorCode.InvitationDeclined);
      const issues = checkOffer(request, input, today);
      // Only a missing justification has a rule of its own to name; other problems are per field.
      if (issues.length > 0)
        throw validationFailed(issues, issues.every((i) => i.path === "body.justification") ? DomainErrorCode.JustificationRequired : undefined);

      const [existing] = await tx
        .select()
        .from(offers)
        .where(and(eq(offers.requestId, requestId), eq(offers.settingId, input.settingId)))
        .for("update");
      const version = existing ? existing.currentVersion + 1 : 1;
      const [offer] = existing
        ? await tx
            .update(offers)
            .set({ currentVersion: version, status: "active", updatedAt: sql`clock_timestamp()` })
            .where(eq(offers.id, existing.id))
            .returning()
        : await tx.insert(offers).values({ requestId, settingId: input.settingId, organisationId: actor.organisationId }).returning();
      if (!offer) throw new Error("offer write returned nothing");
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
      return { status: version === 1 ? 201 : 200, body: { data: receipt } };
    },
  });
}
