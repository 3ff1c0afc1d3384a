import { and, asc, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import { distanceTravelled } from "@shared/insights/distance-travelled";
import type { DistanceTravelled } from "@shared/schemas/outcome-reviews";
import type { DbOrTx } from "../../db/client";
import {
  type ChildOutcomeRow,
  childOutcomes,
  childProfiles,
  type OutcomeReviewRow,
  outcomeReviews,
  placementRequests,
  type PlacementRow,
  placements,
  type ProviderReviewViewRow,
  providerReviewViews,
} from "../../db/schema";
import { notFound } from "../../http/app-error";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "../identity/actor";
import { isDisclosure, type ReviewViewer, reviewViewerOf, seesReview } from "./policy";

export interface ReviewPlacement {
  placement: PlacementRow;
  viewer: ReviewViewer;
  /** The request's lot, or the child's for a placement made outside a request. */
  lotNumber: number;
}

/** The placement with its lot, as the actor sees its reviews; 404 for anyone but its council and its provider. */
export async function loadReviewPlacement(db: DbOrTx, actor: Actor, id: string): Promise<ReviewPlacement> {
  const [row] = await db
    .select({ placement: placements, requestLot: placementRequests.lotNumber, childLot: childProfiles.lotNumber })
    .from(placements)
    .innerJoin(childProfiles, eq(childProfiles.id, placements.childId))
    .leftJoin(placementRequests, eq(placementRequests.id, placements.requestId))
    .where(eq(placements.id, id));
  const viewer = row ? reviewViewerOf(actor, row.placement) : undefined;
  if (!row || !viewer) throw notFound("The placement");
  return { placement: row.placement, viewer, lotNumber: row.requestLot ?? row.childLot ?? 0 };
}

/** The child's outcomes, current first in the plan's order, then the retired. */
export async function outcomesOf(db: DbOrTx, childId: string): Promise<ChildOutcomeRow[]> {
  return db
    .select()
    .from(childOutcomes)
    .where(eq(childOutcomes.childId, childId))
    .orderBy(sql`${childOutcomes.retiredAt} IS NOT NULL`, asc(childOutcomes.position), asc(childOutcomes.retiredAt));
}

export const currentOutcomeIds = async (db: DbOrTx, childId: string) =>
  (
    await db
      .select({ id: childOutcomes.id })
      .from(childOutcomes)
      .where(and(eq(childOutcomes.childId, childId), isNull(childOutcomes.retiredAt)))
  ).map((r) => r.id);

export interface ReviewWithView {
  review: OutcomeReviewRow;
  view: ProviderReviewViewRow | null;
}

/** The placement's reviews the viewer may see (a provider: submitted only), oldest first, each with the provider's view. */
export async function reviewsOf(db: DbOrTx, placementId: string, viewer: ReviewViewer): Promise<ReviewWithView[]> {
  const rows = await db
    .select({ review: outcomeReviews, view: providerReviewViews })
    .from(outcomeReviews)
    .leftJoin(providerReviewViews, eq(providerReviewViews.reviewId, outcomeReviews.id))
    .where(eq(outcomeReviews.placementId, placementId))
    .orderBy(asc(outcomeReviews.reviewDate), asc(outcomeReviews.createdAt));
  return rows.filter((r) => seesReview(viewer, r.review));
}

/** One review of the placement the viewer may see, optionally locked for a change; 404 otherwise (a provider is not told a draft exists). */
export async function loadReview(db: DbOrTx, { placement, viewer }: ReviewPlacement, reviewId: string, options: { forUpdate?: boolean } = {}) {
  const base = db
    .select()
    .from(outcomeReviews)
    .where(and(eq(outcomeReviews.id, reviewId), eq(outcomeReviews.placementId, placement.id)));
  const [review] = options.forUpdate ? await base.for("update") : await base;
  if (!review || !seesReview(viewer, review)) throw notFound("The review");
  const [view] = await db.select().from(providerReviewViews).where(eq(providerReviewViews.reviewId, review.id));
  return { review, view: view ?? null };
}

/** The distance travelled of a placement, from its submitted reviews. */
export async function distanceOf(db: DbOrTx, placement: Pick<PlacementRow, "id" | "childId" | "startDate">): Promise<DistanceTravelled> {
  const [outcomes, reviews] = await Promise.all([
    outcomesOf(db, placement.childId),
    db
      .select()
      .from(outcomeReviews)
      .where(and(eq(outcomeReviews.placementId, placement.id), eq(outcomeReviews.status, "submitted")))
      .orderBy(asc(outcomeReviews.reviewDate), asc(outcomeReviews.createdAt)),
  ]);
  return distanceTravelled({
    placementId: placement.id,
    startDate: placement.startDate,
    outcomes: outcomes.map((o) => ({ id: o.id, statement: o.statement, position: o.position, retired: o.retiredAt !== null })),
    reviews,
  });
}

/**
 * The distance travelled of the child's current placement (the latest not ended by today, any
 * lot), for the Placements Data Standard export; undefined when the child is in none.
 */
export async function currentDistanceOf(db: DbOrTx, childId: string, today: string): Promise<DistanceTravelled | undefined> {
  const [current] = await db
    .select({ id: placements.id, childId: placements.childId, startDate: placements.startDate })
    .from(placements)
    .where(and(eq(placements.childId, childId), or(isNull(placements.endDate), gt(placements.endDate, today))))
    .orderBy(desc(placements.startDate), desc(placements.createdAt))
    .limit(1);
  return current ? distanceOf(db, current) : undefined;
}

export interface RecordReadProps {
  db: DbOrTx;
  actor: Actor;
  placement: ReviewPlacement;
  /** What was read: "reviews" or "distance_travelled". */
  what: string;
  ip?: string | undefined;
}

/**
 * Reviews are the council's data about a child, read like the profile: every read is audited,
 * and the provider's, a disclosure outside the council, says on what basis.
 */
export async function recordReviewRead({ db, actor, placement, what, ip }: RecordReadProps): Promise<void> {
  await recordAudit(db, {
    action: "outcome_review.read",
    recordType: "placement",
    recordId: placement.placement.id,
    actorUserId: actor.userId,
    actorOrganisationId: actor.organisationId,
    ip,
    reason: isDisclosure(placement.viewer)
      ? "Shared with the provider delivering the placement, to review the child's progress with the council under the placement agreement"
      : "Reviewing a placement the council made for a child in its care (SEND Code of Practice; Children and Families Act 2014)",
    details: { what, viewer: placement.viewer },
  });
}
