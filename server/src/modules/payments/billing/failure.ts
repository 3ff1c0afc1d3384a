/**
 * Why a push to Stripe failed, as a sentence the hub reads beside the pending invoice: what
 * happened and what, if anything, to do. Never a secret, a key or a stack.
 */
export function pushFailureSentence(error: unknown): string {
  if (error instanceof PushRefused) return error.message;
  const e = error as { type?: unknown; statusCode?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message.slice(0, 300) : "";
  switch (e.type) {
    case "StripeConnectionError":
      return "Stripe could not be reached.";
    case "StripeAPIError":
      return `Stripe had a problem on its side${typeof e.statusCode === "number" ? ` (HTTP ${e.statusCode})` : ""}.`;
    case "StripeRateLimitError":
      return "Stripe asked us to slow down (too many requests).";
    case "StripeAuthenticationError":
    case "StripePermissionError":
      return "Stripe refused the secret key: check STRIPE_SECRET_KEY in the server's configuration.";
    case "StripeIdempotencyError":
      return "Stripe refused a retry because what would be sent changed since the first try; ask the service's support team.";
    case "StripeInvalidRequestError":
      return `Stripe refused it: ${message}`;
    default:
      return "Something unexpected stopped it reaching Stripe.";
  }
}

/** Minutes to wait before the next try: 1, 2, 4 ... up to an hour. */
export const backoffMinutes = (attempts: number): number => Math.min(60, 2 ** Math.max(0, attempts - 1));

/** Something here, not Stripe, stops an invoice being sent: its message is the hub's sentence. */
export class PushRefused extends Error {}
