import express, { Router } from "express";
import type Stripe from "stripe";
import type { z } from "zod";
import { ErrorCode } from "@shared/errors";
import { StripeWebhookAckSchema } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import type { Env } from "../../../env";
import { AppError, validationFailed } from "../../../http/app-error";
import { BODY_LIMIT } from "../../../http/body-parsing";
import { defineRoute } from "../../../http/route";
import { createStripeClient } from "../stripe-client";
import { receiveStripeEvent } from "./receive";

/** Stripe signs the timestamp too; an event older than this is refused as a possible replay (Stripe's default). */
const TOLERANCE_SECONDS = 300;

const notConfigured = () =>
  new AppError(
    ErrorCode.NotFound,
    404,
    "Stripe webhooks are not set up on this service: its operator sets STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (see 'Payments' in the README).",
  );

/**
 * POST /api/v1/payments/stripe/webhook. It reads the raw body (the signature is over the exact
 * bytes, which a JSON parser would lose), so it is mounted before the JSON parser, and before
 * sessions and CSRF: Stripe has neither, the signature is its authentication.
 */
export function stripeWebhookRoutes({ db, env }: { db: Db; env: Env }): Router {
  const router = Router();
  const stripe: Stripe | undefined = createStripeClient(env.stripe);
  const secret = env.stripe.webhookSecret;

  defineRoute(router, {
    tag: "payments",
    access: "public",
    method: "post",
    path: "/api/v1/payments/stripe/webhook",
    summary:
      "Stripe's events (signed with STRIPE_WEBHOOK_SECRET, Stripe-Signature header, 300 s tolerance; the raw JSON event as Stripe sends it): each event applied once, from the object as Stripe has it now",
    before: [express.raw({ type: "*/*", limit: BODY_LIMIT })],
    responses: {
      200: { description: "Received (applied false: a repeat, an unknown type or not ours)", schema: StripeWebhookAckSchema },
      400: { description: "The signature is missing, wrong or too old; nothing changed" },
      404: { description: "Stripe is not set up on this service" },
      503: { description: "Stripe could not be asked for the object; nothing changed, Stripe sends it again" },
    },
    handler: async (req, res) => {
      if (!stripe || !secret) throw notConfigured();
      // The one handler that reads req.body: the raw bytes Stripe signed (no schema can check a signature).
      const raw: unknown = req.body;
      const header = req.headers["stripe-signature"];
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(
          Buffer.isBuffer(raw) ? raw : Buffer.alloc(0),
          typeof header === "string" ? header : "",
          secret,
          TOLERANCE_SECONDS,
        );
      } catch {
        throw validationFailed([
          { path: "headers.stripe-signature", message: "The Stripe signature is missing, does not match the body, or is more than 5 minutes old" },
        ]);
      }
      const { applied } = await receiveStripeEvent({ db, stripe, event, ip: req.ip });
      res.json({ received: true, applied } satisfies z.infer<typeof StripeWebhookAckSchema>);
    },
  });
  return router;
}
