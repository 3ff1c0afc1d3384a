import { Router } from "express";
import type Stripe from "stripe";
import { z } from "zod";
import { ErrorCode } from "@shared/errors";
import { MembershipSchema, PaymentsRedirectSchema } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { AppError } from "../../../http/app-error";
import { memberOf, requireMember } from "../../../http/require-actor";
import { defineRoute } from "../../../http/route";
import { actsForProviderMoney, readsProviderPayments } from "../policy";
import { requireStripe } from "../stripe-access";
import { startMembershipCheckout } from "./checkout";
import { presentMembership } from "./present";
import { isAdmitted, membershipRowOf, membershipSettingsOf } from "./queries";

const MembershipResponseSchema = z.object({ data: MembershipSchema });
const RedirectResponseSchema = z.object({ data: PaymentsRedirectSchema });

/** A provider's annual membership of the region's framework, when the hub charges one. */
export function membershipRoutes({ db, stripe, publicUrl }: { db: Db; stripe: Stripe | undefined; publicUrl: string }): Router {
  const router = Router();
  const common = { tag: "payments", access: "signed-in" as const };

  defineRoute(router, {
    ...common,
    before: [requireMember(readsProviderPayments)],
    method: "get",
    path: "/api/v1/payments/membership",
    summary: "The provider's framework membership: paid, overdue or not paid, at what fee (404 when the region charges none or the provider is not admitted)",
    responses: { 200: { description: "The membership", schema: MembershipResponseSchema }, 404: { description: "No membership is charged to this provider" } },
    handler: async (req, res) => {
      const actor = memberOf(req);
      const settings = await membershipSettingsOf(db, actor.regionId, "read");
      const row = await membershipRowOf(db, actor.organisationId);
      if (!row && !(await isAdmitted(db, actor.organisationId, actor.regionId))) {
        throw new AppError(ErrorCode.NotFound, 404, "Your organisation is not admitted to the region's framework, so it owes no membership.");
      }
      res.json({ data: presentMembership({ id: actor.organisationId, name: actor.organisationName }, settings, row) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(actsForProviderMoney)],
    method: "post",
    path: "/api/v1/payments/membership/checkout",
    summary:
      "Pay the annual membership: a Stripe Checkout page for a yearly subscription (the provider's administrators; audited; paid once the webhook says so)",
    responses: {
      200: { description: "Where to send the administrator", schema: RedirectResponseSchema },
      409: { description: "Payments are not set up, the region charges no membership, or it is already paid" },
      503: { description: "Stripe did not answer; nothing changed, try again shortly" },
    },
    handler: async (req, res) => {
      const url = await startMembershipCheckout({ db, stripe: requireStripe(stripe), actor: memberOf(req), publicUrl, ip: req.ip });
      res.json({ data: { url } });
    },
  });
  return router;
}
