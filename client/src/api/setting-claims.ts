import { type SettingClaim, SettingClaimListSchema, SettingClaimResponseSchema } from "@shared/schemas/settings";
import { fetchEveryPage } from "./every-page";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

/** A regional admin sees every claim in the region; a provider sees its own. */
export async function fetchSettingClaims(signal: AbortSignal): Promise<SettingClaim[]> {
  return fetchEveryPage("/api/v1/setting-claims", SettingClaimListSchema, signal);
}

/** One page of claims for the list's query (`q=&status=&page=`). */
export const fetchSettingClaimPage = (query: string, signal: AbortSignal) =>
  apiRequest(`/api/v1/setting-claims${query ? `?${query}` : ""}`, SettingClaimListSchema, { signal });

export function useSettingClaims() {
  return useApiQuery(fetchSettingClaims);
}

export async function claimSetting(urn: string): Promise<SettingClaim> {
  const { data } = await apiRequest("/api/v1/setting-claims", SettingClaimResponseSchema, { method: "POST", body: { urn } });
  return data;
}

export async function decideSettingClaim(id: string, decision: "approved" | "rejected", reason: string): Promise<SettingClaim> {
  const { data } = await apiRequest(`/api/v1/setting-claims/${encodeURIComponent(id)}`, SettingClaimResponseSchema, {
    method: "PUT",
    body: { decision, reason },
  });
  return data;
}
