import type { z } from "zod";
import {
  type AwardSchema,
  type Clarification,
  type ClarificationAnswerSchema,
  ClarificationResponseSchema,
  type DeclineInput,
  type OfferReceipt,
  OfferReceiptResponseSchema,
  type OfferSubmitInput,
  type Placement,
  type PlacementEndSchema,
  PlacementResponseSchema,
  type PriceRevisionSchema,
  type RequestAmendSchema,
  type RequestCreateSchema,
  RequestListSchema,
  type RequestView,
  RequestViewResponseSchema,
  type ScoresSchema,
} from "@shared/schemas/placement-requests";
import { apiRequest } from "./http";

const REQUESTS = "/api/v1/placement-requests";
const requestPath = (id: string, rest = "") => `${REQUESTS}/${encodeURIComponent(id)}${rest}`;

/** One page of the council's requests, or those a provider's settings are invited to; newest first. `query` is `q=&status=&page=`. */
export const fetchRequestPage = (query: string, signal: AbortSignal) => apiRequest(query ? `${REQUESTS}?${query}` : REQUESTS, RequestListSchema, { signal });

/** An amendment to an open request (the council's). */
export const amendPlacementRequest = (id: string, body: z.input<typeof RequestAmendSchema>) => viewAfter(requestPath(id, "/amendments"), "POST", body);

/** Everything this person may see of a request (a provider's first read marks it viewed). */
export async function fetchRequestView(id: string, signal?: AbortSignal): Promise<RequestView> {
  return (await apiRequest(requestPath(id), RequestViewResponseSchema, { signal })).data;
}

/** A write the server answers with the request as this person now sees it. */
async function viewAfter(path: string, method: "POST" | "PUT", body?: unknown): Promise<RequestView> {
  return (await apiRequest(path, RequestViewResponseSchema, { method, body })).data;
}

/** The request as made, with the council's view (open unless kept as a draft). */
export const createPlacementRequest = (input: z.input<typeof RequestCreateSchema>) => viewAfter(REQUESTS, "POST", input);
export const cancelPlacementRequest = (id: string, reason: string) => viewAfter(requestPath(id, "/cancel"), "POST", { reason });
export const saveScores = (id: string, scores: z.input<typeof ScoresSchema>["scores"]) => viewAfter(requestPath(id, "/scores"), "PUT", { scores });
export const completeEvaluation = (id: string) => viewAfter(requestPath(id, "/evaluate"), "POST");
export const startPriceRound = (id: string, closesAt: string) => viewAfter(requestPath(id, "/price-round"), "POST", { closesAt });
export const awardRequest = (id: string, body: z.input<typeof AwardSchema>) => viewAfter(requestPath(id, "/award"), "POST", body);
export const confirmAward = (id: string) => viewAfter(requestPath(id, "/award/confirm"), "POST");
export const withdrawIntention = (id: string, reason: string) => viewAfter(requestPath(id, "/award/withdraw"), "POST", { reason });
export const declineInvitation = (id: string, body: DeclineInput) => viewAfter(requestPath(id, "/declines"), "POST", body);
export const withdrawOffer = (id: string, offerId: string) => viewAfter(requestPath(id, `/offers/${encodeURIComponent(offerId)}/withdraw`), "POST");

/**
 * An offer or a revision. The same `idempotencyKey` for the same submission: a retry after a
 * lost answer gets the first receipt back, never a second version.
 */
export async function submitOffer(id: string, body: OfferSubmitInput, idempotencyKey: string): Promise<OfferReceipt> {
  return (await apiRequest(requestPath(id, "/offers"), OfferReceiptResponseSchema, { method: "POST", body, headers: { "Idempotency-Key": idempotencyKey } }))
    .data;
}

/** Ranked mode's price round: a lower weekly fee for the offer. */
export async function revisePrice(id: string, offerId: string, body: z.input<typeof PriceRevisionSchema>, idempotencyKey: string): Promise<OfferReceipt> {
  const path = requestPath(id, `/offers/${encodeURIComponent(offerId)}/price`);
  return (await apiRequest(path, OfferReceiptResponseSchema, { method: "PUT", body, headers: { "Idempotency-Key": idempotencyKey } })).data;
}

export async function askClarification(id: string, question: string): Promise<Clarification> {
  return (await apiRequest(requestPath(id, "/clarifications"), ClarificationResponseSchema, { method: "POST", body: { question } })).data;
}

export async function answerClarification(id: string, clarificationId: string, body: z.input<typeof ClarificationAnswerSchema>): Promise<Clarification> {
  const path = requestPath(id, `/clarifications/${encodeURIComponent(clarificationId)}/answer`);
  return (await apiRequest(path, ClarificationResponseSchema, { method: "PUT", body })).data;
}

export async function endPlacement(placementId: string, body: z.input<typeof PlacementEndSchema>): Promise<Placement> {
  return (await apiRequest(`/api/v1/placements/${encodeURIComponent(placementId)}/end`, PlacementResponseSchema, { method: "POST", body })).data;
}
