import { Router } from "express";
import type Stripe from "stripe";
import { z } from "zod";
import { ConnectStatusSchema, PaymentsRedirectSchema } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { memberOf, requireMember } from "../../../http/require-actor";
import { defineRoute } from "../../../http/route";
import { actsForProviderMoney, readsProviderPayments } from "../policy";
import { requireStripe } from "../stripe-access";
import { startOnboarding, syncAccount } from "./onboarding";
import { presentConnectStatus } from "./present";
import { stripeAccountOf } from "./queries";

const ConnectStatusResponseSchema = z.object({ data: ConnectStatusSchema });
const RedirectResponseSchema = z.object({ data: PaymentsRedirectSchema });
const NOT_SET_UP_RESPONSE = { description: "Payments are not set up on this service (reason payments_not_set_up)" };
const STRIPE_DOWN_RESPONSE = { description: "Stripe did not answer; nothing changed, try again shortly" };

/** A provider connects to Stripe (Express, onboarding through an Account Link) to be paid for its placements. */
export function connectRoutes({ db, stripe, publicUrl }: { db: Db; stripe: Stripe | undefined; publicUrl: string }): Router {
  const router = Router();
  const common = { tag: "payments", access: "signed-in" as const };
  const organisationOf = (req: Parameters<typeof memberOf>[0]) => {
    const actor = memberOf(req);
    return { id: actor.organisationId, name: actor.organisationName };
  };

  defineRoute(router, {
    ...common,
    before: [requireMember(readsProviderPayments)],
    method: "get",
    path: "/api/v1/payments/connect",
    summary: "The provider's Stripe Connect status as Stripe last reported it, and whether its placements can be invoiced (and why not)",
    responses: { 200: { description: "The status", schema: ConnectStatusResponseSchema } },
    handler: async (req, res) => {
      const organisation = organisationOf(req);
      res.json({ data: presentConnectStatus(organisation, await stripeAccountOf(db, organisation.id)) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(actsForProviderMoney)],
    method: "post",
    path: "/api/v1/payments/connect",
    summary: "Connect the provider to Stripe: its Express account (made once) and a link to Stripe's onboarding (the provider's administrators; audited)",
    responses: { 200: { description: "Where to send the administrator", schema: RedirectResponseSchema }, 409: NOT_SET_UP_RESPONSE, 503: STRIPE_DOWN_RESPONSE },
    handler: async (req, res) => {
      const url = await startOnboarding({ db, stripe: requireStripe(stripe), actor: memberOf(req), ip: req.ip, publicUrl });
      res.json({ data: { url } });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(actsForProviderMoney)],
    method: "post",
    path: "/api/v1/payments/connect/sync",
    summary: "Ask Stripe for the provider's account now and store its status (the onboarding return page: webhooks may lag; audited)",
    responses: { 200: { description: "The status now", schema: ConnectStatusResponseSchema }, 409: NOT_SET_UP_RESPONSE, 503: STRIPE_DOWN_RESPONSE },
    handler: async (req, res) => {
      const account = await syncAccount({ db, stripe: requireStripe(stripe), actor: memberOf(req), ip: req.ip });
      res.json({ data: presentConnectStatus(organisationOf(req), account) });
    },
  });
  return router;
}
