import { Router } from "express";
import { OrganisationContactUpdateSchema, OrganisationCreateSchema, OrganisationListSchema, OrganisationResponseSchema } from "@shared/schemas/identity";
import { IdParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { createOrganisation } from "./commands/create-organisation";
import { updateContact } from "./commands/update-contact";
import { canCreateOrganisation } from "./policy";
import { presentOrganisation } from "./present";
import { listVisibleOrganisations, loadContactEditableOrganisation, loadVisibleOrganisation } from "./queries";

export function organisationRoutes(db: Db): Router {
  const router = Router();

  defineRoute(router, {
    method: "get",
    path: "/api/v1/organisations",
    summary: "Organisations you may see: every one in your region for a regional admin, else your own",
    tag: "organisations",
    access: "signed-in",
    before: [requireMember()],
    responses: { 200: { description: "Organisations", schema: OrganisationListSchema } },
    handler: async (req, res) => {
      res.json({ data: (await listVisibleOrganisations(db, memberOf(req))).map(presentOrganisation) });
    },
  });

  defineRoute(router, {
    method: "post",
    path: "/api/v1/organisations",
    summary: "Add an organisation (a council, provider or Parent Carer Forum) to your region",
    tag: "organisations",
    access: "signed-in",
    before: [requireMember()],
    input: { body: OrganisationCreateSchema },
    responses: { 201: { description: "Created", schema: OrganisationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canCreateOrganisation(actor)) throw forbidden("Only the regional hub's administrators add organisations.");
      const row = await createOrganisation({ db, actor, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentOrganisation(row) });
    },
  });

  defineRoute(router, {
    method: "get",
    path: "/api/v1/organisations/:id",
    summary: "One organisation",
    tag: "organisations",
    access: "signed-in",
    before: [requireMember()],
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The organisation", schema: OrganisationResponseSchema } },
    handler: async (req, res, input) => {
      res.json({ data: presentOrganisation(await loadVisibleOrganisation(db, memberOf(req), input.params.id)) });
    },
  });

  defineRoute(router, {
    method: "patch",
    path: "/api/v1/organisations/:id/contact",
    summary: "Change the organisation's contact e-mail and phone (shown to the provider a council awards a placement); null removes one",
    tag: "organisations",
    access: "signed-in",
    before: [requireMember()],
    input: { params: IdParamsSchema, body: OrganisationContactUpdateSchema },
    responses: {
      200: { description: "The organisation with its new contact", schema: OrganisationResponseSchema },
      403: { description: "You may see the organisation but are not one of its administrators (nor the hub's)" },
    },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const organisation = await loadContactEditableOrganisation(db, actor, input.params.id);
      const row = await updateContact({ db, actor, organisationId: organisation.id, input: input.body, ip: req.ip });
      res.json({ data: presentOrganisation(row) });
    },
  });
  return router;
}
