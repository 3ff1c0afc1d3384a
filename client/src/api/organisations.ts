import { useCallback } from "react";
import {
  type Organisation,
  type OrganisationContactUpdateInput,
  type OrganisationCreateInput,
  OrganisationListSchema,
  OrganisationResponseSchema,
} from "@shared/schemas/identity";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

/** Every organisation in the region for a regional admin; otherwise only one's own. */
export async function fetchOrganisations(signal: AbortSignal): Promise<Organisation[]> {
  const { data } = await apiRequest("/api/v1/organisations", OrganisationListSchema, { signal });
  return data;
}

export function useOrganisations() {
  return useApiQuery(fetchOrganisations);
}

export async function fetchOrganisation(id: string, signal: AbortSignal): Promise<Organisation> {
  const { data } = await apiRequest(`/api/v1/organisations/${encodeURIComponent(id)}`, OrganisationResponseSchema, { signal });
  return data;
}

export async function createOrganisation(input: OrganisationCreateInput): Promise<Organisation> {
  const { data } = await apiRequest("/api/v1/organisations", OrganisationResponseSchema, { method: "POST", body: input });
  return data;
}

export function useOrganisation(id: string) {
  const load = useCallback((signal: AbortSignal) => fetchOrganisation(id, signal), [id]);
  return useApiQuery(load);
}

/** Replaces the organisation's contact e-mail and phone (null removes one). */
export async function updateOrganisationContact(id: string, input: OrganisationContactUpdateInput): Promise<Organisation> {
  const { data } = await apiRequest(`/api/v1/organisations/${encodeURIComponent(id)}/contact`, OrganisationResponseSchema, { method: "PATCH", body: input });
  return data;
}
