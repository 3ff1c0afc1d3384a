import Stripe from "stripe";
import type { Env } from "../../env";

/**
 * The Stripe SDK, or undefined without STRIPE_SECRET_KEY (the embedded default): then nothing
 * reaches Stripe and the payments pages say how to set it up. STRIPE_API_BASE points the real
 * SDK elsewhere (the tests' Stripe-shaped server); unset, it talks to api.stripe.com.
 */
export function createStripeClient(stripe: Env["stripe"]): Stripe | undefined {
  if (!stripe.secretKey) return undefined;
  const base = stripe.apiBase ? new URL(stripe.apiBase) : undefined;
  return new Stripe(stripe.secretKey, {
    // Each call is retried by our own schedule with the same idempotency key, not by the SDK.
    maxNetworkRetries: 0,
    timeout: 20_000,
    appInfo: { name: "Placement Exchange" },
    ...(base
      ? {
          host: base.hostname,
          port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
          protocol: base.protocol === "https:" ? ("https" as const) : ("http" as const),
        }
      : {}),
  });
}
