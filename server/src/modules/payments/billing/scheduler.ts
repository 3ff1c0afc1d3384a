import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import type { Logger } from "../../../logger";
import { createStripeClient } from "../stripe-client";
import { runAllBilling } from "./run";

/**
 * Every node runs one. Which node bills a region's period is decided by a lock in the database
 * (compute.ts), and which node sends an invoice by a lease (claim.ts), so none bills twice.
 * Without STRIPE_SECRET_KEY it does nothing at all: nothing is decided that could not be sent.
 */
export function startBillingScheduler(deps: { db: Db; env: Env; logger: Logger; intervalMs: number }): { stop(): Promise<void> } {
  const stripe = createStripeClient(deps.env.stripe);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    running = (async () => {
      try {
        if (stripe) await runAllBilling({ db: deps.db, stripe, logger: deps.logger });
      } catch (error) {
        deps.logger.warn({ err: error }, "billing scheduler tick failed");
      }
    })();
    void running.then(() => {
      if (!stopped) timer = setTimeout(tick, deps.intervalMs);
    });
  };
  if (stripe) tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
