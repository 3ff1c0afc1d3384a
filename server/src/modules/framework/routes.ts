import { Router } from "express";
import {
  AdmissionRoundCreateSchema,
  BandCeilingUpdateSchema,
  FrameworkListSchema,
  FrameworkResponseSchema,
  TermsVersionCreateSchema,
} from "@shared/schemas/framework";
import { BandParamsSchema, FrameworkParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { applicationRoutes } from "./application-routes";
import { openAdmissionRound } from "./commands/open-admission-round";
import { publishTermsVersion } from "./commands/publish-terms-version";
import { setBandCeiling } from "./commands/set-band-ceiling";
import { isRegionalHub } from "./policy";
import { presentFramework } from "./present";
import { priceRoutes } from "./price-routes";
import { frameworkDetail, listRegionFrameworks, loadRunnableFramework, loadVisibleFramework } from "./queries";

/** The framework: lots, bands and ceilings, terms, admission rounds; then applications and prices. */
export function frameworkRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "framework", access: "signed-in" as const };
  const admin = { ...common, before: [requireMember(isRegionalHub)] };

  defineRoute(router, {
    ...common,
    before: [requireMember()],
    method: "get",
    path: "/api/v1/frameworks",
    summary: "The frameworks of your region, with lots, price bands, terms versions and admission rounds",
    responses: { 200: { description: "Frameworks", schema: FrameworkListSchema } },
    handler: async (req, res) => {
      const actor = memberOf(req);
      res.json({ data: (await listRegionFrameworks(db, actor)).map((detail) => presentFramework(detail, actor)) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember()],
    method: "get",
    path: "/api/v1/frameworks/:id",
    summary: "One framework of your region; each round's state is by the server's clock",
    input: { params: FrameworkParamsSchema },
    responses: { 200: { description: "The framework", schema: FrameworkResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadVisibleFramework(db, actor, input.params.id);
      res.json({ data: presentFramework(await frameworkDetail(db, framework), actor) });
    },
  });

  defineRoute(router, {
    ...admin,
    method: "put",
    path: "/api/v1/frameworks/:id/lots/:lotNumber/bands/:band",
    summary:
      "Set a price band's weekly ceiling on a lot (regional admin; audited from and to). Lowering it below providers' current prices answers 409 (reason confirmation_required) listing them, until sent with confirm: true; then those providers are told",
    input: { params: BandParamsSchema, body: BandCeilingUpdateSchema },
    responses: { 200: { description: "The framework with the new ceiling", schema: FrameworkResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadRunnableFramework(db, actor, input.params.id);
      const { lotNumber, band } = input.params;
      await setBandCeiling({
        db,
        actor,
        framework,
        lotNumber,
        band,
        weeklyCeilingPence: input.body.weeklyCeilingPence,
        confirm: input.body.confirm,
        ip: req.ip,
      });
      res.json({ data: presentFramework(await frameworkDetail(db, framework)) });
    },
  });

  defineRoute(router, {
    ...admin,
    method: "post",
    path: "/api/v1/frameworks/:id/terms",
    summary: "Publish a version of the terms and conditions; new applications must accept the latest (regional admin)",
    input: { params: FrameworkParamsSchema, body: TermsVersionCreateSchema },
    responses: { 201: { description: "Published; the framework with its terms versions, newest first", schema: FrameworkResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadRunnableFramework(db, actor, input.params.id);
      await publishTermsVersion({ db, actor, framework, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentFramework(await frameworkDetail(db, framework)) });
    },
  });

  defineRoute(router, {
    ...admin,
    method: "post",
    path: "/api/v1/frameworks/:id/rounds",
    summary: "Open an admission round in which providers may apply (regional admin)",
    input: { params: FrameworkParamsSchema, body: AdmissionRoundCreateSchema },
    responses: { 201: { description: "Scheduled; the framework with its rounds, latest first", schema: FrameworkResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadRunnableFramework(db, actor, input.params.id);
      await openAdmissionRound({ db, actor, framework, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentFramework(await frameworkDetail(db, framework)) });
    },
  });

  router.use(applicationRoutes(db));
  router.use(priceRoutes(db));
  return router;
}
