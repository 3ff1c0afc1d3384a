import { useCallback } from "react";
import { z } from "zod";
import {
  BillingRunResponseSchema,
  type BillingSettingsInput,
  BillingSettingsSchema,
  ConnectStatusSchema,
  type FeeChangeInput,
  InvoiceListSchema,
  InvoiceResponseSchema,
  MembershipSchema,
  PaymentsOverviewResponseSchema,
  PaymentsRedirectSchema,
  PaymentsWaitingResponseSchema,
  PayoutsResponseSchema,
  PlacementFeesResponseSchema,
} from "@shared/schemas/payments";
import { apiRequest } from "./http";
import { useApiQuery } from "./use-api-query";

const PAYMENTS = "/api/v1/payments";
const withQuery = (path: string, query: string) => (query ? `${path}?${query}` : path);
const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });
/** Stripe's own page (onboarding, checkout) the browser goes to next. */
const RedirectSchema = dataOf(PaymentsRedirectSchema);

async function fetchSettings(signal: AbortSignal) {
  return (await apiRequest(`${PAYMENTS}/settings`, dataOf(BillingSettingsSchema), { signal })).data;
}

/** The region's billing settings; `stripeConfigured` says whether payments are set up at all. */
export function useBillingSettings() {
  return useApiQuery(fetchSettings);
}

export async function saveBillingSettings(body: BillingSettingsInput) {
  return (await apiRequest(`${PAYMENTS}/settings`, dataOf(BillingSettingsSchema), { method: "PUT", body })).data;
}

/** Invoices for the filters in `query` (the page's own address query: month, placementId, status). */
export function useInvoices(query: string) {
  const load = useCallback(async (signal: AbortSignal) => apiRequest(withQuery(`${PAYMENTS}/invoices`, query), InvoiceListSchema, { signal }), [query]);
  return useApiQuery(load);
}

/** The same invoices, a row per line and per credit, for a finance system. */
export const invoicesCsvHref = (query: string) => withQuery(`${PAYMENTS}/invoices.csv`, query);

export function useInvoice(id: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(`${PAYMENTS}/invoices/${encodeURIComponent(id)}`, InvoiceResponseSchema, { signal })).data,
    [id],
  );
  return useApiQuery(load);
}

async function fetchOverview(signal: AbortSignal) {
  return (await apiRequest(`${PAYMENTS}/overview`, PaymentsOverviewResponseSchema, { signal })).data;
}

export function usePaymentsOverview() {
  return useApiQuery(fetchOverview);
}

export async function runBilling() {
  return (await apiRequest(`${PAYMENTS}/billing-runs`, BillingRunResponseSchema, { method: "POST" })).data;
}

async function fetchConnect(signal: AbortSignal) {
  return (await apiRequest(`${PAYMENTS}/connect`, dataOf(ConnectStatusSchema), { signal })).data;
}

/** The provider's Stripe Connect account as Stripe last reported it. */
export function useConnectStatus() {
  return useApiQuery(fetchConnect);
}

/** A new onboarding link for the provider's connected account (created on first use). */
export async function startConnectOnboarding(): Promise<string> {
  return (await apiRequest(`${PAYMENTS}/connect`, RedirectSchema, { method: "POST" })).data.url;
}

/** Asks Stripe for the account now (its webhook may not have arrived yet) and answers the status stored. */
async function syncConnect(signal: AbortSignal) {
  return (await apiRequest(`${PAYMENTS}/connect/sync`, dataOf(ConnectStatusSchema), { method: "POST", signal })).data;
}

export function useSyncedConnectStatus() {
  return useApiQuery(syncConnect);
}

async function fetchMembership(signal: AbortSignal) {
  return (await apiRequest(`${PAYMENTS}/membership`, dataOf(MembershipSchema), { signal })).data;
}

export function useMembership() {
  return useApiQuery(fetchMembership);
}

export async function startMembershipCheckout(): Promise<string> {
  return (await apiRequest(`${PAYMENTS}/membership/checkout`, RedirectSchema, { method: "POST" })).data.url;
}

const placementPath = (id: string, rest: string) => `/api/v1/placements/${encodeURIComponent(id)}${rest}`;

/** A placement's weekly fee from each date it changed, as the council and the provider see it. */
export function usePlacementFees(placementId: string) {
  const load = useCallback(
    async (signal: AbortSignal) => (await apiRequest(placementPath(placementId, "/fees"), PlacementFeesResponseSchema, { signal })).data,
    [placementId],
  );
  return useApiQuery(load);
}

/** Answers the fee history now. */
export async function changePlacementFee(placementId: string, body: FeeChangeInput) {
  return (await apiRequest(placementPath(placementId, "/fee-changes"), PlacementFeesResponseSchema, { method: "POST", body })).data;
}

async function fetchWaiting(signal: AbortSignal) {
  return (await apiRequest(`${PAYMENTS}/waiting`, PaymentsWaitingResponseSchema, { signal })).data;
}

/** The council's running placements not invoiced yet, because their provider cannot be paid yet. */
export function useWaitingPlacements() {
  return useApiQuery(fetchWaiting);
}

async function fetchPayouts(signal: AbortSignal) {
  return apiRequest(`${PAYMENTS}/payouts`, PayoutsResponseSchema, { signal });
}

/** What the provider can expect: open invoices to it, less the levy and credits. */
export function useExpectedPayouts() {
  return useApiQuery(fetchPayouts);
}
