import type { ConnectStatus } from "@shared/schemas/payments";
import type { StripeAccountRow } from "../../../db/schema";
import { payability } from "./payable";

/** A provider's Connect status, and whether its placements can be invoiced (and why not). */
export function presentConnectStatus(organisation: { id: string; name: string }, account: StripeAccountRow | undefined): ConnectStatus {
  const { ok, reason } = payability(account);
  return {
    organisationId: organisation.id,
    organisationName: organisation.name,
    connected: account !== undefined,
    detailsSubmitted: account?.detailsSubmitted ?? false,
    chargesEnabled: account?.chargesEnabled ?? false,
    payoutsEnabled: account?.payoutsEnabled ?? false,
    requirementsDue: account?.requirementsDue ?? [],
    canBeInvoiced: ok,
    reason,
  };
}
