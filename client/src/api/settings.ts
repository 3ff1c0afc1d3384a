import { useCallback } from "react";
import {
  type Setting,
  type SettingCreateInput,
  SettingListSchema,
  SettingResponseSchema,
  type SettingSearchResult,
  SettingSearchResultSchema,
  type SettingStatusUpdateInput,
  type SettingUpdateInput,
} from "@shared/schemas/settings";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const settingPath = (id: string) => `/api/v1/settings/${encodeURIComponent(id)}`;

export async function fetchSetting(id: string, signal: AbortSignal): Promise<Setting> {
  const { data } = await apiRequest(settingPath(id), SettingResponseSchema, { signal });
  return data;
}

export function useSetting(id: string) {
  const load = useCallback((signal: AbortSignal) => fetchSetting(id, signal), [id]);
  return useApiQuery(load);
}

/** A provider's own settings, in any status. */
export function useOrganisationSettings(organisationId: string) {
  const load = useCallback(
    async (signal: AbortSignal) => {
      const { data } = await apiRequest(`/api/v1/organisations/${encodeURIComponent(organisationId)}/settings`, SettingListSchema, { signal });
      return data;
    },
    [organisationId],
  );
  return useApiQuery(load);
}

/** `query` is the search page's own query string (filter values only), passed through unchanged. */
export function useSettingSearch(query: string) {
  const load = useCallback((signal: AbortSignal) => apiRequest(`/api/v1/settings?${query}`, SettingSearchResultSchema, { signal }), [query]);
  return useApiQuery<SettingSearchResult>(load);
}

export const settingsExportHref = (query: string) => `/api/v1/settings/export?${query}`;

export async function createSetting(input: SettingCreateInput): Promise<Setting> {
  const { data } = await apiRequest("/api/v1/settings", SettingResponseSchema, { method: "POST", body: input });
  return data;
}

export async function updateSetting(id: string, input: SettingUpdateInput): Promise<Setting> {
  const { data } = await apiRequest(settingPath(id), SettingResponseSchema, { method: "PATCH", body: input });
  return data;
}

export async function updateVacancies(id: string, vacancies: number): Promise<Setting> {
  const { data } = await apiRequest(`${settingPath(id)}/vacancies`, SettingResponseSchema, { method: "PUT", body: { vacancies } });
  return data;
}

export async function updateSettingStatus(id: string, input: SettingStatusUpdateInput): Promise<Setting> {
  const { data } = await apiRequest(`${settingPath(id)}/status`, SettingResponseSchema, { method: "PUT", body: input });
  return data;
}
