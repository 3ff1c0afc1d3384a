import { sql } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import { type OfferReceipt, type OfferSubmitInput, weeklyFee } from "@shared/schemas/placement-requests";
import { offerRuleIssues } from "@shared/tenders/offer-rules";
import type { Db, Tx } from "../../../db/client";
import { once } from "../../../db/idempotency";
import { rowsOf } from "../../../db/rows";
import { offers, offerVersions, type PlacementRequestRow, requestInvitations } from "../../../db/schema";
import { conflict, validationFailed } from "../../../http/app-error";
import { queueLive } from "../../../realtime/live-outbox";
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

/**
 * The offer (or its next version: one offer per setting, offers' unique key), the version and the
 * invitation marked offered, in one statement. Three statements took three round trips while the
 * request's row was locked, and offers on one request wait for that lock in turn.
 */
async function storeOffer(tx: Tx, actor: SubmitOfferProps["actor"], requestId: string, input: OfferSubmitInput) {
  const { corePence, staffingPence, therapiesPence, otherPence } = input.fee;
  const [row] = await rowsOf<{ offer_id: string; version: number; submitted_at: Date | string }>(
    tx,
    sql`WITH offer AS (
          INSERT INTO ${offers} (request_id, setting_id, organisation_id) VALUES (${requestId}, ${input.settingId}, ${actor.organisationId})
          ON CONFLICT (request_id, setting_id) DO UPDATE SET current_version = ${offers}.current_version + 1, status = 'active', updated_at = clock_timestamp()
          RETURNING id, current_version),
        invited AS (
          UPDATE ${requestInvitations} SET status = 'offered' WHERE request_id = ${requestId} AND setting_id = ${input.settingId})
        INSERT INTO ${offerVersions} (offer_id, version, core_pence, staffing_pence, therapies_pence, other_pence, start_date,
          criteria_responses, notes, justification, submitted_by, submitted_at)
        SELECT id, current_version, ${corePence}::int, ${staffingPence}::int, ${therapiesPence}::int, ${otherPence}::int, ${input.startDate}::date,
          ${JSON.stringify(input.criteria)}::jsonb, ${input.notes}, ${input.justification?.trim() || null}, ${actor.userId}, clock_timestamp()
        FROM offer
        RETURNING offer_id, version, submitted_at`,
  );
  if (!row) throw new Error("offer write returned nothing");
  // node-postgres answers a Date, PGlite may answer the text.
  return { offerId: row.offer_id, version: row.version, submittedAt: new Date(row.submitted_at) };
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

      const { offerId, version, submittedAt } = await storeOffer(tx, actor, requestId, input);
      await recordAudit(tx, {
        action: version === 1 ? "offer.submit" : "offer.revise",
        recordType: "offer",
        recordId: offerId,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { requestId, version },
      });
      const receipt: OfferReceipt = {
        offerId,
        requestId,
        settingId: input.settingId,
        version,
        weeklyFeePence: weeklyFee(input.fee),
        serverTime: submittedAt.toISOString(),
      };
      await queueLive(tx, "request:receipt", { organisationId: actor.organisationId, receipt });
      await queueLive(tx, "request:response", { requestId, settingId: input.settingId, providerId: actor.organisationId });
      return { status: version === 1 ? 201 : 200, body: { data: receipt } };
    },
  });
}
