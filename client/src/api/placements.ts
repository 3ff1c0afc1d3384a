import { useCallback } from "react";
import { z } from "zod";
import { PlacementHighRiskSchema, PlacementListResponseSchema } from "@shared/schemas/outcome-reviews";
import { PlacementResponseSchema } from "@shared/schemas/placement-requests";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const placementPath = (id: string, rest = "") => `/api/v1/placements/${encodeURIComponent(id)}${rest}`;
// The route answers { data } like every other; the contract names only what is inside.
const HighRiskResponseSchema = z.object({ data: PlacementHighRiskSchema });

async function fetchPlacements(signal: AbortSignal) {
  return apiRequest("/api/v1/placements", PlacementListResponseSchema, { signal });
}

/** The council's placements (with its children's references), or the provider's own (without). */
export function usePlacements() {
  return useApiQuery(fetchPlacements);
}

/** A placement the award made, as the council or the provider delivering it sees it. */
export function usePlacement(id: string) {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest(placementPath(id), PlacementResponseSchema, { signal })).data, [id]);
  return useApiQuery(load);
}

/** Which rules of the region's definition make the placement high risk (none: it is not). */
export function usePlacementHighRisk(id: string) {
  const load = useCallback(async (signal: AbortSignal) => (await apiRequest(placementPath(id, "/high-risk"), HighRiskResponseSchema, { signal })).data, [id]);
  return useApiQuery(load);
}
