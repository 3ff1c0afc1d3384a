import { useCallback } from "react";
import { z } from "zod";
import { FrameworkListSchema } from "@shared/schemas/framework";
import { OrganisationListSchema } from "@shared/schemas/identity";
import {
  PublicReviewListSchema,
  PublicReviewSummarySchema,
  type ReviewComment,
  ReviewCommentResponseSchema,
  type ReviewRound,
  ReviewRoundChangesListSchema,
  type ReviewRoundCreateInput,
  ReviewRoundListSchema,
  ReviewRoundResponseSchema,
  ReviewRoundVisitResponseSchema,
  type ReviewThemeSchema,
  type VoteChoice,
} from "@shared/schemas/review-rounds";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const round = (id: string) => `/api/v1/review-rounds/${encodeURIComponent(id)}`;

/** A panel member sees the rounds their forum takes part in; the hub sees all of the region's. */
export function useReviewRounds() {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest("/api/v1/review-rounds", ReviewRoundListSchema, { signal })).data, []);
  return useApiQuery(load);
}

export function useReviewRound(id: string) {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest(round(id), ReviewRoundResponseSchema, { signal })).data, [id]);
  return useApiQuery(load);
}

/** The hub opens a round; the answer is the new round. */
export async function openReviewRound(input: ReviewRoundCreateInput): Promise<ReviewRound> {
  return (await apiRequest("/api/v1/review-rounds", ReviewRoundResponseSchema, { method: "POST", body: input })).data;
}

/** What the hub chooses from when opening a round: the region's frameworks and Parent Carer Forums. */
export function useReviewRoundChoices() {
  const load = useCallback(async (signal: AbortSignal) => {
    const [frameworks, organisations] = await Promise.all([
      apiRequest("/api/v1/frameworks", FrameworkListSchema, { signal }),
      apiRequest("/api/v1/organisations", OrganisationListSchema, { signal }),
    ]);
    return {
      frameworks: frameworks.data.map((f) => ({ id: f.id, name: f.name })),
      forums: organisations.data.filter((o) => o.kind === "parent_forum").map((o) => ({ id: o.id, name: o.name })),
    };
  }, []);
  return useApiQuery(load);
}

// The last visit being recorded, so the home page's counts never race ahead of it.
let visitInFlight: Promise<unknown> = Promise.resolve();

/** A panel member has the round open: its changes count from now. Best effort; a failure only leaves older counts. */
export function recordVisit(roundId: string): Promise<unknown> {
  visitInFlight = apiRequest(`${round(roundId)}/visit`, ReviewRoundVisitResponseSchema, { method: "POST" }).catch(() => undefined);
  return visitInFlight;
}

async function fetchRoundChanges(signal: AbortSignal) {
  await visitInFlight;
  return (await apiRequest("/api/v1/review-rounds/changes", ReviewRoundChangesListSchema, { signal })).data;
}

/** For a panel member's home: what others added to each of their forum's rounds since their last visit. */
export function useReviewRoundChanges() {
  return useApiQuery(fetchRoundChanges);
}

export async function castVote(roundId: string, proposalId: string, choice: VoteChoice): Promise<ReviewRound> {
  const path = `${round(roundId)}/proposals/${encodeURIComponent(proposalId)}/vote`;
  return (await apiRequest(path, ReviewRoundResponseSchema, { method: "PUT", body: { choice } })).data;
}

export async function rateCriterion(roundId: string, criterionId: string, rating: number): Promise<ReviewRound> {
  const path = `${round(roundId)}/criteria/${encodeURIComponent(criterionId)}/rating`;
  return (await apiRequest(path, ReviewRoundResponseSchema, { method: "PUT", body: { rating } })).data;
}

export async function postComment(roundId: string, input: { sectionId: string; parentId?: string; body: string }): Promise<ReviewComment> {
  return (await apiRequest(`${round(roundId)}/comments`, ReviewCommentResponseSchema, { method: "POST", body: input })).data;
}

export async function moderateComment(commentId: string, body: { hidden: true; reason: string } | { hidden: false }): Promise<ReviewComment> {
  const path = `/api/v1/review-comments/${encodeURIComponent(commentId)}/moderation`;
  return (await apiRequest(path, ReviewCommentResponseSchema, { method: "PUT", body })).data;
}

const ThemeResponseSchema = z.object({ data: z.unknown() });

/** The answer's shape is the lead's to settle (a theme or the round); the page reloads the round after either. */
export async function saveTheme(roundId: string, input: { title: string; answer: string; commentIds: string[] }, themeId?: string): Promise<void> {
  const path = themeId ? `${round(roundId)}/themes/${encodeURIComponent(themeId)}` : `${round(roundId)}/themes`;
  await apiRequest(path, ThemeResponseSchema, { method: themeId ? "PUT" : "POST", body: input });
}
export type ReviewTheme = z.infer<typeof ReviewThemeSchema>;

export function usePublicReviewRounds() {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest("/api/v1/public/review-rounds", PublicReviewListSchema, { signal })).data, []);
  return useApiQuery(load);
}

export function usePublicReviewSummary(id: string) {
  const load = useCallback(
    async (signal: AbortSignal) =>
      (await apiRequest(`/api/v1/public/review-rounds/${encodeURIComponent(id)}/summary`, PublicReviewSummarySchema, { signal })).data,
    [id],
  );
  return useApiQuery(load);
}
