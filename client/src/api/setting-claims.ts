import { type SettingClaim, SettingClaimListSchema, SettingClaimResponseSchema } from "@shared/schemas/settings";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

/** A regional admin sees every claim in the region; a provider sees its own. */
export async function fetchSettingClaims(signal: AbortSignal): Promise<SettingClaim[]> {
  const { data } = await apiRequest("/api/v1/setting-claims", SettingClaimListSchema, { signal });
  return data;
}

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
