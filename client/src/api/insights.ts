import { useCallback } from "react";
import { z } from "zod";
import {
  CohortComparisonResponseSchema,
  type InsightsPublicationInputSchema,
  InsightsPublicationResponseSchema,
  InsightsPublicationSchema,
  InsightsResponseSchema,
  PublicInsightsResponseSchema,
} from "@shared/insights/contract";
import { HighRiskDefinitionResponseSchema, type HighRiskRules } from "@shared/insights/high-risk";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);

/** The figures for the filters in `query` (the page's own address query, passed through). */
export function useInsights(query: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(withQuery("/api/v1/insights/placements", query), InsightsResponseSchema, { signal })).data,
    [query],
  );
  return useApiQuery(load);
}

/** The same figures as a CSV file, with "[c]" where the page has it. */
export const insightsCsvHref = (query: string) => withQuery("/api/v1/insights/placements.csv", query);

/** Two filter sets side by side; `query` holds them prefixed a and b (aLot, bHighRisk). */
export function useCohortComparison(query: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(withQuery("/api/v1/insights/compare", query), CohortComparisonResponseSchema, { signal })).data,
    [query],
  );
  return useApiQuery(load);
}

async function fetchPublication(signal: AbortSignal) {
  return (await apiRequest("/api/v1/insights/publication", InsightsPublicationResponseSchema, { signal })).data;
}

/** The period of the published regional summary, or null before the hub publishes one. */
export function useInsightsPublication() {
  return useApiQuery(fetchPublication);
}

const PublicationResponseSchema = z.object({ data: InsightsPublicationSchema });

export async function publishInsights(input: z.input<typeof InsightsPublicationInputSchema>) {
  return (await apiRequest("/api/v1/insights/publication", PublicationResponseSchema, { method: "PUT", body: input })).data;
}

/** The region's published summary, for anyone (no sign-in); "not found" when nothing is published. */
export function usePublicInsights(regionId: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(`/api/v1/public/insights/${encodeURIComponent(regionId)}`, PublicInsightsResponseSchema, { signal })).data,
    [regionId],
  );
  return useApiQuery(load);
}

async function fetchHighRiskDefinition(signal: AbortSignal) {
  return (await apiRequest("/api/v1/high-risk-definition", HighRiskDefinitionResponseSchema, { signal })).data;
}

export function useHighRiskDefinition() {
  return useApiQuery(fetchHighRiskDefinition);
}

export async function saveHighRiskDefinition(rules: HighRiskRules) {
  return (await apiRequest("/api/v1/high-risk-definition", HighRiskDefinitionResponseSchema, { method: "PUT", body: rules })).data;
}
