import { useCallback } from "react";
import { z } from "zod";
import {
  type AdmissionDecisionSchema,
  type AdmissionRoundCreateSchema,
  type Framework,
  FrameworkListSchema,
  type ProviderApplication,
  type ProviderApplicationCreateInput,
  ProviderApplicationListSchema,
  ProviderApplicationResponseSchema,
  ProviderPriceListSchema,
  type ProviderPricesUpdateInput,
  type TermsVersionCreateSchema,
} from "@shared/schemas/framework";
import { fetchEveryPage } from "./every-page";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

/** The hub's and providers' pages reload what they show after a write, so only success matters here. */
const unknownData = z.unknown();

const frameworkPath = (id: string) => `/api/v1/frameworks/${encodeURIComponent(id)}`;

/** The region's framework (one per region today): the first the API lists. */
export async function fetchFramework(signal: AbortSignal): Promise<Framework | undefined> {
  const { data } = await apiRequest("/api/v1/frameworks", FrameworkListSchema, { signal });
  return data[0];
}

export function useFramework() {
  return useApiQuery(fetchFramework);
}

export type ProviderPrice = z.infer<typeof ProviderPriceListSchema>["data"][number];

/** Loads one page of a framework's applications for the list's query (`q=&status=&page=`). */
export function useApplicationPages(frameworkId: string) {
  return useCallback(
    (query: string, signal: AbortSignal) =>
      apiRequest(`${frameworkPath(frameworkId)}/applications${query ? `?${query}` : ""}`, ProviderApplicationListSchema, { signal }),
    [frameworkId],
  );
}

export function useApplications(frameworkId: string) {
  const load = useCallback(
    (signal: AbortSignal) => fetchEveryPage(`${frameworkPath(frameworkId)}/applications`, ProviderApplicationListSchema, signal),
    [frameworkId],
  );
  return useApiQuery(load);
}

export function usePrices(frameworkId: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(`${frameworkPath(frameworkId)}/prices`, ProviderPriceListSchema, { signal })).data,
    [frameworkId],
  );
  return useApiQuery(load);
}

/** `confirm`: the hub has seen the providers' prices above a lowered ceiling (the 409 lists them) and goes ahead. */
export async function updateBandCeiling(frameworkId: string, lotNumber: number, band: string, weeklyCeilingPence: number, confirm = false): Promise<void> {
  await apiRequest(`${frameworkPath(frameworkId)}/lots/${lotNumber}/bands/${encodeURIComponent(band)}`, unknownData, {
    method: "PUT",
    body: confirm ? { weeklyCeilingPence, confirm } : { weeklyCeilingPence },
  });
}

export async function publishTermsVersion(frameworkId: string, input: z.infer<typeof TermsVersionCreateSchema>): Promise<void> {
  await apiRequest(`${frameworkPath(frameworkId)}/terms`, unknownData, { method: "POST", body: input });
}

export async function createAdmissionRound(frameworkId: string, input: z.infer<typeof AdmissionRoundCreateSchema>): Promise<void> {
  await apiRequest(`${frameworkPath(frameworkId)}/rounds`, unknownData, { method: "POST", body: input });
}

export async function applyToFramework(frameworkId: string, input: ProviderApplicationCreateInput): Promise<ProviderApplication> {
  const { data } = await apiRequest(`${frameworkPath(frameworkId)}/applications`, ProviderApplicationResponseSchema, { method: "POST", body: input });
  return data;
}

export async function decideAdmission(
  frameworkId: string,
  organisationId: string,
  lotNumber: number,
  input: z.infer<typeof AdmissionDecisionSchema>,
): Promise<void> {
  await apiRequest(`${frameworkPath(frameworkId)}/admissions/${encodeURIComponent(organisationId)}/lots/${lotNumber}`, unknownData, {
    method: "PUT",
    body: input,
  });
}

export async function updatePrices(frameworkId: string, input: ProviderPricesUpdateInput): Promise<void> {
  await apiRequest(`${frameworkPath(frameworkId)}/prices`, unknownData, { method: "PUT", body: input });
}
