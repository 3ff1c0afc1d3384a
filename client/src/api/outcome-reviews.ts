import { useCallback } from "react";
import {
  type ChildOutcome,
  type ChildOutcomesInput,
  ChildOutcomesResponseSchema,
  DistanceTravelledResponseSchema,
  type OutcomeReview,
  type OutcomeReviewInput,
  OutcomeReviewListResponseSchema,
  OutcomeReviewResponseSchema,
  type ProviderViewDecisionInput,
  type ProviderViewInput,
} from "@shared/schemas/outcome-reviews";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const outcomesPath = (childId: string) => `/api/v1/children/${encodeURIComponent(childId)}/outcomes`;
const reviewsPath = (placementId: string, rest = "") => `/api/v1/placements/${encodeURIComponent(placementId)}/reviews${rest}`;
const reviewPath = (placementId: string, reviewId: string, rest = "") => reviewsPath(placementId, `/${encodeURIComponent(reviewId)}${rest}`);

/** The outcomes of the child's EHC plan (section E), retired ones included: old reviews score them. */
export function useChildOutcomes(childId: string) {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest(outcomesPath(childId), ChildOutcomesResponseSchema, { signal })).data, [childId]);
  return useApiQuery(load);
}

/** The whole ordered list; an outcome left out is retired by the server, never deleted. */
export async function saveChildOutcomes(childId: string, input: ChildOutcomesInput): Promise<ChildOutcome[]> {
  return (await apiRequest(outcomesPath(childId), ChildOutcomesResponseSchema, { method: "PUT", body: input })).data;
}

/** The council: every review, drafts included. The placement's provider: the submitted ones. */
export function useReviews(placementId: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(reviewsPath(placementId), OutcomeReviewListResponseSchema, { signal })).data,
    [placementId],
  );
  return useApiQuery(load);
}

/** A new draft: the baseline or a review. */
export async function createReview(placementId: string, input: OutcomeReviewInput): Promise<OutcomeReview> {
  return (await apiRequest(reviewsPath(placementId), OutcomeReviewResponseSchema, { method: "POST", body: input })).data;
}

export async function updateReview(placementId: string, reviewId: string, input: OutcomeReviewInput): Promise<OutcomeReview> {
  return (await apiRequest(reviewPath(placementId, reviewId), OutcomeReviewResponseSchema, { method: "PUT", body: input })).data;
}

/** The server refuses, listing every missing field, a review that is not complete. */
export async function submitReview(placementId: string, reviewId: string): Promise<OutcomeReview> {
  return (await apiRequest(reviewPath(placementId, reviewId, "/submit"), OutcomeReviewResponseSchema, { method: "POST" })).data;
}

export async function saveProviderView(placementId: string, reviewId: string, input: ProviderViewInput): Promise<OutcomeReview> {
  return (await apiRequest(reviewPath(placementId, reviewId, "/provider-view"), OutcomeReviewResponseSchema, { method: "PUT", body: input })).data;
}

export async function decideProviderView(placementId: string, reviewId: string, input: ProviderViewDecisionInput): Promise<OutcomeReview> {
  return (await apiRequest(reviewPath(placementId, reviewId, "/provider-view/decision"), OutcomeReviewResponseSchema, { method: "POST", body: input })).data;
}

/** The change from the baseline to each submitted review: the numbers the charts and their tables share. */
export function useDistanceTravelled(placementId: string) {
  const load = useCallback(
    async (signal: AbortSignal) =>
      (await apiRequest(`/api/v1/placements/${encodeURIComponent(placementId)}/distance-travelled`, DistanceTravelledResponseSchema, { signal })).data,
    [placementId],
  );
  return useApiQuery(load);
}
