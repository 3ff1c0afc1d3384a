import { Router } from "express";
import type { Db } from "../../db/client";
import type { Env } from "../../env";
import { connectRoutes } from "./connect/routes";
import { membershipRoutes } from "./membership/routes";
import { billingSettingsRoutes } from "./settings/routes";
import { createStripeClient } from "./stripe-client";

/** The region's billing settings, providers' Stripe Connect onboarding and their membership. */
export function paymentsStripeRoutes({ db, env }: { db: Db; env: Env }): Router {
  const stripe = createStripeClient(env.stripe);
  const router = Router();
  router.use(billingSettingsRoutes({ db, stripeConfigured: stripe !== undefined }));
  router.use(connectRoutes({ db, stripe, publicUrl: env.publicUrl }));
  router.use(membershipRoutes({ db, stripe, publicUrl: env.publicUrl }));
  return router;
}
