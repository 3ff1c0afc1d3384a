import { Router } from "express";
import { z } from "zod";
import { BillingSettingsSaveSchema, BillingSettingsSchema } from "@shared/schemas/payments";
import type { Db } from "../../../db/client";
import { memberOf, requireMember } from "../../../http/require-actor";
import { defineRoute } from "../../../http/route";
import { managesBilling } from "../policy";
import { presentBillingSettings } from "./present";
import { billingSettingsOf } from "./queries";
import { saveBillingSettings } from "./save-settings";

const BillingSettingsResponseSchema = z.object({ data: BillingSettingsSchema });

/** The region's billing settings: every member reads them (pages need the periods), the hub sets them. */
export function billingSettingsRoutes({ db, stripeConfigured }: { db: Db; stripeConfigured: boolean }): Router {
  const router = Router();
  const common = { tag: "payments", access: "signed-in" as const };

  defineRoute(router, {
    ...common,
    before: [requireMember()],
    method: "get",
    path: "/api/v1/payments/settings",
    summary: "The region's billing settings (periods, levy, membership) and whether Stripe is set up; defaults with enabled false until the hub saves them",
    responses: { 200: { description: "The settings", schema: BillingSettingsResponseSchema } },
    handler: async (req, res) => {
      res.json({ data: presentBillingSettings(await billingSettingsOf(db, memberOf(req).regionId), stripeConfigured) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(managesBilling)],
    method: "put",
    path: "/api/v1/payments/settings",
    summary: "Set the region's billing (the hub's administrators; billing starts on the first day of a period; audited before and after)",
    input: { body: BillingSettingsSaveSchema },
    responses: { 200: { description: "The settings now", schema: BillingSettingsResponseSchema } },
    handler: async (req, res, input) => {
      const row = await saveBillingSettings({ db, actor: memberOf(req), input: input.body, ip: req.ip });
      res.json({ data: presentBillingSettings(row, stripeConfigured) });
    },
  });
  return router;
}
