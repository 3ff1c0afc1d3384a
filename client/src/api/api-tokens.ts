import type { z } from "zod";
import { type ApiToken, ApiTokenCreatedSchema, type ApiTokenCreateInput, ApiTokenListSchema } from "@shared/schemas/identity";
import { apiRequest, apiSend } from "./http";
import { useApiQuery } from "./use-api-query";

export type CreatedApiToken = z.infer<typeof ApiTokenCreatedSchema>["data"];

export async function fetchApiTokens(signal: AbortSignal): Promise<ApiToken[]> {
  const { data } = await apiRequest("/api/v1/me/tokens", ApiTokenListSchema, { signal });
  return data;
}

export function useApiTokens() {
  return useApiQuery(fetchApiTokens);
}

/** The answer carries the secret, which the server keeps only as a hash: show it once. */
export async function createApiToken(input: ApiTokenCreateInput): Promise<CreatedApiToken> {
  const { data } = await apiRequest("/api/v1/me/tokens", ApiTokenCreatedSchema, { method: "POST", body: input });
  return data;
}

export async function revokeApiToken(id: string): Promise<void> {
  await apiSend(`/api/v1/me/tokens/${encodeURIComponent(id)}`, { method: "DELETE" });
}
