import { RegionListSchema, type RegionSummary } from "@shared/schemas/region";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

/** The public list of regions, their frameworks and participating councils. */
export async function fetchRegions(signal?: AbortSignal): Promise<RegionSummary[]> {
  const { data } = await apiRequest("/api/v1/regions", RegionListSchema, { signal });
  return data;
}

export function useRegions() {
  return useApiQuery(fetchRegions);
}
