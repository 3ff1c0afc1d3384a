import { and, eq, ne } from "drizzle-orm";
import { DomainErrorCode, type ValidationIssue } from "@shared/errors";
import { formatDate } from "@shared/format-date";
import type { OutcomeReviewInput } from "@shared/schemas/outcome-reviews";
import type { Db, Tx } from "../../../db/client";
import { isUniqueViolation } from "../../../db/errors";
import { type OutcomeReviewRow, outcomeReviews } from "../../../db/schema";
import { conflict } from "../../../http/app-error";
import { recordAudit } from "../../audit/record-audit";
import type { Actor } from "../../identity/actor";
import { personalDataIssues, refuseIf, unknownOutcomeIssues } from "../checks";
import { isEditable } from "../policy";
import { currentOutcomeIds, loadReview, type ReviewPlacement } from "../queries";

const BASELINE_EXISTS = "This placement already has a baseline review. Open it and change it (while it is a draft), or record this one as a review.";

/** What the input cannot say alone: the outcomes are the child's, the date fits the placement and its baseline, one baseline. */
async function checkReview(tx: Tx, { placement }: ReviewPlacement, input: OutcomeReviewInput, reviewId: string | null) {
  const others = await tx
    .select({ kind: outcomeReviews.kind, reviewDate: outcomeReviews.reviewDate })
    .from(outcomeReviews)
    .where(and(eq(outcomeReviews.placementId, placement.id), reviewId ? ne(outcomeReviews.id, reviewId) : undefined));
  if (input.kind === "baseline" && others.some((r) => r.kind === "baseline")) throw conflict(BASELINE_EXISTS, DomainErrorCode.AlreadyExists);

  const issues: ValidationIssue[] = [
    ...personalDataIssues([["body.notes", input.notes]]),
    ...unknownOutcomeIssues(input.scores, await currentOutcomeIds(tx, placement.childId)),
  ];
  const baseline = others.find((r) => r.kind === "baseline");
  const earliestReview = others.filter((r) => r.kind === "review").sort((a, b) => a.reviewDate.localeCompare(b.reviewDate))[0];
  if (input.reviewDate < placement.startDate) {
    issues.push({ path: "body.reviewDate", message: `A review cannot be dated before the placement started on ${formatDate(placement.startDate)}` });
  } else if (input.kind === "review" && baseline && input.reviewDate < baseline.reviewDate) {
    issues.push({ path: "body.reviewDate", message: `A review cannot be dated before the baseline of ${formatDate(baseline.reviewDate)}` });
  } else if (input.kind === "baseline" && earliestReview && input.reviewDate > earliestReview.reviewDate) {
    issues.push({ path: "body.reviewDate", message: `The baseline cannot be dated after the review of ${formatDate(earliestReview.reviewDate)}` });
  }
  refuseIf(issues);
}

const valuesOf = (input: OutcomeReviewInput) => ({ ...input, incidents: input.incidents ?? {} });

/** The concurrent second baseline passes the check in its own transaction; the unique index refuses it. */
async function oneBaseline<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(BASELINE_EXISTS, DomainErrorCode.AlreadyExists);
    throw error;
  }
}

export interface CreateReviewProps {
  db: Db;
  actor: Actor & { organisationId: string };
  /** The placement, seen by its council (recordsReviews). */
  placement: ReviewPlacement;
  input: OutcomeReviewInput;
  ip?: string | undefined;
}

/** Starts a draft review of the placement. */
export async function createReview({ db, actor, placement, input, ip }: CreateReviewProps): Promise<OutcomeReviewRow> {
  return oneBaseline(() =>
    db.transaction(async (tx) => {
      await checkReview(tx, placement, input, null);
      const [row] = await tx
        .insert(outcomeReviews)
        .values({ ...valuesOf(input), placementId: placement.placement.id, councilId: actor.organisationId, createdBy: actor.userId })
        .returning();
      if (!row) throw new Error("review insert returned nothing");
      await recordAudit(tx, {
        action: "outcome_review.create",
        recordType: "outcome_review",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { placementId: placement.placement.id, kind: row.kind },
      });
      return row;
    }),
  );
}

export interface UpdateReviewProps extends CreateReviewProps {
  reviewId: string;
}

/** Replaces a draft's values; a submitted review is the council's record and stays as it was. */
export async function updateReview({ db, actor, placement, reviewId, input, ip }: UpdateReviewProps): Promise<OutcomeReviewRow> {
  return oneBaseline(() =>
    db.transaction(async (tx) => {
      const { review } = await loadReview(tx, placement, reviewId, { forUpdate: true });
      if (!isEditable(review)) throw conflict("Submitted reviews cannot be changed. Record a new review instead.", DomainErrorCode.AlreadyDecided);
      await checkReview(tx, placement, input, review.id);
      const values = valuesOf(input);
      const fields = (Object.keys(values) as (keyof typeof values)[]).filter((k) => JSON.stringify(values[k]) !== JSON.stringify(review[k])).sort();
      const [row] = await tx
        .update(outcomeReviews)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(outcomeReviews.id, review.id))
        .returning();
      if (!row) throw new Error("review update returned nothing");
      await recordAudit(tx, {
        action: "outcome_review.update",
        recordType: "outcome_review",
        recordId: row.id,
        actorUserId: actor.userId,
        actorOrganisationId: actor.organisationId,
        ip,
        details: { placementId: placement.placement.id, fields },
      });
      return row;
    }),
  );
}
