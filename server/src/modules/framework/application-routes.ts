import { Router } from "express";
import {
  AdmissionDecisionSchema,
  ApplicationListQuerySchema,
  ProviderApplicationCreateSchema,
  ProviderApplicationListSchema,
  ProviderApplicationResponseSchema,
} from "@shared/schemas/framework";
import { AdmissionParamsSchema, ApplicationParamsSchema, FrameworkParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { decideAdmission } from "./commands/decide-admission";
import { submitApplication } from "./commands/submit-application";
import { applicationScope, canActForProvider, canSeeApplications, isProvider, isRegionalHub } from "./policy";
import { presentApplication } from "./present";
import { listApplications, loadRunnableFramework, loadVisibleApplication, loadVisibleFramework } from "./queries";

/** Providers apply to join lots; the hub admits, rejects or suspends them lot by lot. */
export function applicationRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "framework admission", access: "signed-in" as const };

  defineRoute(router, {
    ...common,
    before: [requireMember(isProvider)],
    method: "post",
    path: "/api/v1/frameworks/:id/applications",
    summary: "Apply to join lots in an open admission round, accepting the latest terms (a provider's administrator)",
    input: { params: FrameworkParamsSchema, body: ProviderApplicationCreateSchema },
    responses: { 201: { description: "Applied; each lot is 'applied' until the hub decides", schema: ProviderApplicationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadVisibleFramework(db, actor, input.params.id);
      if (!canActForProvider(actor)) throw forbidden("Only your organisation's administrators apply to the framework.");
      const id = await submitApplication({ db, actor, framework, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentApplication(await loadVisibleApplication(db, actor, framework, id)) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(canSeeApplications)],
    method: "get",
    path: "/api/v1/frameworks/:id/applications",
    summary:
      "Applications, newest first, 20 a page: every one for the regional admin, a provider's own for a provider; search by provider name, filter by lot status (applied: waiting for a decision)",
    input: { params: FrameworkParamsSchema, query: ApplicationListQuerySchema },
    responses: { 200: { description: "Applications with each lot's status and the hub's reason", schema: ProviderApplicationListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadVisibleFramework(db, actor, input.params.id);
      const { rows, meta } = await listApplications(db, framework.id, { ...applicationScope(actor, framework), ...input.query });
      res.json({ data: rows.map(presentApplication), meta });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember()],
    method: "get",
    path: "/api/v1/frameworks/:id/applications/:applicationId",
    summary: "One application, to the regional admin or the provider that made it",
    input: { params: ApplicationParamsSchema },
    responses: { 200: { description: "The application", schema: ProviderApplicationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadVisibleFramework(db, actor, input.params.id);
      res.json({ data: presentApplication(await loadVisibleApplication(db, actor, framework, input.params.applicationId)) });
    },
  });

  defineRoute(router, {
    ...common,
    before: [requireMember(isRegionalHub)],
    method: "put",
    path: "/api/v1/frameworks/:id/admissions/:organisationId/lots/:lotNumber",
    summary: "Admit, reject or suspend a provider on a lot it applied for, with a reason it will see (regional admin)",
    input: { params: AdmissionParamsSchema, body: AdmissionDecisionSchema },
    responses: { 200: { description: "The application the lot belongs to, with the decision", schema: ProviderApplicationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const framework = await loadRunnableFramework(db, actor, input.params.id);
      const { organisationId, lotNumber } = input.params;
      const applicationId = await decideAdmission({ db, actor, framework, organisationId, lotNumber, input: input.body, ip: req.ip });
      res.json({ data: presentApplication(await loadVisibleApplication(db, actor, framework, applicationId)) });
    },
  });
  return router;
}
