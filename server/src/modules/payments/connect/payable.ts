import type { StripeAccountRow } from "../../../db/schema";

/**
 * Whether a provider can be paid through Stripe, and if not, why in words a council reads:
 * a placement is invoiced only when the money has somewhere to go (a destination charge to an
 * account that can take charges and pay out).
 */
export function payability(account: StripeAccountRow | undefined): { ok: boolean; reason: string | null } {
  if (!account) return { ok: false, reason: "The provider has not connected a Stripe account to be paid through yet." };
  if (!account.detailsSubmitted) return { ok: false, reason: "The provider has started connecting to Stripe but has not finished giving its details." };
  if (!account.chargesEnabled || !account.payoutsEnabled) {
    const due = account.requirementsDue.length > 0 ? ` Stripe still needs: ${account.requirementsDue.join(", ")}.` : "";
    return { ok: false, reason: `Stripe cannot pay the provider yet.${due}` };
  }
  return { ok: true, reason: null };
}
