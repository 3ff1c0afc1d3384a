import { Router } from "express";
import { DomainErrorCode } from "@shared/errors";
import { BillingRunResponseSchema } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import { conflict } from "../../../http/app-error";
import { memberOf, requireMember } from "../../../http/require-actor";
import { defineRoute } from "../../../http/route";
import { managesBilling } from "../policy";
import { createStripeClient } from "../stripe-client";
import { runRegionBilling } from "./run";

/** The hub bills now instead of waiting for the schedule. */
export function billingRunRoutes({ db, env }: { db: Db; env: Env }): Router {
  const router = Router();
  const stripe = createStripeClient(env.stripe);

  defineRoute(router, {
    tag: "payments",
    access: "signed-in",
    before: [requireMember(managesBilling)],
    method: "post",
    path: "/api/v1/payments/billing-runs",
    summary:
      "Bill the region now: invoice every ended period and correct earlier ones, then send to Stripe what is pending (the hub's administrators; audited)",
    responses: {
      200: { description: "What the run did", schema: BillingRunResponseSchema },
      409: { description: "Stripe is not set up (no STRIPE_SECRET_KEY)" },
    },
    handler: async (req, res) => {
      const actor = memberOf(req);
      if (!stripe) {
        throw conflict(
          "Payments are not set up: the server needs STRIPE_SECRET_KEY (and STRIPE_WEBHOOK_SECRET) before anything can be billed.",
          DomainErrorCode.PaymentsNotSetUp,
        );
      }
      const result = await runRegionBilling({ db, stripe }, actor.regionId, { userId: actor.userId, organisationId: actor.organisationId, ip: req.ip });
      res.json({ data: result });
    },
  });
  return router;
}
