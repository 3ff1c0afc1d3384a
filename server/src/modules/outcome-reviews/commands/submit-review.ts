import { eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import { missingForSubmit } from "@shared/schemas/outcome-reviews";
import type { Db } from "../../../db/client";
import { type OutcomeReviewRow, outcomeReviews } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { refuseIf } from "../checks";
import { isEditable } from "../policy";
import { presentReview } from "../present";
import { currentOutcomeIds, loadReview, type ReviewPlacement } from "../queries";

export interface SubmitReviewProps {
  db: Db;
  actor: Actor;
  /** The placement, seen by its council (recordsReviews). */
  placement: ReviewPlacement;
  reviewId: string;
  ip?: string | undefined;
}

/** Submits a complete draft: from now on it is the council's record, the provider sees it, and it counts in the distance travelled. */
export async function submitReview({ db, actor, placement, reviewId, ip }: SubmitReviewProps): Promise<OutcomeReviewRow> {
  return db.transaction(async (tx) => {
    const { review } = await loadReview(tx, placement, reviewId, { forUpdate: true });
    if (!isEditable(review)) throw conflict("This review is already submitted. Submitted reviews cannot be changed.", DomainErrorCode.AlreadyDecided);
    const missing = missingForSubmit(presentReview({ review, view: null }), {
      currentOutcomeIds: await currentOutcomeIds(tx, placement.placement.childId),
      lotNumber: placement.lotNumber,
    });
    refuseIf(missing.map(([field, message]) => ({ path: `review.${field}`, message })));
    const now = new Date();
    const [row] = await tx
      .update(outcomeReviews)
      .set({ status: "submitted", submittedAt: now, submittedBy: actor.userId, updatedAt: now })
      .where(eq(outcomeReviews.id, review.id))
      .returning();
    if (!row) throw new Error("review submit returned nothing");
    await recordAudit(tx, {
      action: "outcome_review.submit",
      recordType: "outcome_review",
      recordId: row.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { placementId: placement.placement.id, kind: row.kind },
    });
    return row;
  });
}
