import Stripe from "stripe";
import { DomainErrorCode, ErrorCode } from "@shared/errors";
import { AppError, conflict } from "../../http/app-error";

/** How to set payments up, said wherever Stripe is needed but no key is configured. */
export const NOT_SET_UP =
  "Payments are not set up on this service. Its operator sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (see 'Payments' in the README) and restarts it.";

/** The Stripe client, or a 409 saying how to set payments up (the embedded default has no key). */
export function requireStripe(stripe: Stripe | undefined): Stripe {
  if (!stripe) throw conflict(NOT_SET_UP, DomainErrorCode.PaymentsNotSetUp);
  return stripe;
}

const unavailable = () =>
  new AppError(ErrorCode.ServiceUnavailable, 503, "Stripe did not answer just now, so nothing was changed. Try again in a few minutes.");

/**
 * Whether Stripe's failure is passing (unreachable, its own 5xx, rate limits): worth trying again
 * with the same idempotency key, so the person is told to, not shown a 500.
 */
export function isStripePassing(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  return (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode ?? 0) >= 500
  );
}

/**
 * Runs a Stripe call: a passing failure becomes a 503 asking to try again shortly; a key Stripe
 * refuses is the operator's to fix (409 saying so); any other refusal is a 409 with Stripe's reason.
 */
export async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isStripePassing(error)) throw unavailable();
    if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) {
      throw conflict(`Stripe refused this service's key. ${NOT_SET_UP}`, DomainErrorCode.PaymentsNotSetUp);
    }
    if (error instanceof Stripe.errors.StripeError) throw conflict(`Stripe refused the request: ${error.message}`);
    throw error;
  }
}
