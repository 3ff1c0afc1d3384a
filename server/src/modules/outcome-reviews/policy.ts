import type { Actor } from "../identity/actor";
import { isBuyer } from "../placement-requests/policy";

// Who may do what with a placement's outcome reviews. Reviews are the council's data, with the
// same access as the child's profile; the provider delivering the placement sees the submitted
// ones and gives its own view. Anyone else is told the placement does not exist (404).

/** As whom the actor sees a placement's reviews: the council that made it, or its provider. */
export type ReviewViewer = "council" | "provider";

export const reviewViewerOf = (actor: Actor, placement: { councilId: string; providerId: string }): ReviewViewer | undefined => {
  if (isBuyer(actor, { organisationId: placement.councilId })) return "council";
  if (actor.role === "provider" && actor.organisationId === placement.providerId) return "provider";
  return undefined;
};

/** The council records reviews (drafts, changes, submissions) and decides on the provider's views. */
export const recordsReviews = (viewer: ReviewViewer) => viewer === "council";

/** Only the provider delivering the placement gives its view of a review. */
export const givesProviderView = (viewer: ReviewViewer) => viewer === "provider";

/** A draft is the council's working paper: a provider sees submitted reviews only. */
export const seesReview = (viewer: ReviewViewer, review: { status: string }) => viewer === "council" || review.status === "submitted";

/** A submitted review is the council's record and is not changed. */
export const isEditable = (review: { status: string }) => review.status === "draft";

/** A provider replaces its view until the council has accepted or annotated it. */
export const isViewOpen = (view: { decision: string | null }) => view.decision === null;

/** A provider's read of a review is a disclosure of the council's data about a child: audited. */
export const isDisclosure = (viewer: ReviewViewer) => viewer === "provider";

/** Whose placements a list shows: a council's commissioners their council's, a provider's members their own; no one else's. */
export type PlacementListScope = { kind: ReviewViewer; organisationId: string };

export const placementListScopeOf = (actor: Actor): PlacementListScope | undefined => {
  if (actor.organisationId && isBuyer(actor, { organisationId: actor.organisationId })) return { kind: "council", organisationId: actor.organisationId };
  if (actor.role === "provider" && actor.organisationId) return { kind: "provider", organisationId: actor.organisationId };
  return undefined;
};
