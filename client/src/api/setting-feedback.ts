import { useCallback } from "react";
import {
  type SettingFeedback,
  type SettingFeedbackCreateInput,
  SettingFeedbackListSchema,
  SettingFeedbackResponseSchema,
  type SettingFeedbackSummary,
  SettingFeedbackSummarySchema,
} from "@shared/schemas/setting-feedback";
import { fetchEveryPage } from "./every-page";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

type FeedbackStatus = SettingFeedback["status"];

/** A regional admin sees the region's feedback; a panel member sees their own, with the hub's decisions. */
export async function fetchSettingFeedback(signal: AbortSignal, status?: FeedbackStatus): Promise<SettingFeedback[]> {
  const query = status ? `?status=${status}` : "";
  return fetchEveryPage(`/api/v1/setting-feedback${query}`, SettingFeedbackListSchema, signal);
}

/** One page of feedback for the list's query (`q=&status=&page=`). */
export const fetchSettingFeedbackPage = (query: string, signal: AbortSignal) =>
  apiRequest(`/api/v1/setting-feedback${query ? `?${query}` : ""}`, SettingFeedbackListSchema, { signal });

export function useSettingFeedback(status?: FeedbackStatus) {
  const load = useCallback((signal: AbortSignal) => fetchSettingFeedback(signal, status), [status]);
  return useApiQuery(load);
}

export async function sendSettingFeedback(settingId: string, input: SettingFeedbackCreateInput): Promise<SettingFeedback> {
  const { data } = await apiRequest(`/api/v1/settings/${encodeURIComponent(settingId)}/feedback`, SettingFeedbackResponseSchema, {
    method: "POST",
    body: input,
  });
  return data;
}

export async function moderateSettingFeedback(id: string, decision: "approved" | "rejected", reason: string): Promise<SettingFeedback> {
  const { data } = await apiRequest(`/api/v1/setting-feedback/${encodeURIComponent(id)}`, SettingFeedbackResponseSchema, {
    method: "PUT",
    body: reason ? { decision, reason } : { decision },
  });
  return data;
}

/** Averages only, and only once enough reviews are approved; otherwise the server says nothing, not even a count. */
export function useSettingFeedbackSummary(settingId: string) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<SettingFeedbackSummary> => {
      const { data } = await apiRequest(`/api/v1/settings/${encodeURIComponent(settingId)}/feedback-summary`, SettingFeedbackSummarySchema, { signal });
      return data;
    },
    [settingId],
  );
  return useApiQuery(load);
}
