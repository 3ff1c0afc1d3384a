import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import { type Repeating, startRepeating } from "../../../lib/repeat";
import type { Logger } from "../../../logger";
import { createStripeClient } from "../stripe-client";
import { runAllBilling } from "./run";

/**
 * Every node runs one. Which node bills a region's period is decided by a lock in the database
 * (compute.ts), and which node sends an invoice by a lease (claim.ts), so none bills twice.
 * Without STRIPE_SECRET_KEY it does nothing at all: nothing is decided that could not be sent.
 */
export function startBillingScheduler(deps: { db: Db; env: Env; logger: Logger; intervalMs: number }): Repeating {
  const stripe = createStripeClient(deps.env.stripe);
  if (!stripe) return { stop: () => Promise.resolve() };
  return startRepeating({
    everyMs: deps.intervalMs,
    logger: deps.logger,
    failure: "billing scheduler tick failed",
    work: () => runAllBilling({ db: deps.db, stripe, logger: deps.logger }),
  });
}
