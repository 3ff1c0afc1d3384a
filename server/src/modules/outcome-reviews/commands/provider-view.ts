import { eq } from "drizzle-orm";
import { DomainErrorCode } from "@shared/errors";
import type { ProviderViewDecisionInput, ProviderViewInput } from "@shared/schemas/outcome-reviews";
import type { Db } from "../../../db/client";
import { providerReviewViews } from "../../../db/schema";
import { conflict, notFound } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { personalDataIssues, refuseIf, unknownOutcomeIssues } from "../checks";
import { isViewOpen } from "../policy";
import { currentOutcomeIds, loadReview, type ReviewPlacement, type ReviewWithView } from "../queries";

export interface SaveProviderViewProps {
  db: Db;
  actor: Actor & { organisationId: string };
  /** The placement, seen by its provider (givesProviderView). */
  placement: ReviewPlacement;
  reviewId: string;
  input: ProviderViewInput;
  ip?: string | undefined;
}

/** The provider's own view of a submitted review, replaced as often as it likes until the council decides on it. */
export async function saveProviderView({ db, actor, placement, reviewId, input, ip }: SaveProviderViewProps): Promise<ReviewWithView> {
  return db.transaction(async (tx) => {
    // The review's row is the lock: a view and the council's decision on it take turns.
    const { review, view } = await loadReview(tx, placement, reviewId, { forUpdate: true });
    if (view && !isViewOpen(view))
      throw conflict(`The council has already ${view.decision} your view of this review, so it cannot be changed.`, DomainErrorCode.AlreadyDecided);
    const outcomeIds = [...new Set([...review.scores.map((s) => s.outcomeId), ...(await currentOutcomeIds(tx, placement.placement.childId))])];
    refuseIf([...personalDataIssues([["body.notes", input.notes]]), ...unknownOutcomeIssues(input.scores, outcomeIds)]);
    const values = { ...input, incidents: input.incidents ?? {}, providerId: actor.organisationId, submittedBy: actor.userId, submittedAt: new Date() };
    const [saved] = await tx
      .insert(providerReviewViews)
      .values({ reviewId: review.id, ...values })
      .onConflictDoUpdate({ target: providerReviewViews.reviewId, set: values })
      .returning();
    if (!saved) throw new Error("provider view upsert returned nothing");
    await recordAudit(tx, {
      action: view ? "provider_review_view.replace" : "provider_review_view.submit",
      recordType: "outcome_review",
      recordId: review.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { placementId: placement.placement.id },
    });
    return { review, view: saved };
  });
}

export interface DecideProviderViewProps {
  db: Db;
  actor: Actor;
  /** The placement, seen by its council (recordsReviews). */
  placement: ReviewPlacement;
  reviewId: string;
  input: ProviderViewDecisionInput;
  ip?: string | undefined;
}

/** The council accepts the provider's view, or annotates it with its own note; once, for good. */
export async function decideProviderView({ db, actor, placement, reviewId, input, ip }: DecideProviderViewProps): Promise<ReviewWithView> {
  return db.transaction(async (tx) => {
    const { review, view } = await loadReview(tx, placement, reviewId, { forUpdate: true });
    if (!view) throw notFound("The provider's view of this review");
    if (!isViewOpen(view)) throw conflict(`The provider's view was already ${view.decision}. Each view is decided once.`, DomainErrorCode.AlreadyDecided);
    const annotation = input.decision === "annotated" ? input.annotation : null;
    refuseIf(personalDataIssues([["body.annotation", annotation]]));
    const [decided] = await tx
      .update(providerReviewViews)
      .set({ decision: input.decision, annotation, decidedBy: actor.userId, decidedAt: new Date() })
      .where(eq(providerReviewViews.reviewId, review.id))
      .returning();
    if (!decided) throw new Error("provider view decision returned nothing");
    await recordAudit(tx, {
      action: "provider_review_view.decide",
      recordType: "outcome_review",
      recordId: review.id,
      actorUserId: actor.userId,
      actorOrganisationId: actor.organisationId,
      ip,
      details: { placementId: placement.placement.id, decision: input.decision },
    });
    return { review, view: decided };
  });
}
