import { Router } from "express";
import { ProviderPriceListSchema, ProviderPricesUpdateSchema } from "@shared/schemas/framework";
import { FrameworkParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { updateProviderPrices } from "./commands/update-provider-prices";
import { canActForProvider, isProvider } from "./policy";
import { presentPrice } from "./present";
import { listProviderPrices, loadVisibleFramework } from "./queries";

/** An admitted provider's weekly framework prices, per band per lot, under the ceilings. */
export function priceRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "framework prices", access: "signed-in" as const, before: [requireMember(isProvider)] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/frameworks/:id/prices",
    summary: "Your organisation's framework prices, each with its band's ceiling (a provider)",
    input: { params: FrameworkParamsSchema },
    responses: { 200: { description: "Prices by lot and band", schema: ProviderPriceListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadVisibleFramework(db, actor, input.params.id);
      res.json({ data: (await listProviderPrices(db, framework.id, actor.organisationId)).map(presentPrice) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/frameworks/:id/prices",
    summary: "Set weekly prices for lots you are admitted to, each at or below its band's ceiling (a provider's administrator)",
    input: { params: FrameworkParamsSchema, body: ProviderPricesUpdateSchema },
    responses: { 200: { description: "All your prices on the framework", schema: ProviderPriceListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadVisibleFramework(db, actor, input.params.id);
      if (!canActForProvider(actor)) throw forbidden("Only your organisation's administrators set its framework prices.");
      await updateProviderPrices({ db, actor, framework, input: input.body, ip: req.ip });
      res.json({ data: (await listProviderPrices(db, framework.id, actor.organisationId)).map(presentPrice) });
    },
  });
  return router;
}
