import { useCallback } from "react";
import {
  type ChildProfile,
  type ChildProfileDraftCreateInput,
  ChildProfileListSchema,
  ChildProfileResponseSchema,
  type ChildProfileUpdateInput,
  type ShortlistEntry,
  ShortlistSchema,
} from "@shared/schemas/children";
import { type MatchesResponse, MatchesResponseSchema } from "@shared/schemas/matching";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const childPath = (id: string) => `/api/v1/children/${encodeURIComponent(id)}`;

/** A page of the council's children for the address's query string (`q=&status=&page=`): references and codes only. */
export const fetchChildrenPage = (query: string, signal: AbortSignal) =>
  apiRequest(query ? `/api/v1/children?${query}` : "/api/v1/children", ChildProfileListSchema, { signal });

/** A child's whole profile; the server audits every read. */
export function useChild(id: string) {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest(childPath(id), ChildProfileResponseSchema, { signal })).data, [id]);
  return useApiQuery(load);
}

/** Starts a draft with the first page's answers. */
export async function createChildDraft(input: ChildProfileDraftCreateInput): Promise<ChildProfile> {
  const { data } = await apiRequest("/api/v1/children/drafts", ChildProfileResponseSchema, { method: "POST", body: input });
  return data;
}

/** Records a child from a referral in the Placements Data Standard, as a draft; a 400 lists every failing field with its path. */
export async function importPlacementsStandardReferral(document: unknown): Promise<ChildProfile> {
  const { data } = await apiRequest("/api/v1/children/import/placements-standard", ChildProfileResponseSchema, { method: "POST", body: document });
  return data;
}

/** Completes a draft whose every question is answered; a 400 lists those still to answer. */
export async function completeChild(id: string): Promise<ChildProfile> {
  const { data } = await apiRequest(`${childPath(id)}/complete`, ChildProfileResponseSchema, { method: "POST" });
  return data;
}

export async function updateChild(id: string, input: ChildProfileUpdateInput): Promise<ChildProfile> {
  const { data } = await apiRequest(childPath(id), ChildProfileResponseSchema, { method: "PATCH", body: input });
  return data;
}

export function useShortlist(childId: string) {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest(`${childPath(childId)}/shortlist`, ShortlistSchema, { signal })).data, [childId]);
  return useApiQuery(load);
}

/** Adds or removes a setting; answers the shortlist after the change. */
export async function changeShortlist(childId: string, settingId: string, change: "add" | "remove"): Promise<ShortlistEntry[]> {
  const { data } = await apiRequest(`${childPath(childId)}/shortlist/${encodeURIComponent(settingId)}`, ShortlistSchema, {
    method: change === "add" ? "PUT" : "DELETE",
  });
  return data;
}

/**
 * Ranked settings for a child on its own lot or `lot`; with `explain`, also those left out and
 * why. Only the profile's id and these options reach the address, never anything about the child.
 */
export function useMatches(childId: string, options: { lot: number | undefined; explain: boolean }) {
  const { lot, explain } = options;
  const load = useCallback(
    async (signal: AbortSignal): Promise<MatchesResponse["data"]> => {
      const query = new URLSearchParams();
      if (lot !== undefined) query.set("lot", String(lot));
      if (explain) query.set("explain", "excluded");
      const suffix = query.size > 0 ? `?${query.toString()}` : "";
      return (await apiRequest(`${childPath(childId)}/matches${suffix}`, MatchesResponseSchema, { signal })).data;
    },
    [childId, lot, explain],
  );
  return useApiQuery(load);
}
